/**
 * Data rights through the bot (GDPR art. 15, 17, 21), in Italian and English, on the in-memory
 * adapters of the ports (the MongoDB repositories are held to the same contract in
 * tests/integration/storage/contracts): «i miei dati» says what is held, «copia dei miei dati» sends
 * a copy, «cancella i miei dati» explains, asks, then erases the person and keeps the reports
 * without them, «revoco il consenso» stops all processing but the answer. Agents see the right on
 * the report and in the audit log.
 */
import { describe, expect, it } from 'vitest';
import { noticeRecipients } from '../../src/app/citizens/notify-citizens';
import { allText, type Chat, type Harness } from './support/dialog-harness';
import { EN, IT, say } from './support/transcript';
import { useDialogHarness } from './support/dialog-harness';

let h: Harness;
useDialogHarness((started) => (h = started));

const storage = () => h.storage;

/** What the intake pipeline stores besides the dialog: the identity and the inbox messages. */
async function seedIntake(chat: Chat, messages: number) {
  const s = storage();
  for (let i = 0; i < messages; i++) {
    const msg = chat.message({ kind: 'text', text: `messaggio ${i}` }, `${chat.chatId}-seed-${i}`);
    await s.inbox.save(msg, chat.citizenRef);
    if (i === 0) await s.identities.upsertFromInbound(chat.citizenRef, { ...msg, sender: { platformId: chat.chatId, phone: '+393331234567' } });
  }
}

async function sendReportAndAlert(chat: Chat, lang: 'it' | 'en') {
  const lines = lang === 'it' ? [...IT.atSummary, 'Invia', 'avvisi', 'Una zona', 'marlia'] : [...EN.atSummary, 'Send', 'alerts', 'A zone', 'marlia'];
  for (const line of lines) await chat.send(typeof line === "string" ? line : line.send);
  const [report] = await h.reports.listByCitizen(chat.citizenRef, 5);
  expect(report, 'the report was sent').toBeDefined();
  expect(await h.subscriptions.listByCitizen(chat.citizenRef)).toHaveLength(1);
  return report;
}

describe('«i miei dati» / "my data" (art. 15)', () => {
  it('IT: lists reports with codes, alerts, consent with its date, message count; then a copy on request', async () => {
    const chat = h.chat();
    const report = await sendReportAndAlert(chat, 'it');
    await seedIntake(chat, 3);
    await say(chat, 'i miei dati', {
      says: [
        'I dati che il Comune di Capannori conserva su di te',
        'Informativa privacy: versione 2026-11, accettata il 18/11/2026',
        report.ticketCode,
        'Rifiuti',
        'Avvisi di zona attivi: 1',
        'Messaggi che ci hai scritto, conservati: 3',
        'Il tuo contatto su questo canale',
        '«cancella i miei dati»',
      ],
      step: 'idle',
    });
    const turn = await say(chat, 'copia dei miei dati', { says: ['copia completa dei tuoi dati', '"ticketCode"', report.ticketCode, 'Sacchi di immondizia'] });
    const json = JSON.parse(turn.replies.slice(1).map((r) => r.text).join(''));
    expect(json).toMatchObject({ municipality: 'Capannori', consent: { privacyNoticeVersion: '2026-11' }, messagesKept: 3, contactKept: true });
    expect(json.areaAlerts).toHaveLength(1);
    expect(JSON.stringify(json), 'the copy never shows the phone number in the clear... nor the internal citizenRef').not.toContain(chat.citizenRef);

    const seen = await h.reports.get(report.id);
    expect(seen?.citizenRights?.map((r) => r.right)).toEqual(['access', 'export']);
    const audit = await storage().audit.listForReport(report.id);
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['citizen.right.access', 'citizen.right.export']));
    expect(audit.find((e) => e.action === 'citizen.right.access')?.actor).toBe('citizen');
  });

  it('EN: "my data" mid-report answers and the report continues where it was', async () => {
    const chat = h.chat();
    for (const line of EN.atPhoto) await chat.send(line.send);
    await say(chat, 'my data', {
      says: ['The data the Municipality of Capannori holds about you', 'Reports you sent: none.', 'Active area alerts: 0', 'Do you have a photo?'],
      step: 'photo',
    });
  });

  it('IT: before accepting the privacy notice, "i miei dati" still answers', async () => {
    const chat = h.chat();
    await say(chat, 'i miei dati', { says: ["Informativa privacy: non l'hai accettata", 'Segnalazioni che hai inviato: nessuna.'] });
  });
});

