/**
 * Area alerts ("points of interest") through the bot: "avvisi"/"alerts" opens a small menu at any
 * time; subscribe near a place (a pin and a radius) or to a zone, list, remove one; "STOP" ends
 * them all. The privacy notice comes first for a new citizen; a report in progress continues
 * afterwards. Both languages, on the real engine and storage.
 */
import { describe, expect, it } from 'vitest';
import { TOWN_HALL } from '../support/report-script';
import { useDialogHarness, type Chat, type Harness } from './support/dialog-harness';
import { EN, IT, play, type Transcript } from './support/transcript';

let h: Harness;
useDialogHarness((started) => (h = started), { resetReportsAfterEach: false });

const LAMMARI = { lat: 43.868, lng: 10.555 };
const LUCCA_CENTRE = { lat: 43.843, lng: 10.5035 };
const IT_MENU = ['Vicino a un luogo', 'Una zona', 'I miei avvisi', 'Togli un avviso', 'Chiudi'];
const EN_MENU = ['Near a place', 'An area', 'My alerts', 'Remove an alert', 'Close'];
const ZONES = [
  'Marlia',
  'Segromigno in Monte',
  'Camigliano',
  'San Gennaro e Tofori',
  'Lammari',
  'Segromigno in Piano',
  'Lunata',
  'Capannori centro',
  'Pieve San Paolo e Carraia',
  'Tassignano',
  'Guamo, Vorno e Massa Macinaia',
  'Colle di Compito',
  'Pieve di Compito',
];

const subscriptionsOf = (chat: Chat) => h.subscriptions.listByCitizen(chat.citizenRef);

