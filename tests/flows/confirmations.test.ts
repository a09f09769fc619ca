/**
 * "Is it the same situation?": before sending, an open report of the same category nearby (within
 * the category's radius and the time window, sent by someone else) is shown by category, street
 * and age only. "Sì" adds a confirmation to it (the citizen then follows it); "No" sends a new
 * report. Both branches in both languages, and the cases where nothing is asked.
 */
import { describe, expect, it } from 'vitest';
import { TOWN_HALL, expectTicketCode } from '../support/report-script';
import { CLOSED_TIME, OPEN_TIME, useDialogHarness, type Chat, type Harness, type Input } from './support/dialog-harness';
import { EN, HOUR, IT, MINUTE, play, type Line } from './support/transcript';

let h: Harness;
useDialogHarness((started) => (h = started));

const LAMMARI = { lat: 43.868, lng: 10.555 };
/** About 40 m from the town hall: inside the 50 m radius of abandoned waste. */
const NEAR_TOWN_HALL = { lat: 43.8417, lng: 10.5733 };
const FIRST_DESCRIPTION = 'Tre materassi buttati dietro la chiesa da stamattina.';

const sends = (lines: Line[]): Input[] => lines.map((l) => l.send);

/**
 * Another citizen's report already sent: abandoned waste at the town hall, with a photo, received
 * `ageMs` before the test clock (the database stamps reports with the real time: set it back).
 */
async function earlierReport(options: { ageMs?: number; category?: string; at?: { lat: number; lng: number }; start?: Date } = {}) {
  const first = h.chat(options.start ? { start: options.start } : {});
  const turn = await first.sendAll([
    'Ciao',
    'Accetto',
    options.category ?? 'rifiuti',
    "l'ho visto io",
    { location: { ...(options.at ?? TOWN_HALL) } },
    { photo: true },
    FIRST_DESCRIPTION,
    'Invia',
  ]);
  const id = turn.reportId!;
  const createdAt = new Date(first.now.getTime() - (options.ageMs ?? 20 * MINUTE));
  h.backdateReports({ id }, createdAt);
  return { id, ticket: expectTicketCode(turn.replies[0].text), chat: first };
}

/** A second citizen at the summary of the same kind of report, about an hour after the first. */
async function secondCitizenAtSummary(
  options: { lang?: 'it' | 'en'; start?: Date; at?: { lat: number; lng: number } } = {},
): Promise<Chat> {
  const en = options.lang === 'en';
  const chat = h.chat({ ...(en ? { languageCode: 'en' } : {}), start: options.start ?? new Date(OPEN_TIME.getTime() + HOUR) });
  const lines = en ? EN.atPhoto : IT.atPhoto;
  const at = options.at ? { location: { ...options.at } } : undefined;
  const script = sends(lines).map((input) => (at && typeof input === 'object' && 'location' in input ? at : input));
  await chat.sendAll([
    ...script,
    { photo: true },
    en ? 'Black bags and a mattress, still there.' : 'Ci sono ancora, adesso anche un divano.',
  ]);
  expect(chat.state?.step).toBe('summary');
  return chat;
}

