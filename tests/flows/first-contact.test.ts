/**
 * First contact: the welcome (purpose, not for emergencies, service hours), the privacy notice
 * and the consent that must come before anything else is kept; refusal; the language chosen.
 */
import { describe, expect, it } from 'vitest';
import { CLOSED_TIME, useDialogHarness, type Harness } from './support/dialog-harness';
import { EN_MENU, IT_MENU, play, type Transcript } from './support/transcript';

let h: Harness;
useDialogHarness((started) => (h = started));


const transcripts: Transcript[] = [
  {
    name: 'IT: welcome, privacy notice and acceptance, recorded with the notice version',
    lines: [
      {
        send: 'Buongiorno',
        expect: {
          replies: 2,
          first: 'Comune di Capannori',
          says: [
            'Polizia Municipale',
            'Non è un servizio di emergenza',
            '112',
            'tutti i giorni 08:00-19:00',
            'solo la Polizia Municipale',
            'Comune di Capannori - Polizia Municipale',
            'Accetti?',
          ],
          not: ['Ora il servizio è chiuso'],
          choices: ['Accetto', 'Non accetto'],
          step: 'consent',
        },
      },
      { send: 'accetto', expect: { says: ['Grazie', 'Che cosa vuoi segnalare?'], choices: IT_MENU, step: 'category' } },
    ],
    then: ({ chat }) => {
      expect(chat.state?.consent).toEqual({ version: '2026-11', at: chat.now.toISOString() });
      expect(chat.state?.language).toBe('it');
    },
  },
  {
    name: 'EN: an English-speaking app gets the welcome in English',
    chat: { languageCode: 'en-GB' },
    lines: [
      {
        send: 'hello',
        expect: {
          replies: 2,
          says: [
            'Municipality of Capannori',
            'not an emergency service',
            '112',
            'every day 08:00-19:00',
            'only by the municipal police',
            'data controller: Comune di Capannori',
            'Do you accept?',
          ],
          choices: ['I accept', 'I do not accept'],
        },
      },
      { send: 'I accept', expect: { says: ['What would you like to report?'], choices: EN_MENU } },
    ],
    then: ({ chat }) => {
      expect(chat.state?.consent?.version).toBe('2026-11');
      expect(chat.state?.language).toBe('en');
    },
  },
  {
    name: 'IT: outside service hours the welcome says when the service reopens',
    chat: { start: CLOSED_TIME },
    lines: [{ send: 'Ciao', expect: { says: ['Ora il servizio è chiuso: riapre domani dalle 08:00'] } }],
  },
  {
    name: 'IT: refusal is a polite goodbye, nothing is recorded, a later message starts over',
    lines: [
      { send: 'Ciao' },
      { send: 'Non accetto', expect: { says: ['non ho salvato nulla', '112'], replies: 1, step: 'declined' } },
      { send: 'ho cambiato idea', expect: { says: ['Comune di Capannori', 'Accetti?'], step: 'consent' } },
    ],
    then: ({ chat }) => expect(chat.state?.consent).toBeUndefined(),
  },
  {
    name: 'EN: refusal',
    chat: { languageCode: 'en' },
    lines: [{ send: 'hi' }, { send: 'I do not accept', expect: { says: ['I have not kept anything'], step: 'declined' } }],
    then: ({ chat }) => expect(chat.state?.consent).toBeUndefined(),
  },
  {
    name: 'IT: the consent question understands numbers and plain words, and re-asks otherwise',
    lines: [
      { send: 'Ciao' },
      {
        send: 'boh vediamo',
        expect: { says: ['rispondi «Accetto» oppure «Non accetto»'], choices: ['Accetto', 'Non accetto'], step: 'consent' },
      },
      { send: '1', expect: { step: 'category' } },
    ],
  },
  {
    // On the old code "nn accetto" (chat shorthand for «non accetto») was taken as consent.
    name: 'IT and EN: a negated acceptance («nn accetto», "i don\'t agree") is never taken as consent',
    lines: [
      { send: 'Ciao' },
      { send: 'nn accetto', expect: { says: ['rispondi «Accetto» oppure «Non accetto»'], step: 'consent' } },
      { send: 'no accetto', expect: { step: 'consent' } },
      { send: "i don't agree", expect: { step: 'consent' } },
      { send: 'ok va bene', expect: { step: 'category' } },
    ],
    then: ({ chat }) => expect(chat.state?.consent).toBeDefined(),
  },
  {
    name: 'IT: nothing of the report can be answered before consent',
    lines: [
      { send: 'Ciao' },
      // "rifiuti" (waste) shares a stem with "rifiuto" (I refuse): it must not count as a refusal.
      { send: 'rifiuti', expect: { says: ['Accetti?'], step: 'consent' } },
      { send: { location: { lat: 43.8414, lng: 10.5731 } }, expect: { says: ['non si risponde con una posizione', 'Accetti?'], step: 'consent' } },
    ],
  },
  {
    name: 'IT: "privacy" before accepting shows the full notice, then asks again',
    lines: [
      { send: 'Ciao' },
      {
        send: 'privacy',
        expect: {
          says: ['Informativa privacy (versione 2026-11)', 'Cosa conserviamo', 'Chi li vede', 'I tuoi diritti', 'Accetti?'],
          choices: ['Accetto', 'Non accetto'],
        },
      },
    ],
  },
  {
    name: 'IT: "annulla" before accepting is a refusal',
    lines: [{ send: 'Ciao' }, { send: 'annulla', expect: { says: ['non ho salvato nulla'], step: 'declined' } }],
  },
  {
    name: 'IT -> EN: "english" at first contact gives the welcome in English',
    lines: [
      {
        send: 'english',
        expect: {
          says: ['from now on we speak English', 'Municipality of Capannori', 'Do you accept?'],
          choices: ['I accept', 'I do not accept'],
        },
      },
    ],
    then: ({ chat }) => expect(chat.state?.language).toBe('en'),
  },
  {
    name: 'EN -> IT: "italiano" switches an English app back to Italian',
    chat: { languageCode: 'en-US' },
    lines: [
      { send: 'hello' },
      { send: 'italiano', expect: { says: ['da ora parliamo in italiano', 'Accetti?'], choices: ['Accetto', 'Non accetto'] } },
    ],
  },
  {
    name: 'IT: an emergency in the very first message gets "call 112" before the welcome',
    lines: [{ send: "C'è un uomo armato davanti al bar", expect: { first: 'chiama subito il 112', replies: 3, says: ['Accetti?'] } }],
  },
  {
    name: 'EN: an emergency in the first message',
    chat: { languageCode: 'en' },
    lines: [{ send: 'someone has a knife', expect: { first: 'call 112 immediately', says: ['Do you accept?'] } }],
  },
  {
    name: 'IT: a voice note as first message still gets the welcome',
    lines: [{ send: { other: 'ptt' }, expect: { says: ['Comune di Capannori', 'Accetti?'] } }],
  },
  {
    name: 'IT: a voice note as the consent answer gets a polite explanation',
    lines: [
      { send: 'Ciao' },
      { send: { other: 'ptt' }, expect: { says: ['non riesco ad ascoltare i vocali', 'Accetti?'], step: 'consent' } },
    ],
  },
];

describe('first contact', () => {
  it.each(transcripts.map((t) => [t.name, t] as const))('%s', async (_name, transcript) => {
    await play(h, transcript);
  });
});
