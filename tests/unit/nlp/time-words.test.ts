/**
 * src/nlp/time-words.ts: the time words of a report, found as written and resolved relative to the
 * message's time in the municipality's time zone (Italian and English, typos, recurring, unknown).
 */
import { describe, expect, it } from 'vitest';
import { MAX_OBSERVED_TEXT } from '../../../src/domain/observed-when';
import { MAX_TIME_INPUT, readTimeWords, timeWordsIn } from '../../../src/nlp/time-words';

const ROME = 'Europe/Rome';
/** Wednesday 18 November 2026, 10:30 in Capannori (09:30 UTC). */
const WED_MORNING = new Date('2026-11-18T09:30:00Z');
/** The same Wednesday at 23:15 local time. */
const WED_LATE = new Date('2026-11-18T22:15:00Z');
/** Rome local wall time -> the instant (winter: UTC+1). */
const rome = (local: string) => new Date(`${local}+01:00`);

const read = (text: string, at = WED_MORNING) => readTimeWords(text, at, ROME);

describe('readTimeWords: moments', () => {
  it.each([
    ['stanotte hanno spaccato la vetrina', 'stanotte', '2026-11-17T22:00', '2026-11-18T06:00'],
    ['Stanote hanno rubato una bici', 'Stanote', '2026-11-17T22:00', '2026-11-18T06:00'],
    ['ieri sera rumori fortissimi', 'ieri sera', '2026-11-17T18:00', '2026-11-18T00:00'],
    ['iersera ubriachi in piazza', 'iersera', '2026-11-17T18:00', '2026-11-18T00:00'],
    ['stamattina ho visto un cane abbandonato', 'stamattina', '2026-11-18T06:00', '2026-11-18T10:30'],
    ["l'altra notte hanno bruciato un cassonetto", "l'altra notte", '2026-11-16T22:00', '2026-11-17T06:00'],
    ['tre giorni fa', 'tre giorni fa', '2026-11-15T00:00', '2026-11-16T00:00'],
    ['my bike was stolen last night', 'last night', '2026-11-17T22:00', '2026-11-18T06:00'],
    ['yesterday evening there was a fight', 'yesterday evening', '2026-11-17T18:00', '2026-11-18T00:00'],
    ['lunedì sera schiamazzi', 'lunedì sera', '2026-11-16T18:00', '2026-11-17T00:00'],
    ['last Monday night', 'last Monday night', '2026-11-16T22:00', '2026-11-17T06:00'],
  ])('%j -> %j, a moment from %s to %s', (text, words, from, to) => {
    expect(read(text)).toEqual({ text: words, kind: 'moment', from: rome(from), to: rome(to) });
  });

  it('"stanotte" late in the evening is the night going on, until the message', () => {
    expect(read('stanotte ragazzi che urlano', WED_LATE)).toEqual({ text: 'stanotte', kind: 'moment', from: rome('2026-11-18T22:00'), to: WED_LATE });
  });

  it('"last night" late in the evening is still the night before', () => {
    expect(read('my bike was stolen last night', WED_LATE)).toEqual({ text: 'last night', kind: 'moment', from: rome('2026-11-17T22:00'), to: rome('2026-11-18T06:00') });
  });

  it('a period that has not started at the message\'s time keeps only the words ("stasera" said in the morning)', () => {
    expect(read('stasera ci sarà una festa abusiva')).toEqual({ text: 'stasera' });
  });
});

