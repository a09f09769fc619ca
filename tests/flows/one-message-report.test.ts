/**
 * One-message reports (issue 15 item 1): a first message with everything — category, place, time,
 * a photo with the caption, or a pin — is read at once; the bot says what it understood and asks
 * only for what is missing (how the citizen knows, then the summary to confirm). Same checks as a
 * guided report: the place is geocoded (the fake Nominatim knows Via Carlo Piaggia in Capannori)
 * and must be inside the municipality. Both languages.
 */
import { describe, expect, it } from 'vitest';
import { TOWN_HALL } from '../support/report-script';
import { useDialogHarness, type Harness } from './support/dialog-harness';
import { EN, IT, play, type Transcript } from './support/transcript';

let h: Harness;
useDialogHarness((started) => (h = started));

const PIAGGIA_IT = 'ci sono sacchi di rifiuti abbandonati in via Carlo Piaggia a Capannori da tre giorni';
const PIAGGIA_EN = 'there are bags of rubbish dumped in via Carlo Piaggia in Capannori for three days';

describe('one-message reports', () => {
  const transcripts: Transcript[] = [
    {
      name: 'IT: category, street, town and time in the first answer; only "how do you know?" and the confirmation are asked',
      lines: [
        ...IT.consented,
        {
          send: PIAGGIA_IT,
          expect: {
            says: ['Ho capito:', 'Dove: Via Carlo Piaggia', 'Quando: da tre giorni', 'Rifiuti abbandonati', 'Come lo sai?'],
            step: 'reliability',
          },
        },
        { send: "l'ho visto io", expect: { says: ['Ecco il riepilogo', 'Via Carlo Piaggia', PIAGGIA_IT], step: 'summary' } },
        { send: 'invia', expect: { says: ['VIC-'], step: 'idle' } },
      ],
      then: async ({ h: harness, chat }) => {
        const [report] = await harness.reports.listByCitizen(chat.citizenRef, 1);
        expect(report?.categoryId).toBe('abandoned_waste');
        expect(report?.description).toBe(PIAGGIA_IT);
        expect(report?.reliability).toBe('seen');
        expect(report?.address).toContain('Via Carlo Piaggia');
        expect(report?.photoRefs ?? []).toEqual([]);
      },
    },
    {
      name: 'IT: a photo with the report as caption, after a finished dialog',
      lines: [
        ...IT.consented,
        { send: 'annulla', expect: { step: 'idle' } },
        {
          send: { photo: true, caption: PIAGGIA_IT },
          expect: { says: ['Ho capito:', 'Dove: Via Carlo Piaggia', 'Foto: 1', 'Come lo sai?'], step: 'reliability' },
        },
        { send: 'me lo hanno detto', expect: { says: ['Ecco il riepilogo', '1 foto'], step: 'summary' } },
        { send: 'invia', expect: { says: ['VIC-'] } },
      ],
      then: async ({ h: harness, chat }) => {
        const [report] = await harness.reports.listByCitizen(chat.citizenRef, 1);
        expect(report?.categoryId).toBe('abandoned_waste');
        expect(report?.photoRefs).toHaveLength(1);
        expect(report?.reliability).toBe('heard');
      },
    },
    {
      name: 'IT: a place not found is asked for later, the rest is kept',
      lines: [
        ...IT.consented,
        {
          send: 'hanno rubato una bici in via Inesistente stanotte',
          expect: { says: ['Non ho trovato «Via Inesistente»', 'Quando: stanotte', 'Furto', 'Come lo sai?'], step: 'reliability' },
        },
        { send: '1', expect: { pin: true, step: 'location' } },
        { send: { location: { ...TOWN_HALL } }, expect: { says: ['Ecco il riepilogo', 'hanno rubato una bici'], step: 'summary' } },
      ],
    },
    {
      name: 'IT: a frazione without a street is shown, and the exact place is asked after "how do you know?"',
      lines: [
        ...IT.consented,
        {
          send: 'spacciano al parco di Marlia tutte le sere',
          expect: { says: ['Dove: Marlia', 'Quando: tutte le sere', 'Spaccio di droga', 'Come lo sai?'], step: 'reliability' },
        },
        { send: '1', expect: { pin: true, step: 'location' } },
        { send: { location: { ...TOWN_HALL } }, expect: { says: ['Ecco il riepilogo'], step: 'summary' } },
      ],
    },
    {
      // On the old code the place question did not name the frazione and «via della chiesa» was
      // looked up in the whole municipality: Lammari's, not Segromigno in Monte's.
      name: 'IT: after a frazione without a street, the place question asks where in it and a typed street is looked up there',
      lines: [
        ...IT.consented,
        {
          send: 'nel parcheggio dietro la chiesa di segromigno in monte ci sono sacchi di rifiuti da giorni',
          expect: { says: ['Dove: Segromigno in Monte', 'Rifiuti abbandonati', 'Come lo sai?'], step: 'reliability' },
        },
        { send: '1', expect: { says: ['Dove di preciso, a Segromigno in Monte?'], pin: true, step: 'location' } },
        { send: 'via della chiesa', expect: { says: ['Via della Chiesa, Segromigno in Monte'], not: ['Lammari'], step: 'location_confirm' } },
        { send: 'si', expect: { says: ['Ecco il riepilogo', 'Segromigno in Monte'], step: 'summary' } },
      ],
    },
    {
      name: 'EN: where in the frazione is asked; a street that is not there is looked up in the whole municipality',
      lines: [
        ...EN.consented,
        { send: 'people dealing in the park in Marlia every night', expect: { says: ['Where: Marlia'], step: 'reliability' } },
        { send: '1', expect: { says: ['Where exactly in Marlia?'], step: 'location' } },
        { send: 'via del popolo', expect: { says: ['Via del Popolo, Lammari'], step: 'location_confirm' } },
      ],
    },
    {
      name: 'IT: a pin as the first message is kept; the rest is asked',
      lines: [
        ...IT.consented,
        { send: 'annulla', expect: { step: 'idle' } },
        { send: { location: { ...TOWN_HALL } }, expect: { says: ['Ricevuto', 'Che cosa vuoi segnalare?'], step: 'category' } },
        { send: 'rifiuti', expect: { step: 'reliability' } },
        { send: '1', expect: { says: ['foto'], step: 'photo' } },
      ],
    },
    {
      name: 'EN: the same report in English, typed in one message',
      lines: [
        ...EN.consented,
        {
          send: PIAGGIA_EN,
          expect: { says: ['I understood:', 'Where: Via Carlo Piaggia', 'When: for three days', 'Abandoned waste', 'How do you know?'] },
        },
        { send: 'I saw it myself', expect: { says: ['Via Carlo Piaggia'], step: 'summary' } },
        { send: 'send', expect: { says: ['VIC-'] } },
      ],
    },
    {
      name: 'EN: a photo with the caption, with a typo ("vai" for "via")',
      lines: [
        ...EN.consented,
        { send: 'cancel', expect: { step: 'idle' } },
        {
          send: { photo: true, caption: 'rubish bags dumped in vai Carlo Piaggia since yesterday' },
          expect: { says: ['Where: Via Carlo Piaggia', 'Photos: 1', 'How do you know?'], step: 'reliability' },
        },
      ],
    },
    {
      name: 'IT: a new citizen whose very first message is the report: read once the notice is accepted',
      lines: [
        { send: PIAGGIA_IT, expect: { says: ['privacy'], step: 'consent' } },
        {
          send: 'Accetto',
          expect: { says: ['Ho capito:', 'Dove: Via Carlo Piaggia', 'Quando: da tre giorni', 'Rifiuti abbandonati', 'Come lo sai?'], step: 'reliability' },
        },
        { send: '1', expect: { says: ['Ecco il riepilogo', PIAGGIA_IT], step: 'summary' } },
      ],
    },
    {
      name: 'IT: a new citizen whose first message is a photo with the report as caption',
      lines: [
        { send: { photo: true, caption: PIAGGIA_IT }, expect: { step: 'consent' } },
        { send: 'Accetto', expect: { says: ['Dove: Via Carlo Piaggia', 'Foto: 1', 'Come lo sai?'], step: 'reliability' } },
        { send: '1', expect: { says: ['1 foto'], step: 'summary' } },
      ],
    },
    {
      // As people write on WhatsApp: a greeting, then the report at once, before reading the notice.
      // On the old code the report was answered with "Per continuare ho bisogno che tu accetti" and lost.
      name: 'IT: a report sent while the notice waits is kept and read once accepted',
      lines: [
        { send: 'Ciao', expect: { step: 'consent' } },
        { send: PIAGGIA_IT, expect: { says: ['Ho ricevuto la tua segnalazione', 'Accetti?'], step: 'consent' } },
        { send: 'Accetto', expect: { says: ['Dove: Via Carlo Piaggia', 'Quando: da tre giorni', 'Rifiuti abbandonati', 'Come lo sai?'], step: 'reliability' } },
      ],
    },
    {
      name: 'IT: a report in three quick messages while the notice waits: all kept, read as one',
      lines: [
        { send: 'Ciao', expect: { step: 'consent' } },
        { send: 'ci sono sacchi di rifiuti abbandonati', expect: { says: ['Ho ricevuto la tua segnalazione'], step: 'consent' } },
        { send: 'in via Carlo Piaggia', expect: { says: ['Ho ricevuto la tua segnalazione'], step: 'consent' } },
        { send: 'da tre giorni', expect: { step: 'consent' } },
        { send: 'Accetto', expect: { says: ['Dove: Via Carlo Piaggia', 'Quando: da tre giorni', 'Rifiuti abbandonati'], step: 'reliability' } },
      ],
    },
    {
      name: 'EN: a photo sent while the notice waits is kept and is the report\'s photo once accepted',
      chat: { languageCode: 'en' },
      lines: [
        { send: 'hi', expect: { step: 'consent' } },
        { send: { photo: true }, expect: { says: ['I received your report'], step: 'consent' } },
        { send: 'I accept', expect: { not: ['Per continuare'] } },
      ],
      then: ({ chat }) => expect(chat.state?.draft.photoRefs).toHaveLength(1),
    },
    {
      name: 'IT: a report sent while the notice waits, then the notice refused: nothing is kept',
      lines: [
        { send: 'Ciao', expect: { step: 'consent' } },
        { send: { photo: true, caption: PIAGGIA_IT }, expect: { step: 'consent' } },
        { send: 'Non accetto', expect: { step: 'declined' } },
      ],
      then: ({ chat }) => {
        expect(chat.state?.draft.firstText).toBeUndefined();
        expect(chat.state?.draft.firstPhotoRef).toBeUndefined();
      },
    },
    {
      // Written in a burst: the place arrives while "Come lo sai?" waits. On the old code it was
      // answered "Non ho capito" and asked again at the location step.
      name: 'IT: the place sent before it is asked is kept, and the location question skipped',
      lines: [
        { send: 'Ciao' },
        { send: 'Accetto' },
        { send: 'rifiuti', expect: { step: 'reliability' } },
        { send: 'in via Carlo Piaggia da ieri', expect: { says: ['Ricevuto: Via Carlo Piaggia', 'Come lo sai?'], step: 'reliability' } },
        { send: "l'ho visto io", expect: { says: ['Hai una foto?'], not: ['Dove?'], step: 'photo' } },
      ],
      then: ({ chat }) => {
        expect(chat.state?.draft.location?.address).toContain('Via Carlo Piaggia');
        expect(chat.state?.draft.observedWhen?.text).toBe('da ieri');
      },
    },
    {
      name: 'IT: a photo sent before its question is kept, and the photo question skipped',
      lines: [
        { send: 'Ciao' },
        { send: 'Accetto' },
        { send: 'rifiuti', expect: { step: 'reliability' } },
        { send: { photo: true }, expect: { says: ['Foto ricevuta', 'Come lo sai?'], step: 'reliability' } },
        { send: '1', expect: { says: ['Dove?'], step: 'location' } },
        { send: { photo: true }, expect: { says: ['Foto ricevuta', 'Dove?'], step: 'location' } },
        { send: { location: { ...TOWN_HALL } }, expect: { not: ['Hai una foto?'], step: 'description' } },
      ],
      then: ({ chat }) => expect(chat.state?.draft.photoRefs).toHaveLength(2),
    },
    {
      name: 'EN: a pin sent while "How do you know?" waits is the place',
      lines: [
        { send: 'english' },
        { send: 'I accept' },
        { send: 'rubbish', expect: { step: 'reliability' } },
        { send: { location: { ...TOWN_HALL } }, expect: { says: ['Got it', 'How do you know?'], step: 'reliability' } },
        { send: 'saw it myself', expect: { says: ['Do you have a photo?'], step: 'photo' } },
      ],
    },
    {
      name: 'IT: a first message that is only a greeting starts the guided dialog as before',
      lines: [
        { send: 'Ciao', expect: { step: 'consent' } },
        { send: 'Accetto', expect: { says: ['Che cosa vuoi segnalare?'], step: 'category' } },
      ],
      then: ({ chat }) => expect(chat.state?.draft.firstText).toBeUndefined(),
    },
    {
      name: 'IT: the notice refused, the first message is not kept',
      lines: [
        { send: PIAGGIA_IT, expect: { step: 'consent' } },
        { send: 'Non accetto', expect: { step: 'declined' } },
      ],
      then: ({ chat }) => {
        expect(chat.state?.draft.firstText).toBeUndefined();
        expect(chat.state?.draft.firstPhotoRef).toBeUndefined();
        expect(chat.state?.draft.description).toBeUndefined();
      },
    },
    {
      name: 'EN: at rest (after a cancelled report), a typed one-message report',
      lines: [
        ...EN.consented,
        { send: 'cancel', expect: { step: 'idle' } },
        { send: PIAGGIA_EN, expect: { says: ['I understood:', 'Where: Via Carlo Piaggia', 'How do you know?'], step: 'reliability' } },
        { send: 'someone told me', expect: { step: 'summary' } },
      ],
    },
    {
      name: 'IT: the guided dialog still works step by step',
      lines: [
        ...IT.consented,
        { send: 'rifiuti', expect: { step: 'reliability' } },
        { send: '1', expect: { step: 'location' } },
        { send: { location: { ...TOWN_HALL } }, expect: { step: 'photo' } },
        { send: 'salta', expect: { step: 'description' } },
        { send: 'Sacchi sul marciapiede.', expect: { step: 'summary' } },
      ],
    },
  ];

  it.each(transcripts.map((t) => [t.name, t] as const))('%s', (_, transcript) => play(h, transcript));

  it('IT: a street not found in a named frazione is asked for there; the note says not found, not a lookup failure', () =>
    play(h, {
      name: 'street not found in a frazione',
      lines: [
        ...IT.consented,
        {
          send: "c'è un lampione che sfarfalla tutta la notte in via di tiglio a lammari",
          expect: { says: ['Non ho trovato «Via di Tiglio, Lammari»', 'Illuminazione pubblica guasta'], not: ['Via Di Tiglio'], step: 'reliability' },
        },
        { send: 'lo vedo dalla finestra', expect: { says: ['Dove di preciso, a Lammari?'], step: 'location' } },
      ],
    }));

  it('IT and EN: with the geocoder down, the note says the place cannot be looked up now (it said "not found in the municipality")', async () => {
    h.nominatim.setMode('error');
    try {
      await play(h, {
        name: 'geocoder down IT',
        lines: [...IT.consented, { send: PIAGGIA_IT, expect: { says: ['non riesco a cercare «Via Carlo Piaggia, Capannori»'], not: ['Non ho trovato'] } }],
      });
      await play(h, {
        name: 'geocoder down EN',
        lines: [...EN.consented, { send: PIAGGIA_EN, expect: { says: ['cannot look up «Via Carlo Piaggia, Capannori»'], not: ['could not find'] } }],
      });
    } finally {
      h.nominatim.setMode('normal');
    }
  });
});