describe('«cancella i miei dati» / "delete my data" (art. 17)', () => {
  it('IT: explains what is erased and what kept, asks, then erases the person and keeps the report without them', async () => {
    const chat = h.chat();
    const report = await sendReportAndAlert(chat, 'it');
    await seedIntake(chat, 2);
    await say(chat, 'cancella i miei dati', {
      says: ['Se confermi cancellerò', `(${report.ticketCode})`, 'senza più alcun collegamento con te', 'Confermi la cancellazione?'],
      choices: ['Sì, cancella', 'No, lascia stare'],
      step: 'erase_confirm',
    });
    await say(chat, 'boh', { says: ['Non ho capito: rispondi «Sì, cancella»'], step: 'erase_confirm' });
    const done = await say(chat, 'Sì, cancella', {
      says: ['Fatto: ho cancellato il tuo contatto, 1 avviso di zona, 2 messaggi e la conversazione', 'La segnalazione resta alla Polizia Municipale'],
      step: 'welcome',
    });
    expect(done.state.consent, 'the consent goes with the conversation').toBeUndefined();
    expect(done.state.draft).toEqual({ photoRefs: [] });

    const s = storage();
    expect(await s.identities.get(chat.citizenRef)).toBeNull();
    expect(await h.subscriptions.listByCitizen(chat.citizenRef)).toHaveLength(0);
    expect([...h.storage.db.inbox.values()].filter((m) => m.citizenRef === chat.citizenRef)).toHaveLength(0);
    expect(await h.reports.listByCitizen(chat.citizenRef, 5), 'no report is linked to the person any more').toHaveLength(0);
    const kept = await h.reports.get(report.id);
    expect(kept?.description).toContain('Sacchi di immondizia');
    expect(kept?.citizenRef).toMatch(/^erased-/);
    expect(kept?.citizenRights?.map((r) => r.right)).toEqual(['erasure']);
    const audit = await s.audit.listForReport(report.id);
    expect(audit.find((e) => e.action === 'citizen.right.erasure')).toMatchObject({ actor: 'citizen', details: { reportsPseudonymised: 1, subscriptions: 1, identity: 1 } });

    await say(chat, 'ciao', { says: ['Accetti?'], step: 'consent' });
  });

  it('IT: "No, lascia stare" keeps everything', async () => {
    const chat = h.chat();
    const report = await sendReportAndAlert(chat, 'it');
    await say(chat, 'cancella i miei dati', { step: 'erase_confirm' });
    await say(chat, 'No, lascia stare', { says: ['Ok, non ho cancellato nulla.'], step: 'idle' });
    expect((await h.reports.get(report.id))?.citizenRef).toBe(chat.citizenRef);
    expect(await h.subscriptions.listByCitizen(chat.citizenRef)).toHaveLength(1);
  });

  it('IT: «no non cancellare» to the confirmation erases nothing', async () => {
    const chat = h.chat();
    const report = await sendReportAndAlert(chat, 'it');
    await say(chat, 'cancella i miei dati', { step: 'erase_confirm' });
    await say(chat, 'no non cancellare niente', { not: ['Fatto: ho cancellato'] });
    expect((await h.reports.get(report.id))?.citizenRef).toBe(chat.citizenRef);
  });

  it('EN: "delete my data" with no reports, then "Yes, delete"', async () => {
    const chat = h.chat();
    for (const line of EN.consented) await chat.send(line.send);
    await say(chat, 'delete my data', { says: ['If you confirm I will delete', 'You have sent no reports'], choices: ['Yes, delete', 'No, keep it'] });
    const done = await say(chat, 'yes', { says: ['Done: I deleted your contact, 0 area alerts, 0 messages and the conversation'], step: 'welcome' });
    expect(allText(done.replies)).not.toContain('stays with the municipal police');
  });
});

