/**
 * Italian and English say the same things: every text a citizen reads in the dialog (flows/prompts)
 * and every text of the panel front end exists in both
 * languages, with no empty text. The types already require the keys; this also catches nested
 * keys added through a loose type and texts left empty.
 */
import { describe, expect, it } from 'vitest';
import { en } from '../../src/texts/citizen/en';
import { it as itPrompts } from '../../src/texts/citizen/it';
import { DICTIONARIES } from '../../src/panel/web/src/i18n/dictionary';

/** Every leaf path of a nested object (functions and strings are leaves; arrays count by position). */
function leafPaths(value: unknown, prefix = ''): string[] {
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leafPaths(v, prefix ? `${prefix}.${k}` : k));
  return [prefix];
}

function emptyTexts(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return value.trim() ? [] : [prefix];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => emptyTexts(v, prefix ? `${prefix}.${k}` : k));
  return [];
}

describe('Italian and English have the same keys', () => {
  it('in the dialog a citizen reads (flows/prompts/it.ts and en.ts)', () => {
    expect(leafPaths(en).filter((p) => !/\.\d+$/.test(p)).sort()).toEqual(leafPaths(itPrompts).filter((p) => !/\.\d+$/.test(p)).sort());
    expect(emptyTexts(itPrompts)).toEqual([]);
    expect(emptyTexts(en)).toEqual([]);
  });

  it("in the panel's front end (src/panel/web/src/i18n/dictionary.ts)", () => {
    expect(Object.keys(DICTIONARIES.en).sort()).toEqual(Object.keys(DICTIONARIES.it).sort());
    expect(emptyTexts(DICTIONARIES.it)).toEqual([]);
    expect(emptyTexts(DICTIONARIES.en)).toEqual([]);
  });
});
