/**
 * Regression: "youngsters selling weed" was classified as Noise, because "selling" was taken as a
 * typo of the noise synonym "yelling". A word that is itself a word of the menu (exactly or by
 * stem) is what the citizen meant: it must not also count as a typo of another option's word.
 */
import { describe, expect, it } from 'vitest';
import { matchChoice, type ChoiceOption } from '../../../src/nlp/answer-matcher';
import { createCategoryClassifier } from '../../../src/nlp/category-classifier';
import { categoryChoiceOptions } from '../../../src/nlp/category-options';

const categories = categoryChoiceOptions();
const classifier = createCategoryClassifier();

describe("a known word is never a typo of another option's word", () => {
  const menu: ChoiceOption[] = [
    { id: 'noise', labels: ['yelling', 'shouting'] },
    { id: 'drugs', labels: ['selling drugs'] },
  ];

  it('"selling" is not "yelling" when "selling" is a word of the menu', () => {
    expect(matchChoice('selling', menu)).toEqual({ ok: false, reason: 'no_match', candidates: ['drugs'] });
    expect(matchChoice('they are selling stuff', menu)).not.toMatchObject({ ok: true, id: 'noise' });
  });

  it('a real typo is still understood', () => {
    expect(matchChoice('yeling', menu)).toMatchObject({ ok: true, id: 'noise' });
    expect(matchChoice('sellling drugs', menu)).toMatchObject({ ok: true, id: 'drugs' });
  });

  it('the same word is a typo when the menu does not contain it', () => {
    expect(matchChoice('selling', [{ id: 'noise', labels: ['yelling'] }])).toMatchObject({ ok: true, id: 'noise' });
  });
});

describe('the report categories', () => {
  it.each([
    'youngsters selling weed',
    'Youngsters selling weed in the park',
    'there are pushers near the station',
    'they are selling drugs behind the school',
  ])('"%s" is drug dealing, for the menu and for the classifier', (text) => {
    expect(matchChoice(text, categories)).toMatchObject({ ok: true, id: 'drug_dealing' });
    expect(classifier.suggest(text)?.categoryId).toBe('drug_dealing');
  });

  it('"yelling" and its typos are still noise', () => {
    expect(matchChoice('people yelling all night', categories)).toMatchObject({ ok: true, id: 'noise' });
    expect(matchChoice('yeling', categories)).toMatchObject({ ok: true, id: 'noise' });
  });
});
