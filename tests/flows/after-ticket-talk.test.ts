/**
 * What citizens write after the ticket, in their own words, in Italian and English: thanks and
 * goodbyes are answered and never offered as an addition to the report, a ticket code alone or a
 * question about progress («a che punto è?», «ma quando venite?», "any update?") shows where the
 * reports are, also while the bot is asking whether to add something.
 * On the old code each of these was offered as an addition ("Vuoi aggiungere questo messaggio…?")
 * and the answers to that question were met with "Non ho capito".
 */
import { describe, expect, it } from 'vitest';
import type { Harness } from './support/dialog-harness';
import { allText, useDialogHarness } from './support/dialog-harness';
import { say, sentReport } from './support/transcript';

let h: Harness;
useDialogHarness((started) => (h = started));

const OFFER = /Vuoi aggiungere|Do you want to add|Non ho capito|I did not understand/;

describe('after the ticket, in the citizen\'s own words', () => {
  it('IT: thanks and goodbyes are answered, progress questions and the code show the status', async () => {
    const chat = h.chat();
    const report = await sentReport(h, chat, 'it');
    for (const text of ['grazie mille, buona giornata', 'ok grazie a voi, siete gentilissimi 🙏', 'perfetto, arrivederci']) {
      const turn = await say(chat, text, { says: ['Grazie a te!'], step: 'idle' });
      expect(allText(turn.replies), text).not.toMatch(OFFER);
    }
    for (const text of ['a che punto è la mia segnalazione?', 'ci sono novità?', 'ma quando venite?', report.ticketCode, `${report.ticketCode.toLowerCase()} ?`]) {
      const turn = await say(chat, text, { says: [report.ticketCode, 'Rifiuti'], step: 'idle' });
      expect(allText(turn.replies), text).not.toMatch(OFFER);
    }
    expect((await h.reports.get(report.id))?.citizenInfo, 'nothing was added to the report').toHaveLength(0);
  });

  it('IT: asked whether to add a message, «grazie» ends the question and «a che punto è?» answers and asks again', async () => {
    const chat = h.chat();
    const report = await sentReport(h, chat, 'it');
    await say(chat, 'adesso sono ancora di più', { says: [report.ticketCode], step: 'follow_up_pick' });
    const status = await say(chat, 'ma a che punto è?', { step: 'follow_up_pick' });
    expect(allText(status.replies)).toMatch(/Rifiuti/);
    expect(allText(status.replies)).toContain('Vuoi aggiungere');
    await say(chat, 'grazie', { says: ['Grazie a te!'], step: 'idle' });
    expect((await h.reports.get(report.id))?.citizenInfo).toHaveLength(0);
  });

  it('EN: "thanks a lot, have a nice day", "any update on my report?" and "when will someone come?"', async () => {
    const chat = h.chat();
    const report = await sentReport(h, chat, 'en');
    const thanks = await say(chat, 'thanks a lot, have a nice day', { says: ['Thank you!'], step: 'idle' });
    expect(allText(thanks.replies)).not.toMatch(OFFER);
    for (const text of ['any update on my report?', 'when will someone come?', 'has anyone looked at my report']) {
      const turn = await say(chat, text, { says: [report.ticketCode], step: 'idle' });
      expect(allText(turn.replies), text).not.toMatch(OFFER);
    }
  });

  it('IT: a message that mentions a report but describes a problem is still offered to the open one', async () => {
    const chat = h.chat();
    const report = await sentReport(h, chat, 'it');
    await say(chat, "l'ho già segnalato ma i sacchi sono ancora lì e adesso ci sono anche i topi", { says: [report.ticketCode, 'Vuoi aggiungere'], step: 'follow_up_pick' });
  });
});
