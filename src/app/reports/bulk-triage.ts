/**
 * Bulk triage: one action with one reason on several reports (close, reject, mark as duplicate of
 * one ticket). Each report goes through the same use case as a single action — its own audited
 * transition, its live update, its citizen's notice — so a bulk action is exactly N single ones;
 * each report answers for itself (done, not allowed from its status, held by someone else…).
 */
import type { Outcome } from '../../domain/report';
import type { Actor, AgentActionCommand, AgentActionResult } from './agent-action.types';
import { performAgentAction, type AgentActionDeps } from './perform-agent-action';

export const BULK_MAX_REPORTS = 100;

export type BulkCommand =
  | { action: 'close'; outcome: Outcome; reason: string }
  | { action: 'reject'; reason: string }
  | { action: 'mark_duplicate'; duplicateOf: string; reason: string };

export type BulkItemResult = {
  reportId: string;
  ticketCode?: string;
  result: 'done' | Extract<AgentActionResult, { ok: false }>['reason'];
};

function commandFor(bulk: BulkCommand, version: number): AgentActionCommand {
  switch (bulk.action) {
    case 'close':
      return { action: 'close', version, outcome: bulk.outcome, note: bulk.reason };
    case 'reject':
      return { action: 'reject', version, reason: bulk.reason };
    case 'mark_duplicate':
      return { action: 'mark_duplicate', version, duplicateOf: bulk.duplicateOf };
  }
}

export async function bulkTriage(
  deps: AgentActionDeps,
  input: { reportIds: string[]; command: BulkCommand; actor: Actor; requestId?: string },
): Promise<BulkItemResult[]> {
  const results: BulkItemResult[] = [];
  // One after the other: each is a full action with its notices, and the list is short.
  for (const reportId of [...new Set(input.reportIds)].slice(0, BULK_MAX_REPORTS)) {
    const current = await deps.reports.get(reportId);
    if (!current) {
      results.push({ reportId, result: 'not_found' });
      continue;
    }
    const outcome = await performAgentAction(deps, {
      reportId,
      command: commandFor(input.command, current.version),
      actor: input.actor,
      requestId: input.requestId,
      reason: input.command.reason,
    });
    results.push({ reportId, ticketCode: current.ticketCode, result: outcome.ok ? 'done' : outcome.reason });
  }
  return results;
}
