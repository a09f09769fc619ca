import { beforeAll, describe, expect, it } from 'vitest';
import { createCategoryClassifier, type CategoryClassifier } from '../../../src/nlp/category-classifier';

let classifier: CategoryClassifier;

beforeAll(() => {
  classifier = createCategoryClassifier();
  // Reported, not asserted: timing depends on the machine.
  console.log(`category classifier trained in ${classifier.trainingMs.toFixed(1)} ms`);
});

// Sentences that are NOT in config/category-examples.ts: how citizens might describe a problem.
const HELD_OUT: [string, string][] = [
  ['ci sono dei ragazzi che spacciano al parco', 'drug_dealing'],
  ['tutte le sere vendono roba davanti al bar', 'drug_dealing'],
  ['ho visto uno spacciatore vicino alla stazione', 'drug_dealing'],
  ['spacio continuo in piazza', 'drug_dealing'],
  ['hanno rotto il lampione in via Roma', 'street_lighting'],
  ['la via è buia da giorni, i lampioni non si accendono', 'street_lighting'],
  ['lampione spento davanti al civico 12', 'street_lighting'],
  ["c'è un'auto senza targa ferma da mesi", 'abandoned_vehicle'],
  ['una macchina abbandonata da mesi in via Verdi con le gomme a terra', 'abandoned_vehicle'],
  ['spazzatura ovunque davanti al condominio', 'abandoned_waste'],
  ['qualcuno ha buttato un frigorifero nel fosso', 'abandoned_waste'],
  ['rifuti abbandonati nel parcheggio', 'abandoned_waste'],
  ['musica a palla tutte le sere', 'noise'],
  ['urla e schiamazzi fino alle 4', 'noise'],
  ['un tizio strano gira intorno alle macchine', 'suspicious_activity'],
  ['due persone incappucciate guardano nei giardini', 'suspicious_activity'],
  ['mi hanno rubato la bici', 'theft'],
  ['ladri in casa della vicina stanotte', 'theft'],
  ['hanno forzato il portone del garage', 'theft'],
  ['scritte sui muri della stazione', 'vandalism'],
  ['vandalisno alla fermata', 'vandalism'],
  ['hanno spaccato i vetri della pensilina', 'vandalism'],
  ['il parco è pieno di siringhe e sporcizia', 'urban_decay'],
  ['edificio abbandonato e pericolante in via Po', 'urban_decay'],
  ['la strada è piena di buche', 'other'],
  ['people dealing drugs near the school', 'drug_dealing'],
  ['someone stole my car', 'theft'],
  ['loud party next door every weekend', 'noise'],
  ['rubbish dumped in the park', 'abandoned_waste'],
  ['the street lights are out on my road', 'street_lighting'],
];

describe('category classifier', () => {
  it.each([
    ['ci sono dei ragazzi che spacciano al parco', 'drug_dealing'],
    ['hanno rotto il lampione in via Roma', 'street_lighting'],
    ["c'è un'auto senza targa ferma da mesi", 'abandoned_vehicle'],
    ['mi hanno rubato la bici', 'theft'],
    ['musica a palla tutte le sere', 'noise'],
    ['hanno spaccato i vetri della pensilina', 'vandalism'],
    ['rifuti abbandonati nel parcheggio', 'abandoned_waste'],
    ['vandalisno alla fermata', 'vandalism'],
    ['CITTA SPORCA, PIENA DI SIRINGHE E DEGRADO', 'urban_decay'],
    ['people dealing drugs near the school', 'drug_dealing'],
  ])('suggests %j -> %s', (text, categoryId) => {
    const suggestion = classifier.suggest(text);
    expect(suggestion?.categoryId).toBe(categoryId);
    expect(suggestion?.confidence).toBeGreaterThanOrEqual(0.5);
    expect(suggestion?.confidence).toBeLessThanOrEqual(1);
  });

  it('never suggests a wrong category for held-out sentences, and suggests most of them', () => {
    const wrong: string[] = [];
    let correct = 0;
    for (const [text, categoryId] of HELD_OUT) {
      const suggestion = classifier.suggest(text);
      if (suggestion?.categoryId === categoryId) correct++;
      else if (suggestion) wrong.push(`${text} -> ${suggestion.categoryId}`);
    }
    console.log(`held-out: ${correct}/${HELD_OUT.length} suggested correctly, ${wrong.length} wrong`);
    expect(wrong).toEqual([]);
    expect(correct).toBeGreaterThanOrEqual(Math.ceil(HELD_OUT.length * 0.85));
  });

  it.each([
    '',
    'ciao',
    'ok',
    'buongiorno vorrei fare una segnalazione',
    'non so cosa dire',
    'grazie mille',
    'sono preoccupato per la sicurezza del quartiere',
  ])('makes no suggestion for %j', (text) => {
    expect(classifier.suggest(text)).toBeUndefined();
  });

  it('makes no suggestion when a description names two categories equally', () => {
    expect(classifier.suggest('ci sono spacciatori e i lampioni sono spenti')).toBeUndefined();
  });

  it('is more confident with a clear description than with a vague one', () => {
    const clear = classifier.suggest('spacciatori che vendono droga al parco');
    const vague = classifier.suggest('ci sono dei ragazzi che spacciano al parco');
    expect(clear?.confidence).toBeGreaterThan(vague?.confidence ?? 1);
  });

  it('learns from the examples it is given', () => {
    const custom = createCategoryClassifier(
      {
        potholes: { it: ['buca enorme in strada', 'buche sulla provinciale', 'asfalto rotto e buche'], en: ['pothole'] },
        trees: { it: ['albero caduto sulla strada', 'rami pericolanti'], en: ['fallen tree'] },
      },
      {
        categories: [
          {
            id: 'potholes',
            labels: { it: 'Buche', en: 'Potholes' },
            synonyms: { it: [], en: [] },
            severity: 2,
            sensitive: false,
            open311Code: 'P',
          },
          {
            id: 'trees',
            labels: { it: 'Alberi', en: 'Trees' },
            synonyms: { it: [], en: [] },
            severity: 2,
            sensitive: false,
            open311Code: 'T',
          },
        ],
      },
    );
    expect(custom.suggest('ci sono delle buche pericolose')?.categoryId).toBe('potholes');
    expect(custom.suggest('un ramo è caduto, albero pericolante')?.categoryId).toBe('trees');
  });
});
