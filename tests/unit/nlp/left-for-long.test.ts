import { describe, expect, it } from 'vitest';
import { categoryTokens } from '../../../src/nlp/category-features';
import { saysLeftForLong } from '../../../src/nlp/left-for-long';

const says = (text: string) => saysLeftForLong(categoryTokens(text).join(' '));

describe('left for a long time', () => {
  it.each([
    'ferma da mesi',
    'da tre settimane',
    "lì dall'estate scorsa",
    'da un sacco di tempo',
    'mai spostata',
    'since long time',
    'for like 3 months',
    'since the summer',
    "hasn't moved",
    'for ages',
  ])('%j is weeks or more', (text) => {
    expect(says(text)).toBe(true);
  });

  it.each(['da due giorni', 'stanotte', 'for a couple of days', 'since yesterday', 'every night'])('%j is not', (text) => {
    expect(says(text)).toBe(false);
  });
});

describe('a single week', () => {
  it('is not long, more than a week is', () => {
    expect(saysLeftForLong(categoryTokens('parcheggiata da una settimana').join(' '))).toBe(false);
    expect(saysLeftForLong(categoryTokens('ferma da più di una settimana').join(' '))).toBe(true);
    expect(saysLeftForLong(categoryTokens('parked there for over a week').join(' '))).toBe(true);
  });
});
