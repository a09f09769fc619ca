/**
 * A first message that is only a greeting skips the category classifier (flows/steps/rest.steps.ts):
 * that is only right if no greeting, alone or with punctuation, names a category.
 */
import { describe, expect, it } from 'vitest';
import { categoryUnderstanding } from '../../../flows/nlp';
import { promptsFor } from '../../../src/texts/citizen';

describe('greetings name no category', () => {
  for (const lang of ['it', 'en'] as const) {
    it(`${lang}: every greeting word, as typed, shouted or with "!"`, () => {
      const named = promptsFor(lang)
        .greetings.flatMap((g) => [g, `${g}!`, g.toUpperCase(), `${g} ${g}`])
        .filter((text) => categoryUnderstanding(text).kind !== 'unknown');
      expect(named).toEqual([]);
    });
  }
});
