import type { Connection } from 'mongoose';
import type { OutboundLog, OutboundRecord } from '../../domain/ports';
import { outboundMessageModel, type OutboundMessageDocument } from '../models/outbound-message.model';
import { isDuplicateKeyError } from './mongo-errors';
import { WRITE_OPTIONS } from './driver-options';
import { createWriteBatcher } from './write-batcher';
import { createBatchLoader, oneOrAnyOf } from './batch-loader';
import { createOutboundClaims } from './outbound-claims';
import { createRecordingSequence } from './recording-sequence';
import type { FieldCipher } from '../../security/field-cipher';

const recordOf =
  (cipher: FieldCipher) =>
  (d: OutboundMessageDocument): OutboundRecord => ({
    outboundId: d.outboundId,
    channel: d.channel,
    chatId: cipher.decrypt(d.chatId),
    text: d.text,
    choices: d.choices?.length ? d.choices : undefined,
    requestLocation: d.requestLocation || undefined,
    ...(d.language ? { language: d.language } : {}),
    purpose: d.purpose,
    reportId: d.reportId,
    ...(d.advisoryId ? { advisoryId: d.advisoryId } : {}),
    inReplyTo: d.inReplyTo,
    state: d.state,
    seq: d.seq,
    createdAt: d.createdAt,
    platformMessageId: d.platformMessageId,
    error: d.error,
  });

/**
 * The chat id is stored encrypted with its blind index `chatKey` for lookups; platform message ids
 * and the inbound message a reply answers are stored as keyed references (see the inbox repository).
 *
 * The outbound log sits on the hot path of every dialog turn (record, deliver, mark sent), so its
 * writes go to the driver's collection directly: the documents are built here from typed messages,
 * and mongoose's casting and document hydration would only cost time.
 */
export function createOutboundRepository(conn: Connection, cipher: FieldCipher): OutboundLog {
  const Outbound = outboundMessageModel(conn);
  const outbound = Outbound.collection;
  const nextSeq = createRecordingSequence();
  // Every turn records its replies here and every send ends with its outcome here: concurrent
  // chats' writes go together (write-batcher.ts).
  const writes = createWriteBatcher(outbound, WRITE_OPTIONS);
  // The driver's collection is untyped: its documents are those toDocument writes.
  const fromDocument = recordOf(cipher);
  const toRecord = (d: object) => fromDocument(d as OutboundMessageDocument);
  // Platform ids are unique per platform; the channel is not needed to tell them apart.
  const platformRef = (platformMessageId: string) => cipher.messageRef('sent', String(platformMessageId));
  const chatKey = (channel: string, chatId: string) => cipher.blindIndex(`${channel}:${chatId}`);
  // The replies to messages of many chats, asked for together (the simulator's answers, a retried
  // turn's tail), are read together (batch-loader.ts); each message's in recording order.
  const repliesByMessage = createBatchLoader(async (channel, inReplyTo) => {
    const docs = await outbound.find({ channel, inReplyTo: oneOrAnyOf(inReplyTo) }).sort({ seq: 1 }).toArray();
    const byMessage = new Map<string, typeof docs>();
    for (const d of docs) byMessage.set(d.inReplyTo as string, [...(byMessage.get(d.inReplyTo as string) ?? []), d]);
    return byMessage;
  });
  // Claims before send; many at once go together (outbound-claims.ts).
  const claims = createOutboundClaims(outbound, toRecord);
  const toDocument = (m: Parameters<OutboundLog['record']>[0], seq: number, now: Date) => {
    const chatId = String(m.chatId);
    const doc: Record<string, unknown> = {
      outboundId: m.outboundId,
      channel: m.channel,
      chatId: cipher.encrypt(chatId),
      chatKey: chatKey(m.channel, chatId),
      text: m.text,
      state: 'queued',
      seq,
      createdAt: now,
      updatedAt: now,
    };
    if (m.choices?.length) doc.choices = m.choices;
    if (m.requestLocation) doc.requestLocation = true;
    for (const key of ['language', 'purpose', 'reportId', 'advisoryId'] as const) if (m[key] !== undefined) doc[key] = String(m[key]);
    if (m.inReplyTo !== undefined) doc.inReplyTo = cipher.messageRef(m.channel, String(m.inReplyTo));
    return doc;
  };
  return {
    async record(msg) {
      // No existence check first: the unique index on outboundId refuses a second copy.
      try {
        await writes.insertOne(toDocument(msg, nextSeq(1), new Date()));
        return true;
      } catch (err) {
        if (isDuplicateKeyError(err)) return false;
        throw err;
      }
    },
    async recordAll(msgs) {
      if (!msgs.length) return;
      const first = nextSeq(msgs.length);
      const now = new Date();
      // A retried turn: the messages already recorded stay as they were (their copies are refused).
      const ignoreDuplicate = (err: unknown) => {
        if (!isDuplicateKeyError(err)) throw err;
      };
      await Promise.all(msgs.map((m, i) => writes.insertOne(toDocument(m, first + i, now)).catch(ignoreDuplicate)));
    },
    async get(outboundId) {
      const d = await outbound.findOne({ outboundId: String(outboundId) });
      return d ? toRecord(d) : null;
    },
    claim: (outboundId, now, staleBefore) => claims.claim(String(outboundId), now, staleBefore),
    releaseClaim: (outboundId) => claims.release(String(outboundId)),
    async setState(outboundId, state, extra = {}) {
      const { platformMessageId, ...rest } = extra;
      const set = { state, ...rest, updatedAt: new Date() } as Record<string, unknown>;
      if (platformMessageId !== undefined) set.platformMessageId = platformRef(platformMessageId);
      await writes.updateOne({ outboundId: String(outboundId) }, { $set: set });
    },
    async setStateByPlatformId(channel, platformMessageId, state) {
      await outbound.updateOne({ channel, platformMessageId: platformRef(platformMessageId) }, { $set: { state, updatedAt: new Date() } });
    },
    async listForChat(channel, chatId) {
      const docs = await outbound
        .find({ channel, chatKey: chatKey(channel, String(chatId)) })
        .sort({ seq: 1 })
        .toArray();
      return docs.map(toRecord);
    },
    async oldestQueuedBefore(channel, chatId, seq, since) {
      // The { channel, chatKey, seq } index bounds the scan to the chat's earlier messages.
      const doc = await outbound.findOne(
        { channel, chatKey: chatKey(channel, String(chatId)), seq: { $lt: seq }, state: 'queued', createdAt: { $gt: since } },
        { sort: { seq: 1 } },
      );
      return doc ? toRecord(doc) : null;
    },
    async listQueued(before, limit) {
      const docs = await outbound
        .find({ state: 'queued', createdAt: { $lt: before } })
        .sort({ createdAt: 1, seq: 1 })
        .limit(limit)
        .toArray();
      return docs.map(toRecord);
    },
    async listReplies(channel, inReplyTo) {
      const docs = (await repliesByMessage.load(channel, cipher.messageRef(channel, String(inReplyTo)))) ?? [];
      return docs.map(toRecord);
    },
    async listForReport(reportId) {
      const docs = await Outbound.find({ reportId: String(reportId) })
        .sort({ seq: 1 })
        .lean<OutboundMessageDocument[]>();
      return docs.map(toRecord);
    },
  };
}
