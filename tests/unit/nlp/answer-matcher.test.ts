import { describe, expect, it } from 'vitest';
import { matchChoice, type ChoiceOption } from '../../../src/nlp/answer-matcher';
import { categoryChoiceOptions } from '../../../src/nlp/category-options';
import { CATEGORIES } from '../../../config/categories';

const categories = categoryChoiceOptions();
const chosen = (input: string, options: ChoiceOption[] = categories) => {
  const result = matchChoice(input, options);
  return result.ok ? result.id : result.reason;
};

describe('matchChoice: numbers', () => {
  it.each([
    ['2', 'suspicious_activity'],
    ['2.', 'suspicious_activity'],
    [' 2) ', 'suspicious_activity'],
    ['n 2', 'suspicious_activity'],
    ['n. 2', 'suspicious_activity'],
    ['numero 4', 'drug_dealing'],
    ['#5', 'theft'],
    ['2️⃣', 'suspicious_activity'],
    ['10', 'other'],
    ['due', 'suspicious_activity'],
    ['Due', 'suspicious_activity'],
    ['two', 'suspicious_activity'],
    ['la seconda', 'suspicious_activity'],
    ['il tre', 'vandalism'],
    ['quattro', 'drug_dealing'],
    ['quatro', 'drug_dealing'],
    ['sette', 'abandoned_waste'],
    ['eight', 'abandoned_vehicle'],
    ['nove', 'street_lighting'],
    ['dieci', 'other'],
  ])('%j -> %s', (input, id) => {
    expect(chosen(input)).toBe(id);
  });

  it('scores a number as a certain match', () => {
    expect(matchChoice('1', categories)).toEqual({ ok: true, id: 'urban_decay', score: 1 });
  });

  it('rejects numbers outside the menu', () => {
    expect(matchChoice('11', categories)).toEqual({ ok: false, reason: 'no_match' });
    expect(matchChoice('0', categories)).toEqual({ ok: false, reason: 'no_match' });
    expect(matchChoice('3', categories.slice(0, 2))).toEqual({ ok: false, reason: 'no_match' });
  });

  it('accepts a number followed by the matching label', () => {
    expect(chosen('4 spaccio')).toBe('drug_dealing');
    expect(chosen('2. persone sospette')).toBe('suspicious_activity');
  });

  it('reports ambiguity when the number and the words disagree', () => {
    expect(matchChoice('3 ragazzi che spacciano', categories)).toEqual({
      ok: false,
      reason: 'ambiguous',
      candidates: ['vandalism', 'drug_dealing'],
    });
  });

  it('does not read a number word inside a sentence as a menu number', () => {
    expect(chosen('due ragazzi spacciano al parco')).toBe('drug_dealing');
  });
});

describe('matchChoice: labels and synonyms', () => {
  it.each([
    ['Spaccio di droga', 'drug_dealing'],
    ['spaccio', 'drug_dealing'],
    ['droga', 'drug_dealing'],
    ['ho visto dello spaccio', 'drug_dealing'],
    ['ci sono spacciatori sotto casa', 'drug_dealing'],
    ['spacciano', 'drug_dealing'],
    ['Drug dealing', 'drug_dealing'],
    ['vandalismo', 'vandalism'],
    ['graffiti', 'vandalism'],
    ['hanno spaccato la vetrina', 'vandalism'],
    ['ladri', 'theft'],
    ['tentato furto', 'theft'],
    ['scasso', 'theft'],
    ['stolen bike', 'theft'],
    ['immondizia', 'abandoned_waste'],
    ['spazzatura', 'abandoned_waste'],
    ['monnezza', 'abandoned_waste'],
    ['rifiuti abbandonati', 'abandoned_waste'],
    ['schiamazzi', 'noise'],
    ['musica alta', 'noise'],
    ['auto abbandonata', 'abandoned_vehicle'],
    ['un rottame', 'abandoned_vehicle'],
    ['veicoli abbandonati', 'abandoned_vehicle'],
    ['lampione', 'street_lighting'],
    ['luce rotta', 'street_lighting'],
    ['il lampione è rotto', 'street_lighting'],
    ['street light', 'street_lighting'],
    ['persone sospette', 'suspicious_activity'],
    ['degrado', 'urban_decay'],
    ['altro', 'other'],
    ['something else', 'other'],
  ])('%j -> %s', (input, id) => {
    expect(chosen(input)).toBe(id);
  });

  it('gives an exact label a perfect score', () => {
    expect(matchChoice('Vandalismo', categories)).toEqual({ ok: true, id: 'vandalism', score: 1 });
  });

  it('ignores case, accents and punctuation', () => {
    const options: ChoiceOption[] = [
      { id: 'city', labels: ['Città', 'City'] },
      { id: 'countryside', labels: ['Campagna', 'Countryside'] },
    ];
    expect(chosen('citta', options)).toBe('city');
    expect(chosen('CITTÀ!!', options)).toBe('city');
    expect(chosen('in città', options)).toBe('city');
  });

  it('every catalog label and synonym selects its own category', () => {
    for (const category of CATEGORIES) {
      const labels = [category.labels.it, category.labels.en, ...category.synonyms.it, ...category.synonyms.en];
      for (const label of labels) {
        expect({ label, result: chosen(label) }).toEqual({ label, result: category.id });
      }
    }
  });
});

