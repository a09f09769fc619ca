import type { Connection } from 'mongoose';
import type { CitizenIdentity, IdentityStore } from '../../domain/ports';
import { citizenIdentityModel } from '../models/citizen-identity.model';

export function createIdentityRepository(conn: Connection): IdentityStore {
  const Identity = citizenIdentityModel(conn);
  return {
    async upsertFromInbound(citizenRef, msg) {
      const s = msg.sender;
      await Identity.updateOne(
        { citizenRef },
        {
          $set: {
            channel: msg.channel,
            chatId: msg.chatId,
            platformId: s.platformId,
            ...(s.displayName ? { displayName: s.displayName } : {}),
            ...(s.phone ? { phone: s.phone } : {}),
            ...(s.username ? { username: s.username } : {}),
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
      const { citizenRef: ref, channel, chatId, platformId, displayName, phone, username, reachable, lastInboundAt } = d;
      return { citizenRef: ref, channel, chatId, platformId, displayName, phone, username, reachable, lastInboundAt };
    },
    async markUnreachable(channel, chatId) {
      await Identity.updateMany({ channel, chatId }, { $set: { reachable: false } });
    },
  };
}
