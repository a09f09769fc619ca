/** The staff bot's durable outbox (see src/domain/ports/staff.ts). */
import type { Connection } from 'mongoose';
import type { StaffButton, StaffOutbox, StaffOutboxItem } from '../../domain/ports';
import { staffMessageModel } from '../models/staff-message.model';
import { isDuplicateKeyError } from './mongo-errors';

type StaffMessageDoc = {
  _id: unknown;
  key: string;
  operator: string;
  text: string;
  buttons?: StaffButton[][];
  photos?: { reportId?: string; mediaRefs?: string[] };
  reportId?: string;
  place?: { lat: number; lng: number; title: string; address: string };
  attempts?: number;
};

const toItem = (d: StaffMessageDoc): StaffOutboxItem => ({
  id: String(d._id),
  key: d.key,
  operator: d.operator,
  text: d.text,
  ...(d.buttons?.length ? { buttons: d.buttons.map((row) => row.map((b) => ({ text: b.text, data: b.data }))) } : {}),
  ...(d.photos?.reportId && d.photos.mediaRefs?.length ? { photos: { reportId: d.photos.reportId, mediaRefs: d.photos.mediaRefs } } : {}),
  ...(d.reportId ? { reportId: d.reportId } : {}),
  ...(d.place?.title ? { place: { lat: d.place.lat, lng: d.place.lng, title: d.place.title, address: d.place.address } } : {}),
  attempts: d.attempts ?? 0,
});

export function createStaffOutboxRepository(conn: Connection): StaffOutbox {
  const Message = staffMessageModel(conn);
  return {
    async enqueue(message) {
      try {
        await Message.create({ ...message, status: 'queued', dueAt: new Date() });
        return true;
      } catch (err) {
        if (isDuplicateKeyError(err)) return false;
        throw err;
      }
    },
    async claimNext(now, staleAfterMs) {
      const d = await Message.findOneAndUpdate(
        {
          $or: [
            { status: 'queued', dueAt: { $lte: now } },
            { status: 'sending', claimedAt: { $lt: new Date(now.getTime() - staleAfterMs) } },
          ],
        },
        { $set: { status: 'sending', claimedAt: now }, $inc: { attempts: 1 } },
        { returnDocument: 'after', sort: { dueAt: 1 } },
      ).lean<StaffMessageDoc>();
      return d ? toItem(d) : null;
    },
    async markSent(id, telegramMessageIds) {
      await Message.updateOne({ _id: id }, { $set: { status: 'sent', sentAt: new Date(), telegramMessageIds }, $unset: { error: 1 } });
    },
    async markFailed(id, error, retryAt) {
      await Message.updateOne(
        { _id: id },
        retryAt ? { $set: { status: 'queued', dueAt: retryAt, error } } : { $set: { status: 'failed', error } },
      );
    },
    async reportOfMessage(operator, telegramMessageId) {
      const d = await Message.findOne({ operator, telegramMessageIds: telegramMessageId, reportId: { $exists: true } })
        .select('reportId')
        .lean<{ reportId?: string }>();
      return d?.reportId ?? null;
    },
  };
}
