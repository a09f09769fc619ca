/** In-memory IdentityStore: identity.repository.ts on a MemoryDb (kept in the clear: nothing leaves the test process). */
import type { CitizenIdentity, IdentityStore } from '../../../src/domain/ports';
import { copyDoc, type IdentityDocument, type MemoryDb } from './memory-db';

export function createInMemoryIdentityStore(db: MemoryDb): IdentityStore {
  return {
    async upsertFromInbound(citizenRef, msg) {
      const s = msg.sender;
      const previous = db.identities.get(citizenRef);
      // Like the repository's $set: fields the new message lacks keep their stored value.
      const doc: IdentityDocument = copyDoc({
        ...previous,
        citizenRef,
        channel: msg.channel,
        chatId: String(msg.chatId),
        ...(s.platformId ? { platformId: s.platformId } : {}),
        ...(s.displayName ? { displayName: s.displayName } : {}),
        ...(s.phone ? { phone: s.phone } : {}),
        ...(s.username ? { username: s.username } : {}),
        reachable: true,
        lastInboundAt: msg.receivedAt,
      });
      db.identities.set(citizenRef, doc);
    },
    async get(citizenRef) {
      const d = db.identities.get(String(citizenRef));
      if (!d) return null;
      const c = copyDoc(d);
      return {
        citizenRef: c.citizenRef,
        channel: c.channel,
        chatId: c.chatId,
        platformId: c.platformId,
        displayName: c.displayName,
        phone: c.phone,
        username: c.username,
        reachable: c.reachable,
        lastInboundAt: c.lastInboundAt,
      } as CitizenIdentity;
    },
    async markUnreachable(channel, chatId) {
      for (const d of db.identities.values()) if (d.channel === channel && d.chatId === String(chatId)) d.reachable = false;
    },
  };
}
