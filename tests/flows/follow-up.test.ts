/**
 * Adding to an open report after it was sent, in Italian and English, on the real repositories:
 * a photo or text while the report is open gets "Aggiungere a VIC-…?" (one tap), «aggiungi» /
 * "add" opens the choice, several open reports are picked from, photos stop at the configured
 * number (REPORT_MAX_PHOTOS, default 5), a closed report cannot be added to (a new report is
 * offered), and each addition is on the report (police only) and in the audit log.
 */
import { describe, expect, it } from 'vitest';
import type { Harness } from './support/dialog-harness';
import { useDialogHarness } from './support/dialog-harness';
import { say, sentReport } from './support/transcript';
import { TOWN_HALL } from '../support/report-script';

let h: Harness;
useDialogHarness((started) => (h = started));

const auditOf = async (reportId: string) => (await h.storage.audit.listForReport(reportId)).map((e) => e.action);

describe('a photo or text after the ticket, while the report is open', () => {
  it('IT: a photo is offered to the open report with one tap, then text, then «Fatto»', async () => {
    const chat = h.chat();
    const report = await sentReport(h, chat, 'it');
    const ticket = report.ticketCode;
    await say(chat, { photo: true }, {
      says: [`Vuoi aggiungere questa foto alla tua segnalazione ${ticket}, ancora aperta?`],
      choices: [`Sì, aggiungi a ${ticket}`, 'No, è una nuova segnalazione'],
      step: 'follow_up_pick',
    });
    const added = await say(chat, '1', { says: [`Foto aggiunta alla segnalazione ${ticket} (1 di 5)`], choices: ['Fatto'], step: 'follow_up_more' });
    expect(added.reportUpdated, 'the panel is told live').toBe(true);
    expect(added.reportId).toBe(report.id);
    await say(chat, 'Ci sono anche dei vetri rotti vicino ai sacchi', { says: [`Ho aggiunto il tuo messaggio alla segnalazione ${ticket}`] });
    await say(chat, 'Fatto', { says: [`La segnalazione ${ticket} è aggiornata`], step: 'idle' });

    const stored = await h.reports.get(report.id);
    expect(stored?.photoRefs).toHaveLength(1);
    expect(stored?.citizenInfo.map((i) => i.text ?? 'photo')).toEqual(['photo', 'Ci sono anche dei vetri rotti vicino ai sacchi']);
    expect((await auditOf(report.id)).filter((a) => a === 'citizen.add')).toHaveLength(2);
  });

  // On the old code each was added to the report as information for the police.
  it.each([
    ['it', 'Sono lì da ieri mattina, vicino al cancello', 'ok perfetto grazie', 'è aggiornata'],
    ['en', 'They have been there since yesterday morning, by the gate', 'thanks a lot', 'is updated'],
  ] as const)('%s: thanks ("%s", then "%s") end the additions and are not added to the report', async (lang, text, thanks, finished) => {
    const chat = h.chat(lang === 'en' ? { languageCode: 'en' } : {});
    const report = await sentReport(h, chat, lang);
    await say(chat, text, { step: 'follow_up_pick' });
    await say(chat, '1', { step: 'follow_up_more' });
    await say(chat, thanks, { says: [report.ticketCode, finished], step: 'idle' });
    const stored = await h.reports.get(report.id);
    expect(stored?.citizenInfo.map((i) => i.text)).toEqual([text]);
  });

  it('IT: «No, è una nuova segnalazione» turns the same text into a new report', async () => {
    const chat = h.chat();
    const report = await sentReport(h, chat, 'it');
    await say(chat, 'adesso sono ancora di più', { says: [report.ticketCode], step: 'follow_up_pick' });
    await say(chat, 'No, è una nuova segnalazione', { says: ['Facciamo una nuova segnalazione'], step: 'category' });
    expect((await h.reports.get(report.id))?.citizenInfo).toHaveLength(0);
  });

  it('IT: a message naming another kind of problem is a new report, nothing asked', async () => {
    const chat = h.chat();
    await sentReport(h, chat, 'it');
    await say(chat, 'lampione spento in via del popolo', { says: ['Facciamo una nuova segnalazione'], not: ['Vuoi aggiungere'] });
  });

  it('EN: "add" with one open report, photos up to the limit, then "done"', async () => {
    const chat = h.chat({ languageCode: 'en' });
    const report = await sentReport(h, chat, 'en');
    const ticket = report.ticketCode;
    await say(chat, 'add', {
      says: [`Would you like to add photos or details to your report ${ticket}, which is still open?`],
      choices: [`Yes, add to ${ticket}`, 'No, it’s a new report'],
    });
    await say(chat, 'yes', { says: ['send me the photos (up to 5 more)'], step: 'follow_up_more' });
    for (let n = 1; n <= 5; n++) await say(chat, { photo: true }, { says: [`Photo added to report ${ticket} (${n} of 5)`] });
    await say(chat, { photo: true }, { says: [`Report ${ticket} already has 5 photos, the most allowed`], step: 'follow_up_more' });
    await say(chat, 'The bags are now blocking the gate', { says: [`I added your message to report ${ticket}`] });
    await say(chat, 'done', { says: [`Report ${ticket} is updated`], step: 'idle' });
    const stored = await h.reports.get(report.id);
    expect(stored?.photoRefs).toHaveLength(5);
    expect(stored?.citizenInfo).toHaveLength(6);
  });

  it('IT: several open reports: «aggiungi» lets the citizen pick one', async () => {
    const chat = h.chat();
    const first = await sentReport(h, chat, 'it');
    await chat.sendAll(['rifiuti', '1', { location: { ...TOWN_HALL } }, 'salta', 'Un altro sacco, più in là.', 'Invia']);
    const [second] = await h.reports.listByCitizen(chat.citizenRef, 1);
    expect(second.id).not.toBe(first.id);
    await say(chat, 'aggiungi', {
      says: ['Hai più segnalazioni aperte: a quale vuoi aggiungere foto o dettagli?'],
      choices: [`Sì, aggiungi a ${second.ticketCode}`, `Sì, aggiungi a ${first.ticketCode}`, 'No, è una nuova segnalazione'],
    });
    await say(chat, '2', { says: [`alla segnalazione ${first.ticketCode}`], step: 'follow_up_more' });
    await say(chat, { photo: true }, { says: [`Foto aggiunta alla segnalazione ${first.ticketCode} (1 di 5)`] });
    expect((await h.reports.get(first.id))?.photoRefs).toHaveLength(1);
    expect((await h.reports.get(second.id))?.photoRefs).toHaveLength(0);
  });
});

