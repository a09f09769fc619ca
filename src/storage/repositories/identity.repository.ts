import type { Connection } from 'mongoose';
import type { CitizenIdentity, IdentityStore } from '../../domain/ports';
import type { FieldCipher } from '../../security/field-cipher';
import { citizenIdentityModel } from '../models/citizen-identity.model';

/** The identity fields, all encrypted at rest (AES-GCM, src/security/field-cipher.ts). */
const PERSONAL = ['chatId', 'platformId', 'displayName', 'phone', 'username'] as const;

export function createIdentityRepository(conn: Connection, cipher: FieldCipher): IdentityStore {
  const Identity = citizenIdentityModel(conn);
  const chatKey = (channel: string, chatId: string) => cipher.blindIndex(`${channel}:${chatId}`);
  const decrypt = (v: unknown) => (typeof v === 'string' ? cipher.decrypt(v) : undefined);
  return {
    async upsertFromInbound(citizenRef, msg) {
      const s = msg.sender;
      const plain = {
        chatId: String(msg.chatId),
        platformId: s.platformId,
        displayName: s.displayName,
        phone: s.phone,
        username: s.username,
      };
      const encrypted = Object.fromEntries(PERSONAL.filter((k) => plain[k]).map((k) => [k, cipher.encrypt(String(plain[k]))]));
      await Identity.updateOne(
        { citizenRef },
        {
          $set: {
            channel: msg.channel,
            chatKey: chatKey(msg.channel, String(msg.chatId)),
            ...encrypted,
            reachable: true,
            lastInboundAt: msg.receivedAt,
          },
        },
        { upsert: true },
      );
    },
    async get(citizenRef) {
      const d = await Identity.findOne({ citizenRef: String(citizenRef) }).lean<CitizenIdentity>();
      if (!d) return null;
      return {
        citizenRef: d.citizenRef,
        channel: d.channel,
        chatId: decrypt(d.chatId) as string,
        platformId: decrypt(d.platformId),
        displayName: decrypt(d.displayName),
        phone: decrypt(d.phone),
        username: decrypt(d.username),
        reachable: d.reachable,
        lastInboundAt: d.lastInboundAt,
      } as CitizenIdentity;
    },
    async markUnreachable(channel, chatId) {
      await Identity.updateMany({ channel, chatKey: chatKey(channel, String(chatId)) }, { $set: { reachable: false } });
    },
  };
}
