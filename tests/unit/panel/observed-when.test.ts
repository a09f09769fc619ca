/** The panel's wording of when the citizen says it was observed (src/panel/web/src/lib/observed-when.ts), in Rome's time zone. */
import { describe, expect, it } from 'vitest';
import { observedMeaning } from '../../../src/panel/web/src/lib/observed-when';

const rome = (local: string) => new Date(`${local}+01:00`).toISOString();

describe('observedMeaning', () => {
  it('a night, a day, a moment, a start, a recurrence (Italian and English)', () => {
    const night = { text: 'stanotte', kind: 'moment' as const, from: rome('2026-11-17T22:00'), to: rome('2026-11-18T06:00') };
    expect(observedMeaning(night, 'it')).toBe('tra 17/11/2026, 22:00 e 18/11/2026, 06:00 circa');
    expect(observedMeaning(night, 'en')).toBe('about 17/11/2026, 22:00 to 18/11/2026, 06:00');
    const day = { text: 'ieri', kind: 'moment' as const, from: rome('2026-11-17T00:00'), to: rome('2026-11-18T00:00') };
    expect(observedMeaning(day, 'it')).toBe('il 17/11/2026');
    const now = { text: 'adesso', kind: 'moment' as const, from: rome('2026-11-18T10:31'), to: rome('2026-11-18T10:31') };
    expect(observedMeaning(now, 'it')).toBe('verso 18/11/2026, 10:31');
    expect(observedMeaning({ text: 'da tre giorni', kind: 'since', from: rome('2026-11-15T00:00') }, 'it')).toBe('dal 15/11/2026 circa');
    expect(observedMeaning({ text: 'da due ore', kind: 'since', from: rome('2026-11-18T08:31') }, 'en')).toBe('since about 18/11/2026, 08:31');
    const recurring = { text: 'tutte le sere da una settimana', kind: 'recurring' as const, every: 'evening' as const, from: rome('2026-11-11T00:00') };
    expect(observedMeaning(recurring, 'it')).toBe('ogni sera, dal 11/11/2026 circa');
    expect(observedMeaning({ text: 'every night', kind: 'recurring', every: 'night' }, 'en')).toBe('every night');
  });

  it('words that could not be resolved have no meaning (the words alone are shown)', () => {
    expect(observedMeaning({ text: 'stasera' }, 'it')).toBe('');
    expect(observedMeaning({ text: 'da giorni', kind: 'since' }, 'it')).toBe('');
  });
});
