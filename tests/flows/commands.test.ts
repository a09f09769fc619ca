/**
 * Global commands at any step (annulla, indietro, aiuto, stato, privacy, lingua), in both
 * languages; repeated unusable answers; emergency words interrupting any step.
 */
import { describe, expect, it } from 'vitest';
import { TOWN_HALL } from '../support/report-script';
import { useDialogHarness, type Harness } from './support/dialog-harness';
import { EN, EN_MENU, IT, IT_MENU, play, type Transcript } from './support/transcript';

let h: Harness;
useDialogHarness((started) => (h = started));


const transcripts: Transcript[] = [
  // --- annulla / cancel ------------------------------------------------------------------------
  {
    name: 'IT: "annulla" mid-report drops the draft and says nothing was sent',
    lines: [
      ...IT.atPhoto,
      { send: 'annulla', expect: { says: ['ho annullato la segnalazione', 'non è stata inviata'], replies: 1, step: 'idle' } },
    ],
    then: ({ chat }) => {
      expect(chat.state?.draft).toEqual({ photoRefs: [] });
      expect(chat.state?.consent?.version).toBe('2026-11');
    },
  },
  {
    name: 'IT: "/annulla" (Telegram command syntax) and a typo work too',
    lines: [...IT.atLocation, { send: '/anulla', expect: { says: ['ho annullato'], step: 'idle' } }],
  },
  {
    name: 'EN: "cancel"',
    lines: [...EN.atLocation, { send: 'cancel', expect: { says: ['I cancelled the report'], step: 'idle' } }],
  },
  {
    name: 'IT: "annulla" with no report in progress',
    lines: [
      ...IT.atSummary,
      { send: 'Invia' },
      { send: 'annulla', expect: { says: ['Non hai nessuna segnalazione in corso'], step: 'idle' } },
    ],
  },
  {
    name: 'IT: after "annulla" the next message starts a new report without asking consent again',
    lines: [
      ...IT.atLocation,
      { send: 'annulla' },
      {
        send: 'ciao',
        expect: {
          says: ['Facciamo una nuova segnalazione', 'Che cosa vuoi segnalare?'],
          not: ['Accetti?'],
          choices: IT_MENU,
          step: 'category',
        },
      },
    ],
  },
  // --- indietro / back -------------------------------------------------------------------------
  {
    name: 'IT: "indietro" goes to the previous question, keeping the answers so far',
    lines: [
      ...IT.atPhoto,
      { send: 'indietro', expect: { says: ['Dove?'], pin: true, step: 'location' } },
      { send: 'indietro', expect: { says: ['Come lo sai?'], step: 'reliability' } },
      { send: 'indietro', expect: { says: ['Che cosa vuoi segnalare?'], step: 'category' } },
      {
        send: 'indietro',
        expect: { says: ['Siamo già alla prima domanda', 'Che cosa vuoi segnalare?'], choices: IT_MENU, step: 'category' },
      },
    ],
    then: ({ chat }) => expect(chat.state?.draft.location?.point).toEqual(TOWN_HALL),
  },
  {
    name: 'IT: "indietro" from a confirmation goes back to its question',
    lines: [...IT.atLocation, { send: 'piazza aldo moro 1' }, { send: 'indietro', expect: { says: ['Dove?'], step: 'location' } }],
  },
  {
    name: 'IT: "indietro" from the summary goes to the description',
    lines: [...IT.atSummary, { send: 'indietro', expect: { says: ['descrivi in breve'], step: 'description' } }],
  },
  {
    name: 'EN: "back"',
    lines: [...EN.atPhoto, { send: 'back', expect: { says: ['Where?'], step: 'location' } }],
  },
  // --- aiuto / help ----------------------------------------------------------------------------
  {
    name: 'IT: "aiuto" explains the current question and the commands, then asks it again',
    lines: [
      ...IT.atLocation,
      {
        send: 'aiuto',
        expect: {
          says: ['Mi serve il luogo del problema', '«indietro»', '«annulla»', '«stato»', '«privacy»', 'Dove?'],
          pin: true,
          step: 'location',
        },
      },
    ],
  },
  {
    name: 'IT: "aiuto" at the photo question is about the photo',
    lines: [...IT.atPhoto, { send: 'aiuto', expect: { says: ['Una foto aiuta gli agenti', 'non è obbligatoria'], choices: ['Salta'] } }],
  },
  {
    name: 'EN: "help"',
    lines: [
      ...EN.atReliability,
      { send: 'help', expect: { says: ['whether you saw the situation', '«back»', '«cancel»', 'How do you know?'] } },
    ],
  },
  {
    name: 'IT: "aiuto" with no report in progress explains the service',
    lines: [...IT.atSummary, { send: 'Invia' }, { send: 'aiuto', expect: { says: ['Con Vicinato segnali', '112'], step: 'idle' } }],
  },
  // --- privacy -----------------------------------------------------------------------------------
  {
    name: 'IT: "privacy" mid-report shows the notice and continues where it was',
    lines: [
      ...IT.atReliability,
      {
        send: 'privacy',
        expect: {
          says: [
            'Informativa privacy',
            'Comune di Capannori - Polizia Municipale',
            'solo gli agenti della Polizia Municipale',
            'Come lo sai?',
          ],
          replies: 2,
          step: 'reliability',
        },
      },
    ],
  },
  {
    name: 'EN: "privacy"',
    lines: [
      ...EN.atReliability,
      { send: 'privacy', expect: { says: ['Privacy notice', 'only the officers of the municipal police', 'How do you know?'] } },
    ],
  },
  // --- lingua / language -----------------------------------------------------------------------
  {
    name: 'IT -> EN mid-report: the same question, now in English',
    lines: [
      ...IT.atReliability,
      {
        send: 'lingua',
        expect: {
          says: ['from now on we speak English', 'How do you know?'],
          choices: ['I saw it myself', 'Someone told me', 'I am not sure'],
        },
      },
    ],
    then: ({ chat }) => expect(chat.state?.language).toBe('en'),
  },
  {
    name: 'EN -> IT with "language"',
    lines: [...EN.atReliability, { send: 'language', expect: { says: ['da ora parliamo in italiano', 'Come lo sai?'] } }],
  },
  {
    name: 'EN: an Italian answer still works in English mode',
    lines: [...EN.consented, { send: 'rifiuti', expect: { says: ['Abandoned waste', 'How do you know?'] } }],
  },
  // --- start while in progress ---------------------------------------------------------------------
  {
    name: 'IT: "/start" during a report keeps the report',
    lines: [...IT.atPhoto, { send: '/start', expect: { says: ['Hai già una segnalazione in corso', 'Hai una foto?'], step: 'photo' } }],
  },
  // --- failures ------------------------------------------------------------------------------------
  {
    name: 'IT: after three unusable answers in a row, help is offered with the question',
    lines: [
      ...IT.atReliability,
      { send: 'martedì', expect: { says: ['Non ho capito', 'Come lo sai?'], not: ['Ti do una mano'] } },
      { send: 'mah chissà', expect: { not: ['Ti do una mano'] } },
      {
        send: 'ehm',
        expect: {
          says: ['Ti do una mano', 'con i tuoi occhi', 'Come lo sai?'],
          choices: ["L'ho visto io", "Me l'hanno detto", 'Non sono sicuro'],
        },
      },
      { send: '1', expect: { step: 'location' } },
    ],
  },
  {
    name: 'EN: help after three failures',
    lines: [
      ...EN.consented,
      { send: 'qqq' },
      { send: 'www' },
      { send: 'eee', expect: { says: ['Let me help', 'Tell me the kind of problem'], choices: EN_MENU } },
    ],
  },
  // --- emergencies ---------------------------------------------------------------------------------
  {
    name: 'IT: emergency words at any step: "call 112" first, then the dialog continues',
    lines: [
      ...IT.consented,
      {
        send: 'stanno picchiando un ragazzo',
        expect: { first: 'chiama subito il 112', says: ['Che cosa vuoi segnalare?'], step: 'category' },
      },
      ...IT.atLocation.slice(2),
      { send: { location: { ...TOWN_HALL } } },
      {
        send: "c'è un incendio nel capannone",
        expect: { first: 'chiama subito il 112', says: ['Aspettavo una foto', 'Hai una foto?'], step: 'photo' },
      },
    ],
  },
  {
    name: 'IT: emergency words in the description are kept in the report after the notice',
    lines: [
      ...IT.atDescription,
      {
        send: 'Un uomo con un coltello minaccia i passanti',
        expect: { first: '112', says: ['Ecco il riepilogo', 'coltello'], step: 'summary' },
      },
    ],
  },
  {
    name: 'EN: emergency',
    lines: [
      ...EN.atPhoto,
      { send: 'there is a fire in the building', expect: { first: 'call 112 immediately', says: ['Do you have a photo?'], step: 'photo' } },
    ],
  },
  {
    name: 'IT: emergency in a photo caption',
    lines: [
      ...IT.atPhoto,
      { send: { photo: true, caption: 'ferito a terra' }, expect: { first: '112', says: ['Foto ricevuta'], step: 'description' } },
    ],
  },
  // --- other media -----------------------------------------------------------------------------------
  {
    name: 'IT: a voice note where text is expected gets a polite explanation',
    lines: [
      ...IT.atReliability,
      { send: { other: 'ptt' }, expect: { says: ['non riesco ad ascoltare i vocali', 'Come lo sai?'], step: 'reliability' } },
    ],
  },
  {
    name: 'EN: a sticker',
    lines: [
      ...EN.consented,
      {
        send: { other: 'sticker' },
        expect: { says: ['cannot listen to voice notes or open videos, stickers', 'What would you like to report?'] },
      },
    ],
  },
];