const transcripts: Transcript[] = [
  {
    name: 'IT: subscribe near a place: menu, pin, radius',
    lines: [
      ...IT.consented.slice(0, 1),
      { send: 'Accetto' },
      { send: 'avvisi', expect: { says: ['Avvisi di zona', 'Scrivi «STOP» in qualsiasi momento'], choices: IT_MENU, step: 'alerts_menu' } },
      {
        send: 'Vicino a un luogo',
        expect: { says: ['Mandami la posizione del posto che ti interessa'], pin: true, step: 'alerts_location' },
      },
      {
        send: { location: LAMMARI },
        expect: { says: ['Entro quale distanza da Via del Popolo, Lammari?'], choices: ['250 m', '500 m', '1 km'], step: 'alerts_radius' },
      },
      {
        send: '500 m',
        expect: {
          says: [
            'Fatto! Ti scriverò qui gli avvisi del Comune per: entro 500 m da Via del Popolo, Lammari',
            '«STOP» per disattivarli tutti',
          ],
          replies: 1,
          step: 'idle',
        },
      },
    ],
    async then({ chat }) {
      expect(await subscriptionsOf(chat)).toEqual([
        expect.objectContaining({
          kind: 'area',
          center: LAMMARI,
          radiusMeters: 500,
          zoneId: 'lammari',
          label: 'Via del Popolo, Lammari',
          channel: 'simulator',
          language: 'it',
          active: true,
        }),
      ]);
      expect(chat.state?.draft.alert).toBeUndefined();
      // The advisory sender finds it by the zone its centre lies in.
      expect((await h.subscriptions.findForZones(['lammari'])).map((s) => s.citizenRef)).toContain(chat.citizenRef);
    },
  },
  {
    name: 'IT: a pin sent straight to the menu, "1 km", no street known',
    lines: [
      ...IT.consented,
      { send: '/avvisi', expect: { step: 'alerts_menu' } },
      {
        send: { location: { lat: 43.86, lng: 10.6 } },
        expect: { says: ['Entro quale distanza da un punto in zona Segromigno in Piano?'] },
      },
      { send: '1 km', expect: { says: ['entro 1 km da un punto in zona Segromigno in Piano'], step: 'idle' } },
    ],
    async then({ chat }) {
      const [sub] = await subscriptionsOf(chat);
      expect(sub).toMatchObject({ radiusMeters: 1000, zoneId: 'segromigno-in-piano' });
      expect(sub.label).toBeUndefined();
    },
  },
  {
    name: 'IT: subscribe to a zone by name, or by a part of its name',
    lines: [
      ...IT.consented,
      { send: 'Avvisi' },
      { send: 'Una zona', expect: { says: ['Quale zona?'], choices: ZONES, step: 'alerts_zone' } },
      { send: 'marlia', expect: { says: ['Fatto! Ti scriverò qui gli avvisi del Comune per: zona Marlia'], step: 'idle' } },
      { send: 'avvisi' },
      { send: '2' },
      { send: 'vorno', expect: { says: ['per: zona Guamo, Vorno e Massa Macinaia'], step: 'idle' } },
    ],
    async then({ chat }) {
      expect((await subscriptionsOf(chat)).map((s) => [s.kind, s.zoneId])).toEqual([
        ['zone', 'marlia'],
        ['zone', 'guamo'],
      ]);
      expect((await h.subscriptions.findForZones(['marlia'])).map((s) => s.citizenRef)).toContain(chat.citizenRef);
    },
  },
  {
    name: 'IT: list, then remove one',
    lines: [
      ...IT.consented,
      { send: 'avvisi' },
      { send: 'Una zona' },
      { send: 'Lunata' },
      { send: 'avvisi' },
      { send: 'Vicino a un luogo' },
      { send: { location: { ...TOWN_HALL } } },
      { send: '250' },
      { send: 'avvisi' },
      {
        send: 'I miei avvisi',
        expect: {
          says: ['I tuoi avvisi di zona:', '1. zona Lunata', '2. entro 250 m da Piazza Aldo Moro, Capannori', 'Cosa vuoi fare?'],
          choices: IT_MENU,
          step: 'alerts_menu',
        },
      },
      {
        send: 'Togli un avviso',
        expect: {
          says: ['Quale avviso vuoi togliere?'],
          choices: ['zona Lunata', 'entro 250 m da Piazza Aldo Moro, Capannori'],
          step: 'alerts_remove',
        },
      },
      { send: '2', expect: { says: ["Ok, ho tolto l'avviso: entro 250 m da Piazza Aldo Moro, Capannori"], step: 'idle' } },
      { send: 'avvisi' },
      { send: 'lista', expect: { says: ['1. zona Lunata'], not: ['Piazza Aldo Moro'] } },
      { send: 'chiudi', expect: { says: ['Ok! 👋'], replies: 1, step: 'idle' } },
    ],
    async then({ chat }) {
      expect((await subscriptionsOf(chat)).map((s) => s.zoneId)).toEqual(['lunata']);
    },
  },
  {
    name: 'IT: STOP ends all of them and says so; STOP again says there are none',
    lines: [
      ...IT.consented,
      { send: 'avvisi' },
      { send: 'Una zona' },
      { send: 'Marlia' },
      { send: 'avvisi' },
      { send: 'Una zona' },
      { send: 'Lammari' },
      {
        send: 'STOP',
        expect: { says: ['Fatto: ho disattivato tutti i tuoi 2 avvisi di zona', 'cancellato i posti'], replies: 1, step: 'idle' },
      },
      { send: 'Stop!', expect: { says: ['Non hai avvisi di zona attivi'], step: 'idle' } },
      { send: 'avvisi' },
      { send: 'I miei avvisi', expect: { says: ['Non hai avvisi di zona attivi.'] } },
    ],
    async then({ chat }) {
      expect(await subscriptionsOf(chat)).toEqual([]);
      expect([...h.storage.db.subscriptions.values()].filter((s) => s.citizenRef === chat.citizenRef)).toHaveLength(0);
    },
  },
  {
    name: 'IT: "avvisi" during a report, then back to the report where it was',
    lines: [
      ...IT.atLocation,
      { send: 'avvisi', expect: { says: ['Avvisi di zona'], choices: IT_MENU, step: 'alerts_menu' } },
      { send: 'Una zona' },
      {
        send: 'Tassignano',
        expect: { says: ['per: zona Tassignano', 'Torniamo alla segnalazione che stavi facendo.', 'Dove?'], pin: true, step: 'location' },
      },
      { send: { location: { ...TOWN_HALL } }, expect: { says: ['Hai una foto?'], step: 'photo' } },
    ],
    async then({ chat }) {
      expect(chat.state?.draft).toMatchObject({ categoryId: 'abandoned_waste', reliability: 'seen' });
      expect((await subscriptionsOf(chat)).map((s) => s.zoneId)).toEqual(['tassignano']);
    },
  },
  {
    name: 'IT: "annulla" in the menu closes the menu, not the report; STOP during a report keeps the report',
    lines: [
      ...IT.atPhoto,
      { send: 'avvisi' },
      {
        send: 'annulla',
        expect: { says: ['Ok, ho chiuso il menu degli avvisi.', 'Torniamo alla segnalazione', 'Hai una foto?'], step: 'photo' },
      },
      { send: 'stop', expect: { says: ['Non hai avvisi di zona attivi', 'Hai una foto?'], choices: ['Salta'], step: 'photo' } },
      { send: 'indietro', expect: { says: ['Dove?'], step: 'location' } },
    ],
    then: ({ chat }) => expect(chat.state?.draft.location?.point).toEqual(TOWN_HALL),
  },
  {
    name: 'IT: a new citizen writing "avvisi" gets the welcome and the privacy question first, then the menu',
    lines: [
      {
        send: 'avvisi',
        expect: { says: ['Ciao! Sono Vicinato', 'la privacy in breve', 'Accetti?'], choices: ['Accetto', 'Non accetto'], step: 'consent' },
      },
      { send: 'Accetto', expect: { says: ['Grazie! 🙏', 'Avvisi di zona'], choices: IT_MENU, step: 'alerts_menu' } },
      { send: 'Una zona' },
      { send: 'Marlia', expect: { says: ['per: zona Marlia'], step: 'idle' } },
      { send: 'lampione spento', expect: { says: ['Facciamo una nuova segnalazione'], not: ['Accetti?'], step: 'reliability' } },
    ],
    then: ({ chat }) => expect(chat.state?.consent?.version).toBe('2026-11'),
  },
  {
    name: 'IT: refusing the privacy notice subscribes nothing',
    lines: [
      { send: 'avvisi', expect: { step: 'consent' } },
      { send: 'Non accetto', expect: { says: ['non ho salvato nulla'], step: 'declined' } },
    ],
    then: async ({ chat }) => expect(await subscriptionsOf(chat)).toEqual([]),
  },
  {
    name: 'IT: a pin outside the municipality, a text instead of a pin, a radius not offered',
    lines: [
      ...IT.consented,
      { send: 'avvisi' },
      { send: 'luogo', expect: { step: 'alerts_location' } },
      { send: 'via roma', expect: { says: ['Mi serve una posizione'], pin: true, step: 'alerts_location' } },
      { send: { location: LUCCA_CENTRE }, expect: { says: ['fuori dal Comune di Capannori'], pin: true, step: 'alerts_location' } },
      { send: { location: LAMMARI }, expect: { step: 'alerts_radius' } },
      {
        send: '2 km',
        expect: {
          says: ['Non ho capito la distanza.', 'Entro quale distanza'],
          choices: ['250 m', '500 m', '1 km'],
          step: 'alerts_radius',
        },
      },
      { send: 'indietro', expect: { says: ['Mandami la posizione'], step: 'alerts_location' } },
      { send: 'indietro', expect: { says: ['Avvisi di zona'], step: 'alerts_menu' } },
      { send: 'indietro', expect: { says: ['Ok, ho chiuso il menu degli avvisi.'], replies: 1, step: 'idle' } },
    ],
    then: async ({ chat }) => expect(await subscriptionsOf(chat)).toEqual([]),
  },
  {
    name: 'IT: the same zone twice is not added again',
    lines: [
      ...IT.consented,
      { send: 'avvisi' },
      { send: 'zona' },
      { send: 'Lunata' },
      { send: 'avvisi' },
      { send: 'zona' },
      { send: 'lunata', expect: { says: ['Ricevi già gli avvisi per: zona Lunata.'], step: 'idle' } },
    ],
    then: async ({ chat }) => expect(await subscriptionsOf(chat)).toHaveLength(1),
  },
  // --- English ------------------------------------------------------------------------------------
  {
    name: 'EN: subscribe near a place',
    chat: { languageCode: 'en' },
    lines: [
      ...EN.consented,
      { send: 'alerts', expect: { says: ['Area alerts', 'Write «STOP» at any time'], choices: EN_MENU, step: 'alerts_menu' } },
      { send: 'Near a place', expect: { says: ['Send me the location of the place you care about'], pin: true } },
      {
        send: { location: LAMMARI },
        expect: { says: ['Within what distance of Via del Popolo, Lammari?'], choices: ['250 m', '500 m', '1 km'] },
      },
      { send: '250 m', expect: { says: ['Done! I will write to you here', 'within 250 m of Via del Popolo, Lammari'], step: 'idle' } },
    ],
    then: async ({ chat }) =>
      expect(await subscriptionsOf(chat)).toEqual([expect.objectContaining({ kind: 'area', radiusMeters: 250, language: 'en' })]),
  },
  {
    name: 'EN: subscribe to an area, list, remove, STOP',
    chat: { languageCode: 'en' },
    lines: [
      ...EN.consented,
      { send: '/alerts' },
      { send: 'An area', expect: { says: ['Which area?'], choices: ZONES } },
      { send: 'Lammari', expect: { says: ['for: the Lammari area'], step: 'idle' } },
      { send: 'alerts' },
      { send: 'area' },
      { send: 'Marlia' },
      { send: 'alerts' },
      { send: 'My alerts', expect: { says: ['Your area alerts:', '1. the Lammari area', '2. the Marlia area'] } },
      { send: 'Remove an alert', expect: { choices: ['the Lammari area', 'the Marlia area'] } },
      { send: '1', expect: { says: ['I removed the alert: the Lammari area'], step: 'idle' } },
      { send: 'STOP', expect: { says: ['I turned off your area alert'], step: 'idle' } },
      { send: 'stop', expect: { says: ['You have no area alerts'] } },
    ],
    then: async ({ chat }) => expect(await subscriptionsOf(chat)).toEqual([]),
  },
  {
    name: 'EN: "alerts" during a report, and back',
    chat: { languageCode: 'en' },
    lines: [
      ...EN.atPhoto,
      { send: 'alerts', expect: { choices: EN_MENU } },
      {
        send: 'close',
        expect: { says: ['OK! 👋', 'Let us go back to the report you were making.', 'Do you have a photo?'], step: 'photo' },
      },
    ],
  },
  {
    name: 'EN: a new citizen is asked for consent first',
    chat: { languageCode: 'en' },
    lines: [
      { send: 'alerts', expect: { says: ['Hello! I am Vicinato', 'Do you accept?'], step: 'consent' } },
      { send: 'I accept', expect: { choices: EN_MENU, step: 'alerts_menu' } },
    ],
  },
];

