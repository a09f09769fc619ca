/**
 * Nothing sent twice: a send is claimed in MongoDB before the platform call. Concurrent attempts
 * (a job re-scheduled by the reconciler while the first still runs) send once; an attempt that died
 * between the platform call and recording it is resolved by the documented rule — marked failed as
 * unconfirmed, never sent again. On the old code every attempt called the platform. A reply that waits
 * for the chat's earlier one waits before its claim (on the old code it held the claim meanwhile).
 */
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChatOrder } from '../../../src/app/intake/chat-order';
import { createDeliverOutbound } from '../../../src/app/intake/deliver-outbound';
import type { ChannelSender, OutboundRecord } from '../../../src/domain/ports';
import { createLogger } from '../../../src/log/logger';
import { createStorage, ensureIndexes, type Storage } from '../../../src/storage';
import { freshMongoUrl, uniqueName } from '../../support/databases';

let conn: mongoose.Connection;
let storage: Storage;
beforeAll(async () => {
  conn = await mongoose.createConnection(freshMongoUrl('claim')).asPromise();
  await ensureIndexes(conn);
  storage = createStorage(conn);
});
afterAll(async () => {
  await conn.dropDatabase();
  await conn.close();
});

function platform() {
  const sent: string[] = [];
  const sender: ChannelSender = {
    channel: 'simulator',
    async send(msg: OutboundRecord) {
      await new Promise((r) => setTimeout(r, 30)); // the platform call takes a while
      sent.push(msg.outboundId);
      return { platformMessageId: `p-${sent.length}` };
    },
  };
  return { sent, sender };
}

const logger = createLogger({ level: 'error', json: false });

async function recordOne() {
  const outboundId = uniqueName('out');
  await storage.outbound.record({ channel: 'simulator', chatId: uniqueName('chat'), text: 'Segnalazione registrata', outboundId, purpose: 'dialog', language: 'it' });
  return outboundId;
}

describe('claim before send', () => {
  it('five concurrent attempts hand the message to the platform once', async () => {
    const { sent, sender } = platform();
    const deliver = createDeliverOutbound({ outbound: storage.outbound, identities: storage.identities, sender, logger });
    const id = await recordOne();
    const decisions = await Promise.all([1, 2, 3, 4, 5].map(() => deliver(id)));
    expect(sent).toEqual([id]);
    expect(decisions.filter((d) => d.kind === 'done').length).toBeGreaterThanOrEqual(1);
    expect((await storage.outbound.get(id))?.state).toBe('sent');
    // And a later attempt (a redelivered job) sends nothing.
    await deliver(id);
    expect(sent).toEqual([id]);
  });

  it('an attempt that died mid-send: not sent again, marked failed as unconfirmed', async () => {
    const { sent, sender } = platform();
    const deliver = createDeliverOutbound({ outbound: storage.outbound, identities: storage.identities, sender, logger });
    const id = await recordOne();
    // The dead attempt's claim, two minutes old, with no outcome recorded.
    await conn.collection('outbound_messages').updateOne({ outboundId: id }, { $set: { claimedAt: new Date(Date.now() - 120_000) } });
    expect(await deliver(id)).toMatchObject({ kind: 'give_up' });
    expect(sent).toEqual([]);
    const record = await storage.outbound.get(id);
    expect(record?.state).toBe('failed');
    expect(record?.error).toMatch(/unconfirmed/);
  });

  it('a claim still young means another attempt may be sending: wait, do not send', async () => {
    const { sent, sender } = platform();
    const deliver = createDeliverOutbound({ outbound: storage.outbound, identities: storage.identities, sender, logger });
    const id = await recordOne();
    await conn.collection('outbound_messages').updateOne({ outboundId: id }, { $set: { claimedAt: new Date() } });
    expect(await deliver(id)).toMatchObject({ kind: 'retry_later' });
    expect(sent).toEqual([]);
  });

  it('a refused send gives the claim back, so the retry sends', async () => {
    let calls = 0;
    const sender: ChannelSender = {
      channel: 'simulator',
      async send() {
        calls++;
        if (calls === 1) throw new Error('platform answered 502');
        return {};
      },
    };
    const deliver = createDeliverOutbound({ outbound: storage.outbound, identities: storage.identities, sender, logger });
    const id = await recordOne();
    await expect(deliver(id)).rejects.toThrow(/502/);
    expect(await deliver(id)).toEqual({ kind: 'done' });
    expect(calls).toBe(2);
    expect((await storage.outbound.get(id))?.state).toBe('sent');
  });

  it("a reply waiting for the chat's earlier one is not claimed meanwhile (a worker dying then loses nothing)", async () => {
    const { sent, sender } = platform();
    const chatId = uniqueName('chat');
    const ids = [uniqueName('r0'), uniqueName('r1')];
    await storage.outbound.recordAll(ids.map((outboundId, i) => ({ channel: 'telegram' as const, chatId, text: `risposta ${i}`, outboundId, purpose: 'dialog' as const })));
    // The Telegram and Cloud API senders' per-chat order, waiting in place for up to 2 s.
    const inOrder: ChannelSender = { ...sender, waitForTurn: createChatOrder(storage.outbound, { waitLimitMs: 60_000, inlineWaitMs: 2_000, recheckMs: 250 }) };
    const deliver = createDeliverOutbound({ outbound: storage.outbound, identities: storage.identities, sender: inOrder, logger });
    const second = deliver(ids[1]!, { channel: 'telegram', chatId });
    await new Promise((r) => setTimeout(r, 300));
    const raw = await conn.collection('outbound_messages').findOne({ outboundId: ids[1] });
    expect(raw?.claimedAt ?? null).toBeNull();
    expect(sent).toEqual([]);
    expect(await deliver(ids[0]!, { channel: 'telegram', chatId })).toEqual({ kind: 'done' });
    expect(await second).toEqual({ kind: 'done' });
    expect(sent).toEqual(ids);
  });
});
