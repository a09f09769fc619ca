/**
 * The citizen's data rights, exercised through the bot (GDPR art. 15, 17, 21). Each one is marked
 * on the citizen's own reports (agents see it on the report) and audited once per report, or once
 * without a report, with actor "citizen" and never who they are.
 *  - access / export: what is held, read-only;
 *  - erasure: identity, subscriptions, messages and replies deleted; reports already with the police
 *    kept without the link to the person (a random pseudonym replaces the citizenRef);
 *  - withdrawal: nothing more is processed but the answer to it (no status updates, no alerts).
 * The dialog state (conversation) is reset by the flow itself in the same turn.
 */
import { randomBytes } from 'node:crypto';
import type { CitizenData, CitizenRight, ErasureCounts, WithdrawalCounts } from '../../domain/citizen-data';
import type { AuditLog, CitizenDataStore, RightOrigin } from '../../domain/ports';

export type DataRightsDeps = { data: CitizenDataStore; audit: Pick<AuditLog, 'record'> };

export const rightAuditAction = (right: CitizenRight) => `citizen.right.${right}`;

/** A fresh pseudonym for erased reports: random, so nothing links it back to the person. */
export const newPseudonym = () => `erased-${randomBytes(12).toString('base64url')}`;

async function audit(deps: DataRightsDeps, reportIds: readonly string[], right: CitizenRight, details: Record<string, unknown>) {
  const action = rightAuditAction(right);
  if (reportIds.length === 0) return deps.audit.record({ actor: 'citizen', action, details });
  for (const reportId of reportIds) await deps.audit.record({ actor: 'citizen', action, reportId, details });
}

/** Art. 15: what is held (right 'access'), or the same for the copy (right 'export'). */
export async function showCitizenData(deps: DataRightsDeps, citizenRef: string, right: 'access' | 'export', now: Date): Promise<CitizenData> {
  const data = await deps.data.collect(citizenRef);
  const ids = await deps.data.reportIdsOf(citizenRef);
  await deps.data.markRight(citizenRef, { right, at: now });
  await audit(deps, ids, right, { reports: data.reports.length, messages: data.messageCount });
  return data;
}

/** Art. 17: erases the person, keeps the reports without them. Idempotent (a second run finds nothing). */
export async function eraseCitizenData(deps: DataRightsDeps, citizenRef: string, origin: RightOrigin, now: Date): Promise<ErasureCounts> {
  const ids = await deps.data.reportIdsOf(citizenRef);
  const counts = await deps.data.erase(citizenRef, newPseudonym(), origin, { right: 'erasure', at: now });
  await audit(deps, ids, 'erasure', { ...counts });
  return counts;
}

/** Art. 7(3) / 21: consent withdrawn; their reports stay with the police, who need them for their task. */
export async function withdrawConsent(deps: DataRightsDeps, citizenRef: string, now: Date): Promise<WithdrawalCounts> {
  const ids = await deps.data.reportIdsOf(citizenRef);
  const counts = await deps.data.stopProcessing(citizenRef, { right: 'withdrawal', at: now });
  await audit(deps, ids, 'withdrawal', { ...counts });
  return counts;
}