describe('«revoco il consenso» / "withdraw consent" (art. 21)', () => {
  it('IT: stops alerts and status updates at once, keeps the reports, the next message gets the notice again', async () => {
    const chat = h.chat();
    const report = await sendReportAndAlert(chat, 'it');
    const turn = await say(chat, 'revoco il consenso', { says: ['Hai ritirato il consenso', 'non riceverai più aggiornamenti né avvisi'], step: 'declined' });
    expect(turn.state.consent).toBeUndefined();
    expect(await h.subscriptions.listByCitizen(chat.citizenRef)).toHaveLength(0);
    const kept = await h.reports.get(report.id);
    expect(kept?.citizenRef).toBe(chat.citizenRef);
    expect(kept?.citizenOptedOut).toBe(true);
    expect(kept?.citizenRights?.map((r) => r.right)).toEqual(['withdrawal']);
    expect(noticeRecipients(kept!, [], 'close'), 'no status update reaches them').toHaveLength(0);
    expect((await storage().audit.listForReport(report.id)).map((e) => e.action)).toContain('citizen.right.withdrawal');
    await say(chat, 'ci sono rifiuti', { says: ['Accetti?'], step: 'consent' });
  });

  it('EN: "withdraw consent" in the middle of a report drops it', async () => {
    const chat = h.chat();
    for (const line of EN.atLocation) await chat.send(line.send);
    const turn = await say(chat, 'withdraw consent', { says: ['You withdrew your consent'], step: 'declined' });
    expect(turn.state.draft).toEqual({ photoRefs: [] });
  });
});

describe('rights asked in the citizen\'s own words, at any step', () => {
  it('IT: "voglio sapere che dati avete su di me" right after a ticket, then "cancellate tutto quello che avete su di me"', async () => {
    const chat = h.chat();
    const report = await sendReportAndAlert(chat, 'it');
    // Text after a ticket is first offered as an addition to it: a rights request never is.
    await say(chat, 'voglio sapere che dati avete su di me', { says: ['I dati che il Comune di Capannori conserva su di te', report.ticketCode] });
    await say(chat, 'mi mandate una copia dei miei dati?', { says: ['copia completa dei tuoi dati'] });
    await say(chat, 'cancellate tutto quello che avete su di me', { says: ['Se confermi cancellerò', 'Confermi la cancellazione?'], step: 'erase_confirm' });
    await say(chat, 'No, lascia stare', { says: ['Ok, non ho cancellato nulla.'] });
    await say(chat, 'non voglio più che usiate i miei dati', { says: ['Hai ritirato il consenso'], step: 'declined' });
  });

  it('IT: a description that mentions data or deleting is a description, not a request', async () => {
    const chat = h.chat();
    for (const line of IT.atDescription) await chat.send(line.send);
    const turn = await say(chat, 'hanno cancellato le strisce e mi hanno rubato i dati della carta al bancomat qui davanti');
    expect(allText(turn.replies)).not.toMatch(/Confermi la cancellazione|conserva su di te/);
  });

  it('EN: "what info do you keep about me?" mid-report, then "please delete everything you have on me"', async () => {
    const chat = h.chat();
    for (const line of EN.atPhoto) await chat.send(line.send);
    await say(chat, 'what info do you keep about me?', { says: ['The data the Municipality of Capannori holds about you', 'Do you have a photo?'], step: 'photo' });
    await say(chat, 'please delete everything you have on me', { says: ['If you confirm I will delete'], choices: ['Yes, delete', 'No, keep it'] });
    await say(chat, 'no');
    await say(chat, 'stop using my data please', { says: ['You withdrew your consent'], step: 'declined' });
  });
});

describe('privacy notice', () => {
  it('IT and EN: "privacy" says how to exercise the rights here', async () => {
    await say(h.chat(), 'privacy', { says: ['Per quanto: i messaggi della chat e la conversazione 90 giorni', 'segnalazione chiusa 12 mesi', '«i miei dati»', '«cancella i miei dati»', '«revoco il consenso»'] });
    const en = h.chat();
    await en.send('english');
    await say(en, 'privacy', { says: ['How long: the chat\'s messages and the conversation 90 days', '"my data"', '"delete my data"', '"withdraw consent"'] });
  });
});
