/**
 * A report from confirmation to storage (fields, priority, ticket code, what happens next inside
 * and outside service hours, idempotent retries), dialogs left idle, answers to an agent's
 * question, and saved states from older versions of the flow.
 */
import { describe, expect, it } from 'vitest';
import type { ReportDialogState } from '../../flows/report.flow';
import { TOWN_HALL, expectTicketCode } from '../support/report-script';
import { CLOSED_TIME, useDialogHarness, type Harness } from './support/dialog-harness';
import { EN, HOUR, IT, IT_MENU, MINUTE, play, type Transcript } from './support/transcript';

let h: Harness;
useDialogHarness((started) => (h = started));

const sends = (lines: { send: unknown }[]) => lines.map((l) => l.send) as Parameters<ReturnType<Harness['chat']>['sendAll']>[0];

describe('sending the report', () => {
  it('IT: stores the report with every field in status "new" and answers with the ticket code and what happens next', async () => {
    const chat = h.chat();
    await chat.sendAll(['Ciao', 'Accetto', 'spaccio', "l'ho visto io", { location: { ...TOWN_HALL } }, { photo: true }]);
    await chat.send('Spacciano davanti alla scuola tutte le sere, adesso sono ancora lì.');
    const photoRefs = chat.state!.draft.photoRefs;
    const turn = await chat.send('Invia');

    expect(turn.replies).toHaveLength(1);
    const text = turn.replies[0].text;
    const ticket = expectTicketCode(text);
    expect(text).toContain('Segnalazione inviata!');
    expect(text).toContain('La Polizia Municipale la esaminerà al più presto');
    expect(text).not.toContain('Ora il servizio è chiuso');
    expect(turn).toMatchObject({ reportCreated: true, reportId: expect.any(String) });
    expect(turn.state).toMatchObject({ step: 'idle', draft: { photoRefs: [] }, history: [] });

    const report = await h.reports.get(turn.reportId!);
    expect(report).toMatchObject({
      ticketCode: ticket,
      status: 'new',
      categoryId: 'drug_dealing',
      reliability: 'seen',
      location: { point: TOWN_HALL, address: 'Piazza Aldo Moro 1, Capannori', zone: 'capannori-centro', zipcode: '55012' },
      description: 'Spacciano davanti alla scuola tutte le sere, adesso sono ancora lì.',
      photoRefs,
      channel: 'simulator',
      citizenRef: chat.citizenRef,
      language: 'it',
    });
    expect(photoRefs).toHaveLength(1);
    // Severity 4 (55) + seen (10) + urgency terms "scuola", "adesso", "ogni sera"... capped (16) + photo (4).
    expect(report!.priorityFactors).toEqual({ severity: 55, reliability: 10, urgency: 16, photo: 4, confirmations: 0, recency: 0 });
    expect(report!.priority).toBe(85);
  });

  it('EN: a report with a typed address and no photo, in English', async () => {
    const chat = h.chat({ languageCode: 'en-GB' });
    await chat.sendAll([
      'hi',
      'I accept',
      'street light',
      'someone told me',
      'piazza aldo moro 1',
      'yes',
      'skip',
      'The lamp post has been off for a week.',
    ]);
    const turn = await chat.send('Send');
    const ticket = expectTicketCode(turn.replies[0].text);
    expect(turn.replies[0].text).toContain('Report sent! Your code is');
    expect(turn.replies[0].text).toContain('as soon as possible');
    const report = await h.reports.get(turn.reportId!);
    expect(report).toMatchObject({
      ticketCode: ticket,
      categoryId: 'street_lighting',
      reliability: 'heard',
      address: 'Piazza Aldo Moro 1, Capannori',
      zone: 'capannori-centro',
      photoRefs: [],
      language: 'en',
      priority: 25,
    });
  });

  it('IT: outside service hours the reply says when it will be reviewed and to call 112 in an emergency', async () => {
    const chat = h.chat({ start: CLOSED_TIME });
    const turn = await chat.sendAll([...sends(IT.atSummary), 'Invia']);
    expect(turn.replies[0].text).toContain('Ora il servizio è chiuso: la Polizia Municipale la esaminerà domani dalle 08:00');
    expect(turn.replies[0].text).toContain('chiama il 112');
    expectTicketCode(turn.replies[0].text);
  });

  it('EN: outside service hours', async () => {
    const chat = h.chat({ start: CLOSED_TIME, languageCode: 'en' });
    const turn = await chat.sendAll([...sends(EN.atSummary), 'Send']);
    expect(turn.replies[0].text).toContain('The service is closed now: the municipal police will review it tomorrow from 08:00');
    expect(turn.replies[0].text).toContain('call 112');
  });

  it('a retried confirmation (same state, same message) returns the same report and creates no second one', async () => {
    const chat = h.chat();
    await chat.sendAll(sends(IT.atSummary));
    const before = chat.state;
    const confirm = chat.message({ kind: 'text', text: 'Invia' });
    const first = await h.engine.handle({ state: before, message: confirm, citizenRef: chat.citizenRef, now: chat.now });
    const retry = await h.engine.handle({ state: before, message: confirm, citizenRef: chat.citizenRef, now: chat.now });
    expect(retry.replies).toEqual(first.replies);
    expect(retry.reportId).toBe(first.reportId);
    expect(retry.state).toEqual(first.state);
    expect(await h.reports.listByCitizen(chat.citizenRef, 10)).toHaveLength(1);
  });

  it('a new report after a sent one starts from the category without asking consent again', () =>
    play(h, {
      name: 'second report',
      lines: [
        ...IT.atSummary,
        { send: 'Invia' },
        { send: 'grazie', expect: { says: ['Grazie a te'], step: 'idle' } },
        {
          send: 'lampione spento in via del popolo',
          expect: {
            says: ['Facciamo una nuova segnalazione', 'Illuminazione pubblica guasta', 'Come lo sai?'],
            not: ['Accetti?'],
            step: 'reliability',
          },
        },
      ],
    }));
});

