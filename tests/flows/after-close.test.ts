/**
 * The after-close check in the dialog, in Italian and English, on the real repositories: once a
 * report is closed and the question "Il problema è stato risolto?" asked
 * (src/app/citizens/resolution-check.ts, covered end to end in
 * tests/integration/citizens/after-close.test.ts), the citizen's «sì» is stored, «no» / «è ancora
 * lì» within the days reopens the report through the audited transition, a late answer is only
 * noted, and a «sì» with no question pending is not taken for one.
 */
import { describe, expect, it } from 'vitest';
import type { Chat, Harness } from './support/dialog-harness';
import { useDialogHarness } from './support/dialog-harness';
import { EN, IT, say } from './support/transcript';

let h: Harness;
useDialogHarness((started) => (h = started));

const DAY = 24 * 60 * 60_000;

/** A report sent through the dialog, then taken and closed by an agent, and the question asked. */
async function closedAndAsked(chat: Chat, lang: 'it' | 'en') {
  for (const line of lang === 'it' ? IT.atSummary : EN.atSummary) await chat.send(line.send);
  await chat.send(lang === 'it' ? 'Invia' : 'Send');
  const [report] = await h.reports.listByCitizen(chat.citizenRef, 1);
  await h.reports.applyTransition({ id: report.id, action: 'take', actor: 'agent-1' });
  await h.reports.applyTransition({ id: report.id, action: 'close', actor: 'agent-1', set: { outcome: { code: 'intervention_done' } } });
  await h.reports.markResolutionAsked(report.id, chat.now);
  return report;
}

const auditOf = async (reportId: string) => h.storage.audit.listForReport(reportId);

describe('"Il problema è stato risolto?"', () => {
  it('IT: «Sì, risolto» is stored on the report; the report stays closed', async () => {
    const chat = h.chat();
    const report = await closedAndAsked(chat, 'it');
    const turn = await say(chat, 'Sì, risolto', { says: [`il problema della segnalazione ${report.ticketCode} è risolto`], step: 'idle' });
    expect(turn.reportUpdated).toBe(true);
    const stored = await h.reports.get(report.id);
    expect(stored?.status).toBe('closed');
    expect(stored?.resolutionCheck).toMatchObject({ answer: 'solved', result: 'recorded' });
    expect((await auditOf(report.id)).find((e) => e.action === 'citizen.resolution')).toMatchObject({ actor: 'citizen', details: { answer: 'solved' } });
  });

  it('IT: «è ancora lì» within the days reopens it through the audited transition', async () => {
    const chat = h.chat();
    const report = await closedAndAsked(chat, 'it');
    chat.wait(2 * DAY);
    await say(chat, 'è ancora lì', { says: [`ho riaperto la segnalazione ${report.ticketCode}`], step: 'idle' });
    const stored = await h.reports.get(report.id);
    expect(stored?.status).toBe('in_review');
    expect(stored?.resolutionCheck).toMatchObject({ answer: 'still_there', result: 'reopened' });
    const reopen = (await auditOf(report.id)).find((e) => e.action === 'reopen');
    expect(reopen).toMatchObject({ actor: 'citizen', details: { from: 'closed', to: 'in_review', answer: 'still_there' } });
    // Answered once: a second «no» is an ordinary message, not another answer.
    await say(chat, 'no', { not: ['ho riaperto'] });
  });

  // Answers in the citizen's own words. On the old code «nn risolto» was stored as "solved", and
  // «non c'è più», «hanno pulito», «macché, è tutto come prima», "it's gone" were no answer at all.
  it.each([
    ['it', 'nn risolto', 'not_solved'],
    ['it', 'non è stato risolto', 'not_solved'],
    ['it', 'macché, è tutto come prima', 'not_solved'],
    ['it', 'no è ancora tutto lì', 'still_there'],
    ['it', "non c'è più niente, grazie", 'solved'],
    ['it', 'sì hanno pulito', 'solved'],
    ['en', "it's gone, thanks", 'solved'],
    ['en', 'nope, nothing has changed', 'not_solved'],
  ] as const)('%s: «%s» is recorded as %s', async (lang, answer, recorded) => {
    const chat = h.chat();
    const report = await closedAndAsked(chat, lang);
    await say(chat, answer, { step: 'idle' });
    expect((await h.reports.get(report.id))?.resolutionCheck?.answer).toBe(recorded);
  });

  it('IT: the number of the button works as well (simulator: numbered choices)', async () => {
    const chat = h.chat();
    const report = await closedAndAsked(chat, 'it');
    await say(chat, '2', { says: [`ho riaperto la segnalazione ${report.ticketCode}`] });
    expect((await h.reports.get(report.id))?.resolutionCheck?.answer).toBe('not_solved');
  });

  it('EN: "No" after the days is noted, not reopened, and a new report suggested', async () => {
    const chat = h.chat({ languageCode: 'en' });
    const report = await closedAndAsked(chat, 'en');
    chat.wait(8 * DAY);
    await say(chat, 'No', { says: [`I noted your answer on report ${report.ticketCode}. It is too late to reopen it`] });
    const stored = await h.reports.get(report.id);
    expect(stored?.status).toBe('closed');
    expect(stored?.resolutionCheck).toMatchObject({ answer: 'not_solved', result: 'late' });
  });

  it('EN: "Yes, solved" is stored', async () => {
    const chat = h.chat({ languageCode: 'en' });
    const report = await closedAndAsked(chat, 'en');
    await say(chat, 'Yes, solved', { says: [`the problem of report ${report.ticketCode} is solved`] });
    expect((await h.reports.get(report.id))?.resolutionCheck?.answer).toBe('solved');
  });

  it('IT: «sì» with no question pending is not an answer', async () => {
    const chat = h.chat();
    for (const line of IT.atSummary) await chat.send(line.send);
    await chat.send('Invia');
    await say(chat, 'sì', { not: ['risolto', 'riaperto'] });
  });
});
