/**
 * Everything keyed by one citizenRef, read for the citizen's own view and rewritten for their
 * erasure or withdrawal of consent (see src/domain/ports/citizen-data.ts). A citizen has few
 * reports: the arrays of others' reports (confirmations, followers) are rewritten in code rather
 * than with array filters, which not every MongoDB-wire server supports.
 */
import type { Connection } from 'mongoose';
import type { CitizenData } from '../../domain/citizen-data';
import type { CitizenDataStore } from '../../domain/ports';
import type { FieldCipher } from '../../security/field-cipher';
import { citizenIdentityModel } from '../models/citizen-identity.model';
import { inboxMessageModel } from '../models/inbox-message.model';
import { outboundMessageModel } from '../models/outbound-message.model';
import { reportModel, type ReportDocument } from '../models/report.model';
import { subscriptionModel, type SubscriptionDocument } from '../models/subscription.model';


/** One of the citizen's own reports as «i miei dati» shows it. */
export function heldReport(r: ReportDocument): CitizenData['reports'][number] {
  return {
    ticketCode: r.ticketCode,
    status: r.status,
    categoryId: r.categoryId,
    createdAt: r.createdAt,
    ...(r.address ? { address: r.address } : {}),
    description: r.description ?? '',
    ...(r.observedWhen?.text ? { observedWhen: r.observedWhen.text } : {}),
    photos: (r.photoRefs ?? []).length,
    added: (r.citizenInfo ?? []).map((i) => ({ at: i.at, ...(i.text ? { text: i.text } : {}), photo: Boolean(i.mediaRef) })),
  };
}

export function createCitizenDataRepository(conn: Connection, cipher: FieldCipher): CitizenDataStore {
  const Report = reportModel(conn);
  const Identity = citizenIdentityModel(conn);
  const Inbox = inboxMessageModel(conn);
  const Outbound = outboundMessageModel(conn);
  const Sub = subscriptionModel(conn);

  /** Removes the citizen from others' reports' followers; `pseudonym` also unlinks their confirmations. */
  async function unlinkFromOthers(ref: string, pseudonym?: string): Promise<number> {
    const filter = pseudonym
      ? { citizenRef: { $ne: ref }, $or: [{ 'followers.citizenRef': ref }, { 'confirmationsList.citizenRef': ref }] }
      : { citizenRef: { $ne: ref }, 'followers.citizenRef': ref };
    const others = await Report.find(filter).select({ followers: 1, confirmationsList: 1 }).lean<Array<Pick<ReportDocument, '_id' | 'followers' | 'confirmationsList'>>>();
    for (const r of others) {
      const followers = (r.followers ?? []).filter((f) => f.citizenRef !== ref);
      const set: Pick<ReportDocument, 'followers' | 'confirmationsList'> = { followers };
      if (pseudonym) set.confirmationsList = (r.confirmationsList ?? []).map((c) => (c.citizenRef === ref ? { ...c, citizenRef: pseudonym } : c));
      await Report.updateOne({ _id: r._id }, { $set: set });
    }
    return others.length;
  }

  return {
    async collect(citizenRef) {
      const ref = String(citizenRef);
      const [identity, own, followed, subs, messageCount] = await Promise.all([
        Identity.exists({ citizenRef: ref }),
        Report.find({ citizenRef: ref }).sort({ createdAt: -1 }).lean<ReportDocument[]>(),
        Report.find({ 'followers.citizenRef': ref, citizenRef: { $ne: ref } }).sort({ createdAt: -1 }).lean<ReportDocument[]>(),
        Sub.find({ citizenRef: ref }).sort({ createdAt: 1 }).lean<SubscriptionDocument[]>(),
        Inbox.countDocuments({ citizenRef: ref }),
      ]);
      const data: CitizenData = {
        hasContact: Boolean(identity),
        reports: own.map(heldReport),
        followed: followed.map((r) => ({ ticketCode: r.ticketCode, status: r.status })),
        subscriptions: subs.map((s) => ({ kind: s.kind, ...(s.label ? { label: s.label } : {}), createdAt: s.createdAt })),
        messageCount,
      };
      return data;
    },

    async reportIdsOf(citizenRef) {
      const docs = await Report.find({ citizenRef: String(citizenRef) }).select({ _id: 1 }).lean<Array<Pick<ReportDocument, '_id'>>>();
      return docs.map((d) => String(d._id));
    },

    async markRight(citizenRef, right) {
      const res = await Report.updateMany({ citizenRef: String(citizenRef) }, { $push: { citizenRights: right } });
      return res.modifiedCount;
    },

    async erase(citizenRef, pseudonym, origin, right) {
      const ref = String(citizenRef);
      const own = await Report.updateMany(
        { citizenRef: ref },
        { $set: { citizenRef: pseudonym, pseudonymisedAt: right.at }, $push: { citizenRights: right } },
      );
      const unlinked = await unlinkFromOthers(ref, pseudonym);
      const subs = await Sub.deleteMany({ citizenRef: ref });
      // The message asking for the erasure stays until its answer is recorded (a retried turn needs it);
      // the retention job removes it with the other old messages.
      const keep = cipher.messageRef(origin.channel, String(origin.messageId));
      const messages = await Inbox.deleteMany({ citizenRef: ref, messageId: { $ne: keep } });
      const chatKey = cipher.blindIndex(`${origin.channel}:${String(origin.chatId)}`);
      const replies = await Outbound.deleteMany({ channel: origin.channel, chatKey });
      const identity = await Identity.deleteOne({ citizenRef: ref });
      return {
        reportsPseudonymised: own.modifiedCount,
        confirmationsUnlinked: unlinked,
        subscriptions: subs.deletedCount,
        messages: messages.deletedCount,
        replies: replies.deletedCount,
        identity: identity.deletedCount,
      };
    },

    async stopProcessing(citizenRef, right) {
      const ref = String(citizenRef);
      const own = await Report.updateMany({ citizenRef: ref }, { $set: { citizenOptedOut: true }, $push: { citizenRights: right } });
      const followed = await unlinkFromOthers(ref);
      const subs = await Sub.deleteMany({ citizenRef: ref });
      return { subscriptions: subs.deletedCount, reports: own.modifiedCount, followed };
    },
  };
}
