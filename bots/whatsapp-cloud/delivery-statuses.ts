/**
 * Meta's `statuses[]` (sent, delivered, read, failed) -> the outbound log's delivery state, found by
 * the wamid the send returned.
 */
import type { IdentityStore, OutboundLog, OutboundState } from '../../src/domain/ports';
import { REENGAGEMENT_CODE, UNREACHABLE_CODES } from './graph-errors';
import type { WaStatus } from './webhook.schema';

const RANK: Record<string, number> = { sent: 1, delivered: 2, read: 3, failed: 4 };

/** One status per message: the furthest along when a notification carries several (Meta batches them). */
export function latestStatuses(statuses: WaStatus[]): WaStatus[] {
  const byId = new Map<string, WaStatus>();
  for (const s of statuses) {
    if (!(s.status in RANK)) continue; // e.g. "deleted", "warning": not a delivery state
    const seen = byId.get(s.id);
    if (!seen || RANK[s.status] > RANK[seen.status]) byId.set(s.id, s);
  }
  return [...byId.values()];
}

export function outboundStateOf(s: WaStatus): OutboundState {
  if (s.status !== 'failed') return s.status as OutboundState;
  const code = s.errors?.[0]?.code;
  // Refused for good: outside the 24-hour window, or the number is not on WhatsApp.
  return code === REENGAGEMENT_CODE || (code !== undefined && UNREACHABLE_CODES.has(code)) ? 'undeliverable' : 'failed';
}

export async function recordStatuses(deps: { outbound: OutboundLog; identities: IdentityStore }, statuses: WaStatus[]) {
  for (const s of latestStatuses(statuses)) {
    await deps.outbound.setStateByPlatformId('whatsapp-cloud', s.id, outboundStateOf(s));
    const code = s.errors?.[0]?.code;
    if (s.status === 'failed' && code !== undefined && UNREACHABLE_CODES.has(code) && s.recipient_id)
      await deps.identities.markUnreachable('whatsapp-cloud', s.recipient_id);
  }
}