describe('matchChoice: typos and stems', () => {
  it.each([
    ['spacio', 'drug_dealing'],
    ['spaccio di dorga', 'drug_dealing'],
    ['vandalisno', 'vandalism'],
    ['vandalismi', 'vandalism'],
    ['rifuti', 'abandoned_waste'],
    ['spazzattura', 'abandoned_waste'],
    ['lampioni', 'street_lighting'],
    ['illuminazione publica', 'street_lighting'],
    ['schiamazi', 'noise'],
    ['ladro', 'theft'],
  ])('%j -> %s', (input, id) => {
    expect(chosen(input)).toBe(id);
  });

  it('scores a typo below an exact match', () => {
    const typo = matchChoice('spacio', categories);
    expect(typo.ok && typo.score).toBeLessThan(1);
    expect(typo.ok && typo.score).toBeGreaterThan(0.6);
  });

  it('does not let short words match by typo', () => {
    const options: ChoiceOption[] = [
      { id: 'street', labels: ['via'] },
      { id: 'hour', labels: ['ore'] },
    ];
    expect(chosen('vie', options)).toBe('no_match');
    expect(chosen('ora', options)).toBe('no_match');
  });
});

describe('matchChoice: nothing or too much', () => {
  it('reports an empty answer', () => {
    expect(matchChoice('', categories)).toEqual({ ok: false, reason: 'empty' });
    expect(matchChoice('   ', categories)).toEqual({ ok: false, reason: 'empty' });
    expect(matchChoice('👍', categories)).toEqual({ ok: false, reason: 'empty' });
  });

  it.each(['ciao', 'boh', 'buongiorno, vorrei fare una segnalazione', 'ok', 'non lo so'])('%j matches nothing', (input) => {
    expect(chosen(input)).toBe('no_match');
  });

  it('is ambiguous when a sentence names two categories', () => {
    const result = matchChoice('hanno rotto il lampione e lasciato la spazzatura', categories);
    expect(result).toEqual({ ok: false, reason: 'ambiguous', candidates: ['street_lighting', 'abandoned_waste'] });
  });

  it('is ambiguous when a word only half-names two categories', () => {
    const result = matchChoice('abbandonato', categories);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toBe('ambiguous');
    expect(!result.ok && result.candidates).toEqual(expect.arrayContaining(['abandoned_waste', 'abandoned_vehicle']));
  });

  it('is ambiguous between two options sharing a word', () => {
    const options: ChoiceOption[] = [
      { id: 'seen', labels: ["Sì, l'ho visto io", 'visto'] },
      { id: 'heard', labels: ["Me l'hanno detto", 'sentito dire'] },
      { id: 'unsure', labels: ['Non sono sicuro'] },
    ];
    expect(chosen("l'ho visto io", options)).toBe('seen');
    expect(chosen('me lo hanno detto', options)).toBe('heard');
    expect(chosen('non sono sicuro', options)).toBe('unsure');
    expect(matchChoice("visto e me l'hanno detto", options)).toMatchObject({ ok: false, reason: 'ambiguous' });
  });

  it('prefers the more specific of two overlapping options', () => {
    const options: ChoiceOption[] = [
      { id: 'theft', labels: ['furto'] },
      { id: 'attempt', labels: ['tentato furto'] },
    ];
    expect(chosen('tentato furto', options)).toBe('attempt');
    expect(chosen('furto', options)).toBe('theft');
  });

  it('offers the half-matching option as a candidate when nothing matches well', () => {
    expect(matchChoice('luce', categories)).toEqual({ ok: false, reason: 'no_match', candidates: ['street_lighting'] });
  });
});