describe('commands and interruptions', () => {
  it.each(transcripts.map((t) => [t.name, t] as const))('%s', async (_name, t) => play(h, t));
});

describe('stato / status', () => {
  it("IT: lists the citizen's reports with ticket code, category and status in plain words, then continues", async () => {
    const chat = h.chat();
    const empty = await chat.sendAll([...IT.consented.map((l) => l.send), 'stato']);
    expect(empty.replies[0].text).toBe('Non hai ancora inviato segnalazioni.');
    expect(empty.state.step).toBe('category');

    await chat.sendAll(['rifiuti', '1', { location: { ...TOWN_HALL } }, 'salta', 'Sacchi abbandonati.']);
    const sent = await chat.send('Invia');
    await chat.sendAll(['lampione spento', '1', { location: { ...TOWN_HALL } }, 'salta', 'Il lampione è spento da giorni.', 'Invia']);
    const [lighting, waste] = await h.reports.listByCitizen(chat.citizenRef, 5);
    await h.reports.applyTransition({ id: lighting.id, action: 'take', actor: 'agent-1' });
    await h.reports.applyTransition({ id: lighting.id, action: 'dispatch', actor: 'agent-1' });

    await chat.sendAll(['vandalismo']);
    const status = await chat.send('stato');
    expect(sent.replies[0].text).toContain(waste.ticketCode);
    expect(status.replies).toHaveLength(2);
    const lines = status.replies[0].text.split('\n');
    expect(lines[0]).toBe('📂 Le tue segnalazioni:');
    expect(lines[1]).toMatch(
      new RegExp(`^• ${lighting.ticketCode} \\(\\d\\d/\\d\\d\\) · Illuminazione pubblica guasta: è stata mandata una pattuglia$`),
    );
    expect(lines[2]).toMatch(
      new RegExp(`^• ${waste.ticketCode} \\(\\d\\d/\\d\\d\\) · Rifiuti abbandonati: ricevuta, in attesa di essere esaminata$`),
    );
    expect(status.replies[1].text).toContain('Come lo sai?');
    expect(status.state.step).toBe('reliability');
  });

  it('EN: status in English, with nothing in progress', async () => {
    const chat = h.chat({ languageCode: 'en' });
    await chat.sendAll([...EN.atSummary.map((l) => l.send), 'Send']);
    const status = await chat.send('status');
    expect(status.replies).toHaveLength(1);
    expect(status.replies[0].text).toMatch(
      /📂 Your reports:\n• VIC-\d{4}-\d{6} \(\d\d\/\d\d\) · Abandoned waste: received, waiting to be reviewed/,
    );
  });
});