describe('idle dialogs', () => {
  const transcripts: Transcript[] = [
    {
      name: 'IT: after 30 minutes the citizen is asked to resume or restart; "Riprendi" asks the same question again',
      lines: [
        ...IT.atPhoto,
        {
          wait: 31 * MINUTE,
          send: 'eccomi',
          expect: { says: ['Avevi una segnalazione a metà'], choices: ['Riprendi', 'Ricomincia'], step: 'resume' },
        },
        { send: 'Riprendi', expect: { says: ['riprendiamo', 'Hai una foto?'], choices: ['Salta'], step: 'photo' } },
        { send: 'salta', expect: { step: 'description' } },
      ],
      then: ({ chat }) => expect(chat.state?.draft.location?.point).toEqual(TOWN_HALL),
    },
    {
      name: 'IT: "Ricomincia" drops the draft and asks the category',
      lines: [
        ...IT.atPhoto,
        { wait: 2 * HOUR, send: { location: { ...TOWN_HALL } }, expect: { step: 'resume' } },
        { send: 'ricomincia', expect: { says: ['ricominciamo da capo', 'Che cosa vuoi segnalare?'], choices: IT_MENU, step: 'category' } },
      ],
      then: ({ chat }) => expect(chat.state?.draft).toEqual({ photoRefs: [] }),
    },
    {
      name: 'IT: an unclear answer to "resume or restart?" asks again',
      lines: [
        ...IT.atPhoto,
        { wait: HOUR, send: 'ciao' },
        { send: 'boh', expect: { says: ['Non ho capito'], choices: ['Riprendi', 'Ricomincia'], step: 'resume' } },
      ],
    },
    {
      name: 'IT: "annulla" when asked to resume drops the report',
      lines: [...IT.atPhoto, { wait: HOUR, send: 'ciao' }, { send: 'annulla', expect: { says: ['ho annullato'], step: 'idle' } }],
    },
    {
      name: 'EN: resume',
      lines: [
        ...EN.atPhoto,
        { wait: 45 * MINUTE, send: 'hello again', expect: { says: ['You had a report half done'], choices: ['Continue', 'Start again'] } },
        { send: 'continue', expect: { says: ['Do you have a photo?'], step: 'photo' } },
      ],
    },
    {
      name: 'IT: after 24 hours the draft is dropped, the citizen is told, and a new report starts',
      lines: [
        ...IT.atDescription,
        {
          wait: 25 * HOUR,
          send: 'ciao',
          expect: { first: 'più di 24 ore', says: ['cancellata senza essere inviata', 'Che cosa vuoi segnalare?'], step: 'category' },
        },
      ],
      then: ({ chat }) => expect(chat.state?.draft).toEqual({ photoRefs: [] }),
    },
    {
      name: 'EN: expiry',
      lines: [
        ...EN.atDescription,
        { wait: 30 * HOUR, send: 'hello', expect: { first: 'more than 24 hours', says: ['What would you like to report?'] } },
      ],
    },
    {
      name: 'IT: nothing answered yet is nothing to resume: the question just continues',
      lines: [...IT.consented, { wait: 3 * HOUR, send: 'rifiuti', expect: { not: ['Avevi una segnalazione'], step: 'reliability' } }],
    },
  ];
  it.each(transcripts.map((t) => [t.name, t] as const))('%s', async (_n, t) => play(h, t));
});