describe('readTimeWords: since', () => {
  it.each([
    ['sacchi di rifiuti in via Carlo Piaggia da tre giorni', 'da tre giorni', '2026-11-15T00:00'],
    ['lampione spento da una settimana', 'da una settimana', '2026-11-11T00:00'],
    ['ce sta na montagna de monnezza da na settimana', 'da na settimana', '2026-11-11T00:00'],
    ['lampione spento da 2 settimane', 'da 2 settimane', '2026-11-04T00:00'],
    ['sono due settimane che la buca è lì', 'sono due settimane che', '2026-11-04T00:00'],
    ['buca in strada da lunedì', 'da lunedì', '2026-11-16T00:00'],
    ['il semaforo è rotto da ieri', 'da ieri', '2026-11-17T00:00'],
    ['rubbish bags dumped for 3 days', 'for 3 days', '2026-11-15T00:00'],
    ['the light has been out since Monday', 'since Monday', '2026-11-16T00:00'],
    ['abandoned car for two weeks', 'for two weeks', '2026-11-04T00:00'],
  ])('%j -> since %s', (text, words, from) => {
    expect(read(text)).toEqual({ text: words, kind: 'since', from: rome(from) });
  });

  it('vague amounts keep the kind, not a period', () => {
    expect(read('auto abbandonata da giorni')).toEqual({ text: 'da giorni', kind: 'since' });
    expect(read('a car abandoned for a few days')).toEqual({ text: 'for a few days', kind: 'since' });
    expect(read('da qualche settimana')).toEqual({ text: 'da qualche settimana', kind: 'since' });
  });

  it('an absurd amount is not resolved', () => {
    expect(read('da 5000 anni')).toEqual({ text: 'da 5000 anni', kind: 'since' });
  });
});

describe('readTimeWords: recurring', () => {
  it.each([
    ['spacciano al parco tutte le sere', 'tutte le sere', 'evening'],
    ['schiamazzi tutte le notti', 'tutte le notti', 'night'],
    ['ogni sera ragazzi sulle auto', 'ogni sera', 'evening'],
    ['ogni fine settimana rifiuti nel parco', 'ogni fine settimana', 'weekend'],
    ['dealing in the park every night', 'every night', 'night'],
    ['noise evry night', 'evry night', 'night'],
  ])('%j -> every %s', (text, words, every) => {
    expect(read(text)).toEqual({ text: words, kind: 'recurring', every });
  });

  it('a recurrence with a start: "tutte le sere da una settimana"', () => {
    expect(read('spacciano tutte le sere da una settimana')).toEqual({
      text: 'tutte le sere da una settimana',
      kind: 'recurring',
      every: 'evening',
      from: rome('2026-11-11T00:00'),
    });
  });
});

describe('readTimeWords: unknown and bounded', () => {
  it('finds nothing where no time is said', () => {
    expect(read('rifiuti abbandonati in via del Popolo')).toBeUndefined();
    expect(read('una settimana di ferie')).toBeUndefined();
    expect(read('')).toBeUndefined();
  });

  it('keeps the words as written (case, accents), whitespace collapsed', () => {
    expect(timeWordsIn('Da  Tre Giorni ormai')).toBe('Da Tre Giorni');
    expect(timeWordsIn('DA LUNEDÌ')).toBe('DA LUNEDÌ');
  });

  it('reads only the start of a long text, and keeps at most MAX_OBSERVED_TEXT characters', () => {
    expect(read(`${'x'.repeat(MAX_TIME_INPUT)} stanotte`)).toBeUndefined();
    const long = `ogni ${'x'.repeat(80)} sera`;
    expect(read(long)).toBeUndefined();
    const both = read(`tutte le sere ${'parole '.repeat(20)} da una settimana`)!;
    expect(both.text.length).toBeLessThanOrEqual(MAX_OBSERVED_TEXT);
    expect(both.text).toMatch(/^tutte le sere … da una settimana$/);
  });

  it('keeps wall-clock hours on the day the clocks go forward (29 March 2026 in Rome)', () => {
    // Monday 30 March 10:00 (UTC+2): "ieri sera" is Sunday 18:00-24:00 local, summer time.
    expect(readTimeWords('ieri sera', new Date('2026-03-30T08:00:00Z'), ROME)).toEqual({
      text: 'ieri sera',
      kind: 'moment',
      from: new Date('2026-03-29T16:00:00Z'),
      to: new Date('2026-03-29T22:00:00Z'),
    });
  });

  it('resolves in the municipality\'s time zone, not the server\'s', () => {
    // 23:30 UTC on the 17th is already 00:30 on the 18th in Rome: "ieri" is the 17th there.
    expect(readTimeWords('ieri', new Date('2026-11-17T23:30:00Z'), ROME)).toEqual({
      text: 'ieri',
      kind: 'moment',
      from: rome('2026-11-17T00:00'),
      to: rome('2026-11-18T00:00'),
    });
  });
});