describe('the same situation: "Sì" adds a confirmation', () => {
  it('IT: shows category, street and age only, then confirms the existing report, which the citizen now follows', async () => {
    const first = await earlierReport({ ageMs: 3 * HOUR });
    const chat = await secondCitizenAtSummary({ start: first.chat.now });
    const photoRef = chat.state!.draft.photoRefs[0];
    const asked = await chat.send('Invia');
    expect(asked.state.step).toBe('same_situation');
    expect(asked.replies).toHaveLength(1);
    const question = asked.replies[0];
    expect(question.choices).toEqual(['Sì', 'No']);
    expect(question.text).toContain("qui vicino c'è già una segnalazione simile");
    expect(question.text).toContain('Cosa: Rifiuti abbandonati');
    expect(question.text).toContain('Dove: zona Capannori centro');
    expect(question.text).toContain('arrivata oggi');
    expect(question.text).toContain('È la stessa situazione?');
    // Never who sent it, what they wrote, the house number or the ticket.
    for (const secret of [FIRST_DESCRIPTION, first.chat.chatId, first.chat.citizenRef, 'Piazza Aldo Moro', 'ore fa', first.ticket]) {
      expect(question.text).not.toContain(secret);
    }
    expect(asked.reportId).toBeUndefined();

    const turn = await chat.send('Sì');
    expect(turn.replies).toHaveLength(1);
    expect(turn.replies[0].text).toContain(`Ho aggiunto la tua conferma alla segnalazione ${first.ticket}`);
    expect(turn.replies[0].text).toContain('Da ora la segui anche tu');
    expect(turn).toMatchObject({ reportId: first.id, reportUpdated: true });
    expect(turn.reportCreated).toBeUndefined();
    expect(turn.state).toMatchObject({ step: 'idle', draft: { photoRefs: [] } });

    // No second report: one report, confirmed once, with the second citizen's details for the police.
    expect(await h.reports.listByCitizen(chat.citizenRef, 5)).toEqual([]);
    const report = await h.confirmations.get(first.id);
    expect(report).toMatchObject({ confirmations: 1, status: 'new', version: 1 });
    expect(report!.photoRefs).toContain(photoRef);
    expect(report!.photoRefs).toHaveLength(2);
    expect(report!.confirmationsList).toEqual([
      expect.objectContaining({
        citizenRef: chat.citizenRef,
        channel: 'simulator',
        language: 'it',
        reliability: 'seen',
        description: 'Ci sono ancora, adesso anche un divano.',
        photoRefs: [photoRef],
        point: TOWN_HALL,
        counted: true,
      }),
    ]);
    expect(report!.followers).toEqual([
      expect.objectContaining({ citizenRef: chat.citizenRef, channel: 'simulator', language: 'it' }),
    ]);
    // Priority recomputed: one confirmation; the urgency of both descriptions ("adesso" is the second's).
    expect(report!.priorityFactors).toMatchObject({ severity: 25, reliability: 10, photo: 4, confirmations: 6 });
    expect(report!.priority).toBe(Object.values(report!.priorityFactors!).reduce((a, b) => a + b, 0));
    expect(report!.priority).toBeGreaterThan(25 + 10 + 4);
  });

  it('IT: "stato" lists the confirmed report among the citizen\'s, marked as confirmed by them', async () => {
    const first = await earlierReport();
    const chat = await secondCitizenAtSummary();
    await chat.sendAll(['Invia', 'Sì']);
    const status = await chat.send('stato');
    expect(status.replies[0].text).toContain('Le tue segnalazioni:');
    expect(status.replies[0].text).toMatch(
      new RegExp(
        `${first.ticket} \\(\\d\\d/\\d\\d\\) · Rifiuti abbandonati: ricevuta, in attesa di essere esaminata · 👥 confermata da te`,
      ),
    );
    const confirmed = await h.confirmations.listFollowed(chat.citizenRef, 5);
    expect(confirmed.map((r) => r.id)).toEqual([first.id]);
  });

  it('IT: a confirmation soon after the report gets the recency points, stored with the factors', async () => {
    const first = await earlierReport({ ageMs: 0 });
    const chat = await secondCitizenAtSummary({ start: new Date(first.chat.now.getTime() + 20 * MINUTE) });
    await chat.sendAll(['Invia', 'sì']);
    const report = await h.confirmations.get(first.id);
    expect(report!.priorityFactors).toMatchObject({ confirmations: 6, recency: 8 });
  });

  it('EN: the same in English', async () => {
    await earlierReport();
    await play(h, {
      name: 'EN yes',
      chat: { languageCode: 'en', start: new Date(OPEN_TIME.getTime() + HOUR) },
      lines: [
        ...EN.atSummary,
        {
          send: 'Send',
          expect: {
            says: [
              'a similar report close by came in',
              'What: Abandoned waste',
              'Where: Capannori centro area',
              'Is it the same situation?',
            ],
            not: [FIRST_DESCRIPTION, 'Piazza Aldo Moro'],
            choices: ['Yes', 'No'],
            step: 'same_situation',
          },
        },
        {
          send: 'yes',
          expect: { says: ['I added your confirmation to report VIC-', 'You are now following it'], replies: 1, step: 'idle' },
        },
      ],
      async then({ chat, turns }) {
        const id = turns.at(-1)!.reportId!;
        const report = await h.confirmations.get(id);
        expect(report).toMatchObject({ confirmations: 1, followers: [{ citizenRef: chat.citizenRef, language: 'en' }] });
        expect(report!.confirmationsList[0]).toMatchObject({ language: 'en', description: 'Bin bags dumped on the pavement.' });
        expect(await h.reports.listByCitizen(chat.citizenRef, 5)).toEqual([]);
      },
    });
  });

  it('IT: outside service hours the confirmation says when the report will be reviewed', async () => {
    await earlierReport({ start: CLOSED_TIME });
    const chat = await secondCitizenAtSummary({ start: new Date(CLOSED_TIME.getTime() + 10 * MINUTE) });
    await chat.send('Invia');
    const turn = await chat.send('Sì');
    expect(turn.replies[0].text).toContain('Ora il servizio è chiuso: la esaminerà domani dalle 08:00');
    expect(turn.replies[0].text).toContain('chiama il 112');
  });

  it('a retried "Sì" (same state, same message) confirms once and answers the same', async () => {
    const first = await earlierReport();
    const chat = await secondCitizenAtSummary();
    await chat.send('Invia');
    const before = chat.state;
    const yes = chat.message({ kind: 'text', text: 'Sì' });
    const a = await h.engine.handle({ state: before, message: yes, citizenRef: chat.citizenRef, now: chat.now });
    const b = await h.engine.handle({ state: before, message: yes, citizenRef: chat.citizenRef, now: chat.now });
    expect(b.replies).toEqual(a.replies);
    expect(b.state).toEqual(a.state);
    const report = await h.confirmations.get(first.id);
    expect(report).toMatchObject({ confirmations: 1, version: 1 });
    expect(report!.confirmationsList).toHaveLength(1);
    expect(report!.photoRefs).toHaveLength(2);
  });

  it('IT: a report closed between the question and "Sì" is not confirmed: the citizen\'s is sent as new', async () => {
    const first = await earlierReport();
    const chat = await secondCitizenAtSummary();
    await chat.send('Invia');
    await h.reports.applyTransition({ id: first.id, action: 'reject', actor: 'agent-7' });
    const turn = await chat.send('Sì');
    expect(turn.replies[0].text).toContain('Nel frattempo quella segnalazione è stata chiusa: invio la tua come nuova.');
    expect(turn.replies[0].text).toContain('Segnalazione inviata!');
    expect(turn).toMatchObject({ reportCreated: true });
    expect(turn.reportId).not.toBe(first.id);
    expect((await h.confirmations.get(first.id))?.confirmations).toBe(0);
  });
});