describe('a closed report cannot be added to', () => {
  it('IT: «aggiungi» says it is closed and offers a new report', async () => {
    const chat = h.chat();
    const report = await sentReport(h, chat, 'it');
    await h.reports.applyTransition({ id: report.id, action: 'take', actor: 'agent-1' });
    await h.reports.applyTransition({ id: report.id, action: 'close', actor: 'agent-1', set: { outcome: { code: 'intervention_done' } } });
    await say(chat, 'aggiungi', {
      says: [`La segnalazione ${report.ticketCode} è chiusa: non si possono più aggiungere foto o dettagli`, 'Che cosa vuoi segnalare?'],
      step: 'category',
    });
  });

  it('EN: "add VIC-…" naming a closed report says so; a photo then is not attached to it', async () => {
    const chat = h.chat({ languageCode: 'en' });
    const report = await sentReport(h, chat, 'en');
    await h.reports.applyTransition({ id: report.id, action: 'reject', actor: 'agent-1' });
    await say(chat, `add ${report.ticketCode}`, { says: [`Report ${report.ticketCode} is closed: nothing more can be added to it`], step: 'category' });
    await say(chat, 'cancel');
    await say(chat, { photo: true }, { not: ['Would you like to add'] });
    expect((await h.reports.get(report.id))?.photoRefs).toHaveLength(0);
  });
});
