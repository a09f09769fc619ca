import { describe, expect, it } from 'vitest';
import { matchKeyword } from '../../../src/nlp/answer-matcher';

// The global commands of the report flow, as the dialog will configure them.
const COMMANDS: Record<string, string[]> = {
  cancel: ['annulla', 'cancel', 'stop'],
  back: ['indietro', 'torna indietro', 'back'],
  help: ['aiuto', 'help'],
  status: ['stato', 'status'],
  privacy: ['privacy'],
  language: ['lingua', 'language', 'english', 'italiano'],
  skip: ['salta', 'skip'],
  yes: ['sì', 'si', 'yes', 'ok', '👍'],
  no: ['no'],
};

describe('matchKeyword: the message is the command', () => {
  it.each([
    ['annulla', 'cancel'],
    ['Annulla', 'cancel'],
    ['ANNULLA!', 'cancel'],
    ['/annulla', 'cancel'],
    ['/annulla@VicinatoBot', 'cancel'],
    ['  annulla.  ', 'cancel'],
    ['cancel', 'cancel'],
    ['indietro', 'back'],
    ['torna indietro', 'back'],
    ['aiuto', 'help'],
    ['aiuto?', 'help'],
    ['/help', 'help'],
    ['stato', 'status'],
    ['privacy', 'privacy'],
    ['lingua', 'language'],
    ['English', 'language'],
    ['salta', 'skip'],
    ['Skip', 'skip'],
    ['sì', 'yes'],
    ['si', 'yes'],
    ['Si.', 'yes'],
    ['yes', 'yes'],
    ['👍', 'yes'],
    ['no', 'no'],
    ['NO!', 'no'],
  ])('%j -> %s', (input, key) => {
    expect(matchKeyword(input, COMMANDS)).toBe(key);
  });

  it.each([
    ['annulla grazie', 'cancel'],
    ['no grazie', 'no'],
    ['sì per favore', 'yes'],
    ['help please', 'help'],
  ])('allows courtesy words: %j -> %s', (input, key) => {
    expect(matchKeyword(input, COMMANDS)).toBe(key);
  });

  it.each([
    ['siii', 'yes'],
    ['nooo', 'no'],
    ['okk', 'yes'],
  ])('reads emphasis by repeated letters: %j -> %s', (input, key) => {
    expect(matchKeyword(input, COMMANDS)).toBe(key);
  });

  it.each([
    ['anulla', 'cancel'],
    ['annula', 'cancel'],
    ['indetro', 'back'],
    ['indietor', 'back'],
    ['aiuot', 'help'],
    ['privaci', 'privacy'],
    ['lingau', 'language'],
  ])('tolerates a one-letter typo of a long command: %j -> %s', (input, key) => {
    expect(matchKeyword(input, COMMANDS)).toBe(key);
  });
});

describe('matchKeyword: not a command', () => {
  it.each([
    'hanno annullato il mercato e adesso la piazza è piena di rifiuti',
    'annulla la segnalazione di ieri e fanne una nuova', // a request, but not the bare command
    'ci sono ragazzi che spacciano, aiuto',
    'aiuto subito',
    'no, non era un furto ma vandalismo',
    'il lampione è spento, sì proprio quello',
    'la privacy dei residenti è violata da telecamere',
    'torna sempre indietro con la macchina',
    'stato di abbandono',
  ])('%j', (input) => {
    expect(matchKeyword(input, COMMANDS)).toBeUndefined();
  });

  it.each(['ko', 'on', 'sto', 'se', 'yea', 'nn'])('short commands must be exact: %j', (input) => {
    expect(matchKeyword(input, COMMANDS)).toBeUndefined();
  });

  it('returns undefined for empty input', () => {
    expect(matchKeyword('', COMMANDS)).toBeUndefined();
    expect(matchKeyword('   ', COMMANDS)).toBeUndefined();
    expect(matchKeyword('...', COMMANDS)).toBeUndefined();
  });

  it('returns undefined when a typo is equally close to two commands', () => {
    expect(matchKeyword('salva', { skip: ['salta'], save: ['salve'] })).toBeUndefined();
  });
});
