import type { Connection } from 'mongoose';
import type { OutboundLog, OutboundRecord } from '../../domain/ports';
import { outboundMessageModel } from '../models/outbound-message.model';
import { counterModel } from '../models/counter.model';
import { isDuplicateKeyError } from './mongo-errors';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const toRecord = (d: Record<string, any>): OutboundRecord => ({
  outboundId: d.outboundId,
  channel: d.channel,
  chatId: d.chatId,
  text: d.text,
  choices: d.choices?.length ? d.choices : undefined,
  requestLocation: d.requestLocation || undefined,
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

export function createOutboundRepository(conn: Connection): OutboundLog {
  const Outbound = outboundMessageModel(conn);
  const Counter = counterModel(conn);
  return {
    async record(msg) {
      // No existence check first: the unique index on outboundId refuses a second copy.
      const c = await Counter.findOneAndUpdate(
        { _id: `outbound-seq` },
        { $inc: { value: 1 } },
        { upsert: true, returnDocument: 'after' },
      ).lean<{ value: number }>();
      try {
        await Outbound.create({ ...msg, seq: c!.value, state: 'queued' });
        return true;
      } catch (err) {
        if (isDuplicateKeyError(err)) return false;
        throw err;
      }
    },
    async recordAll(msgs) {
      if (!msgs.length) return;
      const c = await Counter.findOneAndUpdate(
        { _id: `outbound-seq` },
        { $inc: { value: msgs.length } },
        { upsert: true, returnDocument: 'after' },
      ).lean<{ value: number }>();
      const first = c!.value - msgs.length + 1;
      try {
        await Outbound.insertMany(
          msgs.map((m, i) => ({ ...m, seq: first + i, state: 'queued' })),
          { ordered: false },
        );
      } catch (err) {
        // A retried turn: the messages already recorded stay as they were.
        const writeErrors = (err as { writeErrors?: Array<{ code?: number; err?: { code?: number } }> }).writeErrors;
        const onlyDuplicates = writeErrors?.length && writeErrors.every((e) => (e.code ?? e.err?.code) === 11000);
        if (!onlyDuplicates && !isDuplicateKeyError(err)) throw err;
      }
    },
    async get(outboundId) {
      const d = await Outbound.findOne({ outboundId: String(outboundId) }).lean();
      return d ? toRecord(d) : null;
    },
    async setState(outboundId, state, extra = {}) {
      await Outbound.updateOne({ outboundId }, { $set: { state, ...extra } });
    },
    async setStateByPlatformId(channel, platformMessageId, state) {
      await Outbound.updateOne({ channel, platformMessageId: String(platformMessageId) }, { $set: { state } });
    },
    async listForChat(channel, chatId) {
      const docs = await Outbound.find({ channel, chatId: String(chatId) }).sort({ seq: 1 }).lean();
      return docs.map(toRecord);
    },
    async listReplies(channel, inReplyTo) {
      const docs = await Outbound.find({ channel, inReplyTo: String(inReplyTo) }).sort({ seq: 1 }).lean();
      return docs.map(toRecord);
    },
    async listForReport(reportId) {
      const docs = await Outbound.find({ reportId: String(reportId) }).sort({ seq: 1 }).lean();
      return docs.map(toRecord);
    },
  };
}
