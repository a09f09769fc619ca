/**
 * Advisories to area-alert subscribers, the state of their background fan-out, and their delivery
 * counts read from the outbound log (one aggregation grouped by advisory and state, on the
 * advisoryId index).
 */
import type { Connection } from 'mongoose';
import { Types } from 'mongoose';
import type { Advisory, AdvisoryDeliveryCounts, AdvisoryState, AdvisoryStore, NewAdvisory, OutboundState } from '../../domain/ports';
import { advisoryModel, type AdvisoryDocument } from '../models/advisory.model';
import { outboundMessageModel } from '../models/outbound-message.model';
import { isDuplicateKeyError } from './mongo-errors';

const STATES: readonly OutboundState[] = ['queued', 'sent', 'delivered', 'read', 'failed', 'undeliverable'];

export const emptyDeliveryCounts = (): AdvisoryDeliveryCounts => Object.fromEntries(STATES.map((s) => [s, 0])) as AdvisoryDeliveryCounts;

const ADVISORY_STATES: readonly AdvisoryState[] = ['sending', 'sent', 'failed'];

const toAdvisory = (d: AdvisoryDocument): Advisory => ({
  id: String(d._id),
  zones: [...(d.zones ?? [])],
  text: d.text,
  author: d.author,
  createdAt: d.createdAt,
  // Stored before the fan-out moved to a job (no state): it was sent within the request.
  state: d.state && ADVISORY_STATES.includes(d.state) ? d.state : 'sent',
  recipients: d.recipients ?? 0,
  failedRecipients: d.failedRecipients ?? 0,
  ...(d.finishedAt ? { finishedAt: d.finishedAt } : {}),
});

const count = (n: number) => Math.max(0, Math.floor(n));

export function createAdvisoryRepository(conn: Connection): AdvisoryStore {
  const Advisory = advisoryModel(conn);
  const Outbound = outboundMessageModel(conn);

  const byKey = (key: string) => Advisory.findOne({ requestKey: key }).lean<AdvisoryDocument>();

  return {
    async create(input: NewAdvisory) {
      const requestKey = input.requestKey ? `${String(input.author)}:${String(input.requestKey)}` : undefined;
      if (requestKey) {
        const existing = await byKey(requestKey);
        if (existing) return { advisory: toAdvisory(existing), created: false };
      }
      try {
        const doc = await Advisory.create({
          zones: input.zones.map(String),
          text: String(input.text),
          author: String(input.author),
          state: 'sending',
          ...(requestKey ? { requestKey } : {}),
        });
        return { advisory: toAdvisory(doc.toObject()), created: true };
      } catch (err) {
        if (!requestKey || !isDuplicateKeyError(err)) throw err;
        const again = await byKey(requestKey);
        if (!again) throw err;
        return { advisory: toAdvisory(again), created: false };
      }
    },

    async get(id) {
      if (!Types.ObjectId.isValid(id)) return null;
      const doc = await Advisory.findById(String(id)).lean<AdvisoryDocument>();
      return doc ? toAdvisory(doc) : null;
    },

    async markSent(id, counts) {
      if (!Types.ObjectId.isValid(id)) return;
      await Advisory.updateOne(
        { _id: String(id) },
        {
          $set: {
            state: 'sent',
            recipients: count(counts.recipients),
            failedRecipients: count(counts.failedRecipients),
            finishedAt: new Date(),
          },
        },
      );
    },

    async markFailed(id) {
      if (!Types.ObjectId.isValid(id)) return;
      await Advisory.updateOne({ _id: String(id), state: 'sending' }, { $set: { state: 'failed', finishedAt: new Date() } });
    },

    async markSending(id) {
      if (!Types.ObjectId.isValid(id)) return;
      await Advisory.updateOne({ _id: String(id), state: 'failed' }, { $set: { state: 'sending' }, $unset: { finishedAt: 1 } });
    },

    async listSending(before, limit) {
      const docs = await Advisory.find({ state: 'sending', createdAt: { $lt: before } })
        .sort({ createdAt: 1 })
        .limit(limit)
        .lean<AdvisoryDocument[]>();
      return docs.map(toAdvisory);
    },
    async list(limit, offset) {
      const [docs, total] = await Promise.all([
        Advisory.find({})
          .sort({ createdAt: -1, _id: -1 })
          .skip(Math.max(0, Math.floor(offset)))
          .limit(Math.max(0, Math.floor(limit)))
          .lean<AdvisoryDocument[]>(),
        Advisory.countDocuments({}),
      ]);
      return { items: docs.map(toAdvisory), total };
    },

    async deliveryCounts(advisoryIds) {
      const ids = [...new Set(advisoryIds.map(String))];
      const counts = new Map(ids.map((id) => [id, emptyDeliveryCounts()]));
      if (ids.length === 0) return counts;
      const rows = await Outbound.aggregate<{ _id: { advisoryId: string; state: string }; n: number }>([
        { $match: { advisoryId: ids.length === 1 ? ids[0] : { $in: ids } } },
        { $group: { _id: { advisoryId: '$advisoryId', state: '$state' }, n: { $sum: 1 } } },
      ]);
      for (const row of rows) {
        const entry = counts.get(row._id.advisoryId);
        if (entry && (STATES as readonly string[]).includes(row._id.state)) entry[row._id.state as OutboundState] += row.n;
      }
      return counts;
    },
  };
}