describe('area alerts', () => {
  it.each(transcripts.map((t) => [t.name, t] as const))('%s', async (_n, t) => play(h, t));

  it('at most 5 subscriptions: the sixth is refused with the reason', async () => {
    const chat = h.chat();
    await chat.sendAll(sends(IT.consented));
    for (const zone of ['Marlia', 'Lammari', 'Lunata', 'Tassignano', 'Camigliano']) await chat.sendAll(['avvisi', 'zona', zone]);
    expect(await subscriptionsOf(chat)).toHaveLength(5);
    await chat.send('avvisi');
    const refused = await chat.send('Una zona');
    expect(refused.replies[0].text).toContain('Hai già 5 avvisi, il massimo');
    expect(refused.state.step).toBe('alerts_menu');
    const byPin = await chat.send({ location: LAMMARI });
    expect(byPin.replies[0].text).toContain('Hai già 5 avvisi, il massimo');
    expect(await subscriptionsOf(chat)).toHaveLength(5);
  });

  it('a retried subscribing turn (same state, same message) adds one subscription and answers the same', async () => {
    const chat = h.chat();
    await chat.sendAll([...sends(IT.consented), 'avvisi', 'zona']);
    const before = chat.state;
    const msg = chat.message({ kind: 'text', text: 'Marlia' });
    const a = await h.engine.handle({ state: before, message: msg, citizenRef: chat.citizenRef, now: chat.now });
    const b = await h.engine.handle({ state: before, message: msg, citizenRef: chat.citizenRef, now: chat.now });
    expect(b.replies).toEqual(a.replies);
    expect(a.replies[0].text).toContain('per: zona Marlia');
    expect(await subscriptionsOf(chat)).toHaveLength(1);
  });

  it('subscriptions are per citizen: STOP by one leaves the others alone', async () => {
    const anna = h.chat();
    const bruno = h.chat({ languageCode: 'en' });
    await anna.sendAll([...sends(IT.consented), 'avvisi', 'zona', 'Guamo']);
    await bruno.sendAll([...sends(EN.consented), 'alerts', 'area', 'Guamo']);
    await anna.send('STOP');
    expect(await subscriptionsOf(anna)).toEqual([]);
    expect(await subscriptionsOf(bruno)).toHaveLength(1);
    const forGuamo = await h.subscriptions.findForZones(['guamo']);
    expect(forGuamo.map((s) => s.citizenRef)).toContain(bruno.citizenRef);
    expect(forGuamo.map((s) => s.citizenRef)).not.toContain(anna.citizenRef);
  });

  it('the menu left idle for an hour is over: the next message is read as usual', async () => {
    const chat = h.chat();
    await chat.sendAll([...sends(IT.consented), 'avvisi']);
    chat.wait(60 * 60_000);
    const turn = await chat.send('lampione spento');
    expect(turn.state.step).toBe('reliability');
    expect(turn.state.aside).toBeUndefined();
  });
});

function sends(lines: { send: unknown }[]) {
  return lines.map((l) => l.send) as Parameters<Chat['sendAll']>[0];
}
