import { describe, expect, it } from 'vitest';
import { REPORT_STATUSES, TRANSITIONS, transition, type ReportAction, type ReportStatus } from '../../../src/domain/report';

const EXPECTED: Array<[ReportStatus, ReportAction, ReportStatus | null]> = [
  ['new', 'take', 'in_review'],
  ['in_review', 'take', null],
  ['in_review', 'ask_info', 'needs_info'],
  ['needs_info', 'info_received', 'in_review'],
  ['in_review', 'dispatch', 'dispatched'],
  ['new', 'dispatch', null],
  ['dispatched', 'close', 'closed'],
  ['new', 'close', null],
  ['new', 'reject', 'rejected'],
  ['dispatched', 'reject', null],
  ['new', 'mark_duplicate', 'duplicate'],
  ['closed', 'reopen', 'in_review'],
  ['rejected', 'reopen', 'in_review'],
  ['in_review', 'reopen', null],
];

describe('report status machine', () => {
  it.each(EXPECTED)('%s --%s--> %s', (from, action, to) => {
    const r = transition(from, action);
    if (to === null) {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toContain(from);
    } else expect(r).toEqual({ ok: true, to });
  });

  it('every move in the table ends in a known status and starts from known ones', () => {
    for (const rule of Object.values(TRANSITIONS)) {
      // 'unchanged': the move keeps the status (an assignment).
      if (rule.to !== 'unchanged') expect(REPORT_STATUSES).toContain(rule.to);
      for (const f of rule.from) expect(REPORT_STATUSES).toContain(f);
    }
  });

  it('closed reports can only be reopened', () => {
    const allowed = (Object.keys(TRANSITIONS) as ReportAction[]).filter((a) => transition('closed', a).ok);
    expect(allowed).toEqual(['reopen']);
  });
});