/** Rome wall time (winter, UTC+1) -> the instant. */
const rome = (local: string) => new Date(`${local}+01:00`);
/** The night before the harness's Wednesday morning (OPEN_TIME), in Capannori's time zone. */
const LAST_NIGHT = { from: rome('2026-11-17T22:00'), to: rome('2026-11-18T06:00') };

describe('the time words are a field of the report (when it was observed)', () => {
  const transcripts: Transcript[] = [
    {
      name: 'IT: "stanotte" in a one-message report is shown in the summary and stored as the night before the message',
      lines: [
        ...IT.consented,
        {
          send: 'stanotte hanno spaccato la vetrina della farmacia in via Carlo Piaggia a Capannori',
          expect: { says: ['Ho capito:', 'Quando: stanotte', 'Come lo sai?'], step: 'reliability' },
        },
        { send: "l'ho visto io", expect: { says: ['Ecco il riepilogo', '• Quando: stanotte'], step: 'summary' } },
        { send: 'invia', expect: { says: ['VIC-'], step: 'idle' } },
      ],
      then: async ({ h: harness, chat }) => {
        const [report] = await harness.reports.listByCitizen(chat.citizenRef, 1);
        expect(report?.observedWhen).toEqual({ text: 'stanotte', kind: 'moment', ...LAST_NIGHT });
      },
    },
    {
      name: 'EN: "last night" in a one-message report is shown in the summary and stored as the night before the message',
      lines: [
        ...EN.consented,
        {
          send: 'Last night someone smashed the pharmacy window in via Carlo Piaggia in Capannori',
          expect: { says: ['I understood:', 'When: Last night', 'How do you know?'], step: 'reliability' },
        },
        { send: 'I saw it myself', expect: { says: ['• When: Last night'], step: 'summary' } },
        { send: 'send', expect: { says: ['VIC-'], step: 'idle' } },
      ],
      then: async ({ h: harness, chat }) => {
        const [report] = await harness.reports.listByCitizen(chat.citizenRef, 1);
        expect(report?.observedWhen).toEqual({ text: 'Last night', kind: 'moment', ...LAST_NIGHT });
      },
    },
    {
      name: 'IT: a recurrence ("tutte le sere") is stored as recurring, without a period',
      lines: [
        ...IT.consented,
        { send: 'spacciano al parco di Marlia tutte le sere', expect: { says: ['Quando: tutte le sere'], step: 'reliability' } },
        { send: '1', expect: { pin: true, step: 'location' } },
        { send: { location: { ...TOWN_HALL } }, expect: { says: ['• Quando: tutte le sere'], step: 'summary' } },
        { send: 'invia', expect: { says: ['VIC-'] } },
      ],
      then: async ({ h: harness, chat }) => {
        const [report] = await harness.reports.listByCitizen(chat.citizenRef, 1);
        expect(report?.observedWhen).toEqual({ text: 'tutte le sere', kind: 'recurring', every: 'evening' });
      },
    },
    {
      name: 'IT: in the guided dialog, time words in the description answer fill it too',
      lines: [
        ...IT.consented,
        { send: 'rifiuti', expect: { step: 'reliability' } },
        { send: '1', expect: { step: 'location' } },
        { send: { location: { ...TOWN_HALL } }, expect: { step: 'photo' } },
        { send: 'salta', expect: { step: 'description' } },
        { send: 'Sacchi sul marciapiede da tre giorni.', expect: { says: ['• Quando: da tre giorni'], step: 'summary' } },
        { send: 'invia', expect: { says: ['VIC-'] } },
      ],
      then: async ({ h: harness, chat }) => {
        const [report] = await harness.reports.listByCitizen(chat.citizenRef, 1);
        expect(report?.observedWhen).toEqual({ text: 'da tre giorni', kind: 'since', from: rome('2026-11-15T00:00') });
      },
    },
    {
      name: 'IT: a new citizen\'s first message at 23:48 says "stanotte"; the notice accepted the next morning: still that night',
      chat: { start: rome('2026-11-18T23:47') },
      lines: [
        { send: 'stanotte spacciano davanti al bar in via Carlo Piaggia a Capannori', expect: { step: 'consent' } },
        { send: 'Accetto', wait: 8 * 3_600_000, expect: { says: ['Quando: stanotte'], step: 'reliability' } },
        { send: '1', expect: { says: ['• Quando: stanotte'], step: 'summary' } },
        { send: 'invia', expect: { says: ['VIC-'] } },
      ],
      then: async ({ h: harness, chat }) => {
        const [report] = await harness.reports.listByCitizen(chat.citizenRef, 1);
        // The night going on when the message was sent, up to that message (not the next night).
        expect(report?.observedWhen).toEqual({ text: 'stanotte', kind: 'moment', from: rome('2026-11-18T22:00'), to: rome('2026-11-18T23:48') });
      },
    },
    {
      name: 'IT: "ciao", then the report at 23:48 while the notice waits; accepted the next morning: still that night',
      chat: { start: rome('2026-11-18T23:46') },
      lines: [
        { send: 'Ciao', expect: { step: 'consent' } },
        { send: 'stanotte spacciano davanti al bar in via Carlo Piaggia a Capannori', expect: { step: 'consent' } },
        { send: 'Accetto', wait: 8 * 3_600_000, expect: { says: ['Quando: stanotte'], step: 'reliability' } },
        { send: '1', expect: { says: ['• Quando: stanotte'], step: 'summary' } },
        { send: 'invia', expect: { says: ['VIC-'] } },
      ],
      then: async ({ h: harness, chat }) => {
        const [report] = await harness.reports.listByCitizen(chat.citizenRef, 1);
        expect(report?.observedWhen).toEqual({ text: 'stanotte', kind: 'moment', from: rome('2026-11-18T22:00'), to: rome('2026-11-18T23:48') });
      },
    },
    {
      name: 'EN: a report without time words has no "When" and no field',
      lines: [
        ...EN.consented,
        { send: PIAGGIA_EN.replace(' for three days', ''), expect: { says: ['I understood:', 'How do you know?'], step: 'reliability' } },
        { send: 'I saw it myself', expect: { step: 'summary' } },
        { send: 'send', expect: { says: ['VIC-'] } },
      ],
      then: async ({ h: harness, chat }) => {
        expect(chat.state?.draft.observedWhen).toBeUndefined();
        const [report] = await harness.reports.listByCitizen(chat.citizenRef, 1);
        expect(report?.observedWhen).toBeUndefined();
      },
    },
  ];

  it.each(transcripts.map((t) => [t.name, t] as const))('%s', (_, transcript) => play(h, transcript));
});