describe("answers to an agent's question", () => {
  async function reportWaitingForInfo(lang: 'it' | 'en') {
    const chat = h.chat(lang === 'en' ? { languageCode: 'en' } : {});
    const sent = await chat.sendAll([...sends(lang === 'en' ? EN.atSummary : IT.atSummary), lang === 'en' ? 'Send' : 'Invia']);
    const id = sent.reportId!;
    await h.reports.applyTransition({ id, action: 'take', actor: 'agent-7' });
    await h.reports.applyTransition({ id, action: 'ask_info', actor: 'agent-7' });
    return { chat, id, ticket: expectTicketCode(sent.replies[0].text) };
  }

  it('IT: a text is attached to the report waiting for details, which goes back to review', async () => {
    const { chat, id, ticket } = await reportWaitingForInfo('it');
    const turn = await chat.send('Sono tre sacchi neri, vicino al cassonetto giallo.');
    expect(turn.replies).toEqual([
      { text: `Grazie! Ho aggiunto la tua risposta alla segnalazione ${ticket}: la Polizia Municipale la vedrà subito.` },
    ]);
    expect(turn).toMatchObject({ reportId: id, reportUpdated: true });
    expect(turn.state.step).toBe('idle');
    const report = await h.reports.get(id);
    expect(report?.status).toBe('in_review');
    expect(report?.citizenInfo).toEqual([
      expect.objectContaining({
        text: 'Sono tre sacchi neri, vicino al cassonetto giallo.',
        messageId: expect.stringMatching(/^simulator:[A-Za-z0-9_-]{22}$/),
      }),
    ]);
  });

  it('IT: a retried answer is attached once and gets the same reply', async () => {
    const { chat, id } = await reportWaitingForInfo('it');
    const before = chat.state as ReportDialogState;
    const answer = chat.message({ kind: 'text', text: 'Sono ancora lì.' });
    const first = await h.engine.handle({ state: before, message: answer, citizenRef: chat.citizenRef, now: chat.now });
    const retry = await h.engine.handle({ state: before, message: answer, citizenRef: chat.citizenRef, now: chat.now });
    expect(retry.replies).toEqual(first.replies);
    expect(retry).toMatchObject({ reportId: id, reportUpdated: true });
    expect((await h.reports.get(id))?.citizenInfo).toHaveLength(1);
  });

  it('IT: a photo is attached to the report too', async () => {
    const { chat, id } = await reportWaitingForInfo('it');
    const turn = await chat.send({ photo: true });
    expect(turn.reportUpdated).toBe(true);
    const report = await h.reports.get(id);
    expect(report?.photoRefs).toHaveLength(1);
    expect(report?.citizenInfo[0].mediaRef).toBe(report?.photoRefs[0]);
  });

  it('EN: answer in English', async () => {
    const { chat, ticket } = await reportWaitingForInfo('en');
    const turn = await chat.send('Three black bags next to the bin.');
    expect(turn.replies[0].text).toBe(`Thank you! I added your answer to report ${ticket}: the municipal police will see it right away.`);
  });

  it('IT: commands still work while a report waits for details', async () => {
    const { chat, id } = await reportWaitingForInfo('it');
    const turn = await chat.send('stato');
    expect(turn.replies[0].text).toContain('ti abbiamo chiesto un dettaglio');
    expect(turn.reportUpdated).toBeUndefined();
    expect((await h.reports.get(id))?.status).toBe('needs_info');
  });
});

describe('saved states from other versions', () => {
  async function turnFrom(state: unknown, text = 'ciao', options = {}) {
    const chat = h.chat(options);
    const message = chat.message({ kind: 'text', text });
    return h.engine.handle({ state: state as ReportDialogState, message, citizenRef: chat.citizenRef, now: chat.now });
  }
  const consent = { version: '2026-11', at: '2026-11-01T10:00:00.000Z' };
  const base = { draft: { photoRefs: [] }, language: 'it', consent, failures: 0, history: [], lastActivityAt: '2026-11-18T09:30:00.000Z' };

  it('an older flow version in progress is restarted politely, keeping consent and language', async () => {
    const turn = await turnFrom({ ...base, flowVersion: 0, step: 'choose_category', draft: { cat: 'x' } });
    expect(turn.replies[0].text).toContain('Abbiamo aggiornato il servizio');
    expect(turn.replies[1].text).toContain('Che cosa vuoi segnalare?');
    expect(turn.state).toMatchObject({ flowVersion: 1, step: 'category', consent, language: 'it' });
  });

  it('an unknown step in the current version is restarted politely', async () => {
    const turn = await turnFrom({ ...base, flowVersion: 1, step: 'gone_step', language: 'en' });
    expect(turn.replies[0].text).toContain('We have updated the service');
    expect(turn.state.step).toBe('category');
  });

  it('a draft this version cannot read is restarted politely', async () => {
    const turn = await turnFrom({ ...base, flowVersion: 1, step: 'photo', draft: { photoRefs: 'nope' } });
    expect(turn.replies[0].text).toContain('Abbiamo aggiornato il servizio');
    expect(turn.state.draft).toEqual({ photoRefs: [] });
  });

  it('garbage without consent is a first contact', async () => {
    const turn = await turnFrom({ hello: 'world' });
    expect(turn.replies.map((r) => r.text).join('\n')).toContain('Accetti?');
    expect(turn.state.step).toBe('consent');
  });

  it('a consent given to an older privacy notice is asked again before continuing', async () => {
    const turn = await turnFrom(
      {
        ...base,
        flowVersion: 1,
        step: 'reliability',
        consent: { version: '2025-01', at: base.consent.at },
        draft: { photoRefs: [], categoryId: 'noise' },
      },
      '1',
    );
    expect(turn.replies[0].text).toContain("L'informativa privacy è stata aggiornata");
    expect(turn.replies[0].text).toContain('Accetti?');
    expect(turn.replies[0].choices).toEqual(['Accetto', 'Non accetto']);
    expect(turn.state.step).toBe('consent');
  });
});