describe('not the same situation: "No" sends a new report', () => {
  it('IT: "No" sends the report as before, and the other report is left alone', async () => {
    const first = await earlierReport();
    const chat = await secondCitizenAtSummary();
    await chat.send('Invia');
    const turn = await chat.send('No');
    const ticket = expectTicketCode(turn.replies[0].text);
    expect(ticket).not.toBe(first.ticket);
    expect(turn.replies[0].text).toContain('Segnalazione inviata!');
    expect(turn).toMatchObject({ reportCreated: true, state: { step: 'idle' } });
    const mine = await h.reports.get(turn.reportId!);
    expect(mine).toMatchObject({
      citizenRef: chat.citizenRef,
      categoryId: 'abandoned_waste',
      description: 'Ci sono ancora, adesso anche un divano.',
    });
    expect(await h.confirmations.get(first.id)).toMatchObject({ confirmations: 0, followers: [], confirmationsList: [] });
  });

  it('EN: "No" in English', async () => {
    await earlierReport();
    await play(h, {
      name: 'EN no',
      chat: { languageCode: 'en', start: new Date(OPEN_TIME.getTime() + HOUR) },
      lines: [
        ...EN.atSummary,
        { send: 'Send', expect: { step: 'same_situation', choices: ['Yes', 'No'] } },
        { send: 'no', expect: { says: ['Report sent! Your code is'], replies: 1, step: 'idle' } },
      ],
      async then({ chat, turns }) {
        expect(turns.at(-1)).toMatchObject({ reportCreated: true });
        expect(await h.reports.listByCitizen(chat.citizenRef, 5)).toHaveLength(1);
      },
    });
  });

  it('a retried "No" creates one report', async () => {
    await earlierReport();
    const chat = await secondCitizenAtSummary();
    await chat.send('Invia');
    const before = chat.state;
    const no = chat.message({ kind: 'text', text: 'No' });
    const a = await h.engine.handle({ state: before, message: no, citizenRef: chat.citizenRef, now: chat.now });
    const b = await h.engine.handle({ state: before, message: no, citizenRef: chat.citizenRef, now: chat.now });
    expect(b.replies).toEqual(a.replies);
    expect(b.reportId).toBe(a.reportId);
    expect(await h.reports.listByCitizen(chat.citizenRef, 5)).toHaveLength(1);
  });
});

