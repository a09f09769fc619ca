import { describe, expect, it } from 'vitest';
import { CATEGORIES, categoryById } from '../../../config/categories';
import { CATEGORY_EXAMPLES } from '../../../config/category-examples';
import { describingLabels } from '../../../src/nlp/category-options';
import { isStopword, namesNothing } from '../../../src/nlp/stopwords';
import { tokenize } from '../../../src/nlp/text';

describe('category catalog', () => {
  it('lists the categories in menu order', () => {
    expect(CATEGORIES.map((category) => category.id)).toEqual([
      'urban_decay',
      'suspicious_activity',
      'vandalism',
      'drug_dealing',
      'theft',
      'noise',
      'abandoned_waste',
      'abandoned_vehicle',
      'street_lighting',
      'other',
    ]);
  });

  it('marks the categories that concern people as sensitive', () => {
    expect(CATEGORIES.filter((category) => category.sensitive).map((category) => category.id)).toEqual([
      'suspicious_activity',
      'drug_dealing',
      'theft',
    ]);
  });

  it('ranks severity: theft and drugs highest, other lowest', () => {
    expect(categoryById('theft')?.severity).toBe(4);
    expect(categoryById('drug_dealing')?.severity).toBe(4);
    expect(categoryById('suspicious_activity')?.severity).toBe(3);
    expect(categoryById('street_lighting')?.severity).toBe(2);
    expect(categoryById('other')?.severity).toBe(1);
  });

  it('has labels in both languages, synonyms and a unique Open311 code for every category', () => {
    for (const category of CATEGORIES) {
      expect(category.labels.it.trim()).not.toBe('');
      expect(category.labels.en.trim()).not.toBe('');
      expect(category.synonyms.it.length).toBeGreaterThan(3);
      expect(category.synonyms.en.length).toBeGreaterThan(3);
    }
    const codes = CATEGORIES.map((category) => category.open311Code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('names something in every synonym: not only function, time or generic words ("for weeks", "in and out")', () => {
    const empty = CATEGORIES.flatMap((category) => describingLabels(category)).filter((label) =>
      tokenize(label).every((token) => isStopword(token) || namesNothing(token)),
    );
    expect(empty).toEqual([]);
  });

  it('keeps decisive and shared phrases to the catalog (their categories exist, none is sensitive)', () => {
    const ids = new Set(CATEGORIES.map((category) => category.id));
    for (const category of CATEGORIES) {
      for (const id of category.decisive?.over ?? []) expect(categoryById(id)?.sensitive, `${category.id} over ${id}`).toBe(false);
      if (category.shared) expect(ids).toContain(category.shared.with);
    }
  });

  it('finds categories by id', () => {
    expect(categoryById('noise')?.labels.it).toBe('Rumori e disturbo');
    expect(categoryById('nope')).toBeUndefined();
  });
});

describe('category examples', () => {
  it('has Italian and English examples for exactly the catalog categories', () => {
    expect(Object.keys(CATEGORY_EXAMPLES).sort()).toEqual(CATEGORIES.map((category) => category.id).sort());
    for (const examples of Object.values(CATEGORY_EXAMPLES)) {
      expect(examples.it.length).toBeGreaterThanOrEqual(10);
      expect(examples.en.length).toBeGreaterThanOrEqual(3);
    }
  });
});
