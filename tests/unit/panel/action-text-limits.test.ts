import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACTION_TEXT_LIMITS } from '../../../src/panel/report-action.limits';
import { reportActionSchema } from '../../../src/panel/report-action.schema';

describe('agent action text limits (one table for the server and the panel form)', () => {
  it('the server accepts each text up to its limit and refuses one character more', () => {
    const bodies = (n: number) => [
      { action: 'ask_info', version: 0, message: 'x'.repeat(n === 0 ? 1 : ACTION_TEXT_LIMITS.message + n) },
      { action: 'dispatch', version: 0, unit: 'x'.repeat(ACTION_TEXT_LIMITS.unit + n) },
      { action: 'reject', version: 0, reason: 'x'.repeat(ACTION_TEXT_LIMITS.reason + n) },
      { action: 'close', version: 0, outcome: 'intervention_done', note: 'x'.repeat(ACTION_TEXT_LIMITS.note + n) },
      { action: 'reopen', version: 0, note: 'x'.repeat(ACTION_TEXT_LIMITS.note + n) },
    ];
    for (const ok of bodies(0).slice(1)) expect(reportActionSchema.safeParse(ok).success).toBe(true);
    expect(reportActionSchema.safeParse({ action: 'ask_info', version: 0, message: 'x'.repeat(ACTION_TEXT_LIMITS.message) }).success).toBe(true);
    for (const tooLong of bodies(1)) expect(reportActionSchema.safeParse(tooLong).success).toBe(false);
  });

  it('the panel form takes its maxLength from the same table (no number of its own)', () => {
    const form = readFileSync(new URL('../../../src/panel/web/src/components/action-panel.tsx', import.meta.url), 'utf8');
    expect(form).toContain('maxLength={ACTION_TEXT_LIMITS.note}');
    expect(form).not.toMatch(/maxLength=\{\d+\}/);
  });
});
