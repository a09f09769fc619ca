import { describe, expect, it } from 'vitest';
import type { CitizenNotice } from '../../../src/domain/notifications';
import { citizenNoticeText } from '../../../src/texts/citizen/notice-text';
import { OUTCOMES } from '../../../src/domain/report';

const notices: CitizenNotice[] = [
  { action: 'take' },
  { action: 'ask_info', question: 'Di che colore era l’auto?' },
  { action: 'dispatch' },
  ...OUTCOMES.map((outcome) => ({ action: 'close' as const, outcome })),
  { action: 'reject' },
  { action: 'mark_duplicate' },
];

describe('citizenNoticeText', () => {
  it.each(notices)('names the ticket in Italian and English for %o', (notice) => {
    const it_ = citizenNoticeText(notice, 'VIC-2026-000042', 'it');
    const en = citizenNoticeText(notice, 'VIC-2026-000042', 'en');
    expect(it_).toMatch(/^Segnalazione VIC-2026-000042: /);
    expect(en).toMatch(/^Report VIC-2026-000042: /);
    expect(it_).not.toBe(en);
  });

  it('quotes the agent’s question and reminds 112 when nothing will happen', () => {
    expect(citizenNoticeText({ action: 'ask_info', question: 'Di che colore era l’auto?' }, 'VIC-2026-000042', 'it')).toContain('«Di che colore era l’auto?»');
    expect(citizenNoticeText({ action: 'reject' }, 'VIC-2026-000042', 'it')).toContain('112');
  });
});
