/** InboxStore, IdentityStore and ConversationStore contracts: the MongoDB repositories and the in-memory adapters answer alike. */
import { expect, it } from 'vitest';
import type { InboundMessage } from '../../../../src/domain/message';
import { forEachAdapter } from './adapters';

const message = (chatId: string, messageId: string, at: string, over: Partial<InboundMessage['sender']> = {}): InboundMessage => ({
  channel: 'telegram',
  chatId,
  messageId,
  sender: { platformId: `p-${chatId}`, languageCode: 'en', ...over },
  receivedAt: new Date(at),
  payload: { kind: 'text', text: `text of ${messageId}` },
});

forEachAdapter((ports) => {
  it('stores each message once, lists a chat\'s pending ones in arrival order, marks them', async () => {
    const chat = `chat-${Math.random()}`;
    const later = message(chat, `${chat}-b`, '2026-11-18T10:01:00Z');
    const earlier = message(chat, `${chat}-a`, '2026-11-18T10:00:00Z');
    const saved = await ports().inbox.save(later, 'cit_x');
    expect(saved).toEqual({
      duplicate: false,
      record: { id: expect.any(String), channel: 'telegram', messageId: expect.stringMatching(/^m~/), chatId: chat, citizenRef: 'cit_x', receivedAt: later.receivedAt, payload: later.payload, languageCode: 'en', state: 'received' },
    });
    expect(await ports().inbox.save(later, 'cit_x')).toEqual({ duplicate: true, record: saved.record });
    await ports().inbox.save(earlier, 'cit_x');
    expect((await ports().inbox.listPending('telegram', chat)).map((r) => r.payload)).toEqual([earlier.payload, later.payload]);
    await ports().inbox.markProcessed('telegram', earlier.messageId, '0123456789abcdef01234567');
    await ports().inbox.markFailed('telegram', later.messageId, 'boom');
    expect(await ports().inbox.listPending('telegram', chat)).toEqual([]);
    expect((await ports().inbox.listForReport('0123456789abcdef01234567')).map((r) => r.payload)).toEqual([earlier.payload]);
    expect((await ports().inbox.get('telegram', later.messageId))?.state).toBe('failed');
    expect(await ports().inbox.get('telegram', 'unknown')).toBeNull();
  });

  it('stores a message delivered twice at the same moment once, beside other chats\' messages', async () => {
    // A platform redelivering while the first delivery is being stored: on MongoDB both copies can
    // go in one group commit (write-batcher.ts), and only the copy is refused.
    const chats = [`chat-${Math.random()}`, `chat-${Math.random()}`];
    const twice = message(chats[0]!, `${chats[0]}-x`, '2026-11-18T10:00:00Z');
    const other = message(chats[1]!, `${chats[1]}-y`, '2026-11-18T10:00:01Z');
    const results = await Promise.all([ports().inbox.save(twice, 'cit_t'), ports().inbox.save(twice, 'cit_t'), ports().inbox.save(other, 'cit_o')]);
    expect(results.map((r) => r.duplicate).sort()).toEqual([false, false, true]);
    expect(results[0]!.record).toEqual(results[1]!.record);
    expect((await ports().inbox.listPending('telegram', chats[0]!)).map((r) => r.payload)).toEqual([twice.payload]);
    expect((await ports().inbox.listPending('telegram', chats[1]!)).map((r) => r.payload)).toEqual([other.payload]);
  });

  it('keeps who is behind a citizenRef; a later message without a phone keeps the stored one', async () => {
    const chat = `chat-${Math.random()}`;
    const ref = `cit_id_${chat}`;
    await ports().identities.upsertFromInbound(ref, message(chat, 'i1', '2026-11-18T10:00:00Z', { phone: '+393330000000', displayName: 'Anna' }));
    await ports().identities.upsertFromInbound(ref, message(chat, 'i2', '2026-11-18T11:00:00Z', { username: 'anna_b' }));
    expect(await ports().identities.get(ref)).toEqual({
      citizenRef: ref, channel: 'telegram', chatId: chat, platformId: `p-${chat}`, displayName: 'Anna', phone: '+393330000000', username: 'anna_b',
      reachable: true, lastInboundAt: new Date('2026-11-18T11:00:00Z'),
    });
    await ports().identities.markUnreachable('telegram', chat);
    expect((await ports().identities.get(ref))?.reachable).toBe(false);
    expect(await ports().identities.get('cit_nobody')).toBeNull();
  });

  it('saves a conversation under optimistic versioning', async () => {
    const chat = `chat-${Math.random()}`;
    expect(await ports().conversations.load('telegram', chat)).toEqual({ state: null, version: 0 });
    const state = { step: 'photo', draft: { photoRefs: [], at: new Date('2026-11-18T10:00:00Z'), gone: undefined } };
    expect(await ports().conversations.save('telegram', chat, 'cit_c', state, 0, 'm1')).toBe(true);
    expect(await ports().conversations.save('telegram', chat, 'cit_c', state, 0, 'm1')).toBe(false);
    expect(await ports().conversations.load('telegram', chat)).toEqual({ state: { step: 'photo', draft: { photoRefs: [], at: new Date('2026-11-18T10:00:00Z') } }, version: 1, lastMessageId: 'm1' });
    expect(Object.keys(((await ports().conversations.load('telegram', chat)).state as { draft: object }).draft)).toEqual(['photoRefs', 'at']);
    expect(await ports().conversations.save('telegram', chat, 'cit_c', { step: 'description' }, 2, 'm2')).toBe(false);
    expect(await ports().conversations.save('telegram', chat, 'cit_c', { step: 'description' }, 1, 'm2')).toBe(true);
    expect((await ports().conversations.load('telegram', chat)).version).toBe(2);
    // The message limit's receipt times come back with the conversation.
    const receipts = [new Date('2026-11-18T10:00:00Z'), new Date('2026-11-18T10:00:20Z')];
    expect(await ports().conversations.save('telegram', chat, 'cit_c', { step: 'description' }, 2, 'm3', receipts)).toBe(true);
    expect((await ports().conversations.load('telegram', chat)).recentReceipts).toEqual(receipts);
  });
});
