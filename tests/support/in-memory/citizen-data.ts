/**
 * In-memory CitizenDataStore: citizen-data.repository.ts on a MemoryDb (the citizen's reports,
 * followed reports, subscriptions, messages and contact; erasure and withdrawal rewrite them).
 */
import type { CitizenData } from '../../../src/domain/citizen-data';
import type { CitizenDataStore } from '../../../src/domain/ports';
import type { ReportDocument } from '../../../src/storage/models/report.model';
import { heldReport } from '../../../src/storage/repositories/citizen-data.repository';
import { copyDoc, type MemoryDb } from './memory-db';

const newestFirst = (a: ReportDocument, b: ReportDocument) => b.createdAt.getTime() - a.createdAt.getTime();

export function createInMemoryCitizenDataStore(db: MemoryDb): CitizenDataStore {
  const reports = () => [...db.reports.values()];
  const own = (ref: string) => reports().filter((r) => r.citizenRef === ref);

  /** Removes the citizen from others' reports' followers; `pseudonym` also unlinks their confirmations. */
  function unlinkFromOthers(ref: string, pseudonym?: string): number {
    const others = reports().filter(
      (r) =>
        r.citizenRef !== ref &&
        ((r.followers ?? []).some((f) => f.citizenRef === ref) || (pseudonym !== undefined && (r.confirmationsList ?? []).some((c) => c.citizenRef === ref))),
    );
    for (const r of others) {
      r.followers = (r.followers ?? []).filter((f) => f.citizenRef !== ref);
      if (pseudonym) r.confirmationsList = (r.confirmationsList ?? []).map((c) => (c.citizenRef === ref ? { ...c, citizenRef: pseudonym } : c));
      r.updatedAt = new Date();
    }
    return others.length;
  }

  const removeSubscriptions = (ref: string) => {
    let n = 0;
    for (const [id, s] of db.subscriptions) if (s.citizenRef === ref && db.subscriptions.delete(id)) n++;
    return n;
  };

  return {
    async collect(citizenRef) {
      const ref = String(citizenRef);
      const data: CitizenData = {
        hasContact: db.identities.has(ref),
        reports: own(ref)
          .sort(newestFirst)
          .map((doc) => heldReport(copyDoc(doc))),
        followed: reports()
          .filter((r) => r.citizenRef !== ref && (r.followers ?? []).some((f) => f.citizenRef === ref))
          .sort(newestFirst)
          .map((r) => ({ ticketCode: r.ticketCode, status: r.status })),
        subscriptions: [...db.subscriptions.values()]
          .filter((s) => s.citizenRef === ref)
          .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
          .map((s) => ({ kind: s.kind, ...(s.label ? { label: s.label } : {}), createdAt: new Date(s.createdAt.getTime()) })),
        messageCount: [...db.inbox.values()].filter((m) => m.citizenRef === ref).length,
      };
      return data;
    },

    async reportIdsOf(citizenRef) {
      return own(String(citizenRef)).map((r) => String(r._id));
    },

    async markRight(citizenRef, right) {
      const mine = own(String(citizenRef));
      for (const r of mine) {
        r.citizenRights = [...(r.citizenRights ?? []), copyDoc(right)];
        r.updatedAt = new Date();
      }
      return mine.length;
    },

    async erase(citizenRef, pseudonym, origin, right) {
      const ref = String(citizenRef);
      const mine = own(ref);
      for (const r of mine) {
        r.citizenRef = pseudonym;
        r.pseudonymisedAt = new Date(right.at.getTime());
        r.citizenRights = [...(r.citizenRights ?? []), copyDoc(right)];
        r.updatedAt = new Date();
      }
      const unlinked = unlinkFromOthers(ref, pseudonym);
      const subscriptions = removeSubscriptions(ref);
      // The message asking for the erasure stays until its answer is recorded (a retried turn needs it).
      const keep = db.cipher.messageRef(origin.channel, String(origin.messageId));
      let messages = 0;
      for (const [k, m] of db.inbox) if (m.citizenRef === ref && m.messageId !== keep && db.inbox.delete(k)) messages++;
      const kept = db.outbound.filter((o) => !(o.channel === origin.channel && o.chatId === String(origin.chatId)));
      const replies = db.outbound.length - kept.length;
      db.outbound.splice(0, db.outbound.length, ...kept);
      const identity = db.identities.delete(ref) ? 1 : 0;
      return { reportsPseudonymised: mine.length, confirmationsUnlinked: unlinked, subscriptions, messages, replies, identity };
    },

    async stopProcessing(citizenRef, right) {
      const ref = String(citizenRef);
      const mine = own(ref);
      for (const r of mine) {
        r.citizenOptedOut = true;
        r.citizenRights = [...(r.citizenRights ?? []), copyDoc(right)];
        r.updatedAt = new Date();
      }
      const followed = unlinkFromOthers(ref);
      return { subscriptions: removeSubscriptions(ref), reports: mine.length, followed };
    },
  };
}