describe('the question itself', () => {
  it('IT: an unclear answer re-asks; "aiuto" explains; "indietro" goes back to the summary', () =>
    earlierReport().then(() =>
      play(h, {
        name: 'IT unclear',
        chat: { start: new Date(OPEN_TIME.getTime() + HOUR) },
        lines: [
          ...IT.atSummary,
          { send: 'Invia', expect: { step: 'same_situation' } },
          {
            send: 'forse',
            expect: {
              says: ['Non ho capito: rispondi «Sì» se è la stessa situazione', 'È la stessa situazione?'],
              choices: ['Sì', 'No'],
              step: 'same_situation',
            },
          },
          { send: 'aiuto', expect: { says: ['più persone', 'È la stessa situazione?'], step: 'same_situation' } },
          { send: 'indietro', expect: { says: ['Ecco il riepilogo'], choices: ['Invia', 'Correggi', 'Annulla'], step: 'summary' } },
          { send: 'Annulla', expect: { says: ['ho annullato la segnalazione'], step: 'idle' } },
        ],
      }),
    ));

  it('a report 40 m away (inside the 50 m radius of abandoned waste) is asked about', async () => {
    await earlierReport({ at: NEAR_TOWN_HALL });
    const chat = await secondCitizenAtSummary();
    expect((await chat.send('Invia')).state.step).toBe('same_situation');
  });
});

describe('when nothing is asked', () => {
  const sentDirectly = async (chat: Chat) => {
    const turn = await chat.send('Invia');
    expect(turn.state.step, JSON.stringify(turn.replies)).toBe('idle');
    expect(turn.replies[0].text).toContain('Segnalazione inviata!');
    expect(turn.reportCreated).toBe(true);
  };

  it('a report of the same category farther than its radius', async () => {
    await earlierReport({ at: LAMMARI });
    await sentDirectly(await secondCitizenAtSummary());
  });

  it('a report older than the 24-hour window', async () => {
    await earlierReport({ ageMs: 25 * HOUR });
    await sentDirectly(await secondCitizenAtSummary());
  });

  it('a report of another category at the same place', async () => {
    await earlierReport({ category: 'lampione spento' });
    await sentDirectly(await secondCitizenAtSummary());
  });

  it('a report no longer open', async () => {
    const first = await earlierReport();
    await h.reports.applyTransition({ id: first.id, action: 'reject', actor: 'agent-7' });
    await sentDirectly(await secondCitizenAtSummary());
  });

  it("the citizen's own report: a second one of theirs is simply sent", async () => {
    const chat = await secondCitizenAtSummary();
    await sentDirectly(chat);
    await chat.sendAll(['rifiuti', '1', { location: { ...TOWN_HALL } }, 'salta', 'Un altro sacco, più in là.']);
    await sentDirectly(chat);
    expect(await h.reports.listByCitizen(chat.citizenRef, 5)).toHaveLength(2);
  });

  it('"Altro": two "other" reports are not the same situation for being both "other"', async () => {
    await earlierReport({ category: 'altro' });
    const chat = h.chat({ start: new Date(OPEN_TIME.getTime() + HOUR) });
    await chat.sendAll(['Ciao', 'Accetto', 'altro', '1', { location: { ...TOWN_HALL } }, 'salta', 'Una cosa strana davanti al municipio.']);
    await sentDirectly(chat);
  });
});
