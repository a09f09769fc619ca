/**
 * The per-citizen daily report limit (CITIZEN_REPORTS_PER_DAY; 3 in these tests), in Italian and
 * English: one report over the limit is refused politely and its draft kept; a day later "Invia"
 * sends it.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useDialogHarness, REPORTS_PER_DAY, type Chat, type Harness } from './support/dialog-harness';
import { checkTurn, EN, IT, HOUR } from './support/transcript';

let h: Harness;
useDialogHarness((started) => (h = started));

/** Reports the citizen sent earlier today, far from the town hall (no "same situation?" question). */
async function sentEarlier(chat: Chat, count: number) {
  for (let i = 0; i < count; i++) {
    await h.reports.createOnce({
      categoryId: 'abandoned_waste',
      reliability: 'seen',
      point: { lat: 43.868, lng: 10.555 },
      description: `earlier ${i}`,
      photoRefs: [],
      channel: chat.channel,
      citizenRef: chat.citizenRef,
      language: 'it',
      priority: 1,
      sourceMessageKey: `earlier-${randomBytes(6).toString('hex')}`,
    });
  }
  await ageReports(chat, HOUR);
}

/** The chat's clock is the test's: the earlier reports are dated on it. */
async function ageReports(chat: Chat, ms: number) {
  h.backdateReports({ citizenRef: chat.citizenRef }, new Date(chat.now.getTime() - ms));
}

describe('reports a day', () => {
  it(`IT: the report over ${REPORTS_PER_DAY} a day is refused politely, the draft kept; once they are a day old "Invia" sends it`, async () => {
    const chat = h.chat();
    await sentEarlier(chat, REPORTS_PER_DAY);
    for (const line of IT.atSummary) await chat.send(line.send);
    const refused = await chat.send('Invia');
    checkTurn(refused, { says: [`Hai già inviato ${REPORTS_PER_DAY} segnalazioni nelle ultime 24 ore`, 'Per le emergenze chiama il 112'], step: 'summary' }, 'Invia');
    expect(await h.reports.listByCitizen(chat.citizenRef, 10)).toHaveLength(REPORTS_PER_DAY);
    expect(refused.state.draft.description).toBe('Sacchi di immondizia sul marciapiede.');

    // A day later the earlier reports no longer count (the draft is still there: the citizen wrote minutes ago).
    await ageReports(chat, 25 * HOUR);
    const sent = await chat.send('Invia');
    checkTurn(sent, { says: ['VIC-'], step: 'idle' }, 'Invia the next day');
    expect(await h.reports.listByCitizen(chat.citizenRef, 10)).toHaveLength(REPORTS_PER_DAY + 1);
  });

  it('IT: below the limit nothing changes', async () => {
    const chat = h.chat();
    await sentEarlier(chat, REPORTS_PER_DAY - 1);
    for (const line of IT.atSummary) await chat.send(line.send);
    checkTurn(await chat.send('Invia'), { says: ['VIC-'], not: ['ultime 24 ore'], step: 'idle' }, 'Invia');
  });

  it('EN: the polite refusal in English', async () => {
    const chat = h.chat();
    await sentEarlier(chat, REPORTS_PER_DAY);
    for (const line of EN.atSummary) await chat.send(line.send);
    checkTurn(await chat.send('Send'), { says: [`You have already sent ${REPORTS_PER_DAY} reports in the last 24 hours`], step: 'summary' }, 'Send');
  });
});

describe('insults and threats in the description', () => {
  it('IT: the report is sent as usual and flagged to the agent', async () => {
    const chat = h.chat();
    const lines = IT.atDescription;
    for (const line of lines) await chat.send(line.send);
    await chat.send('Quegli idioti dei vicini buttano i sacchi qui, se non venite ve la faccio pagare');
    checkTurn(await chat.send('Invia'), { says: ['VIC-'], step: 'idle' }, 'Invia');
    const [report] = await h.reports.listByCitizen(chat.citizenRef, 1);
    expect(report.abuseFlags).toEqual(['insult', 'threat']);
    expect(report.description).toContain('idioti');
  });

  it('EN: an ordinary report carries no flag', async () => {
    const chat = h.chat();
    for (const line of EN.atSummary) await chat.send(line.send);
    await chat.send('Send');
    const [report] = await h.reports.listByCitizen(chat.citizenRef, 1);
    expect(report.abuseFlags).toBeUndefined();
  });
});
