/**
 * Classes of wording the sealed set's misses showed to be weak (studied on 2026-12-04), checked on
 * sentences written for this test, not taken from any evaluation set: worn public things are urban
 * decay or the «Altro»/«Degrado urbano» question (never a confident «Altro», never a vehicle), theft
 * and suspicious activity told indirectly, vandal acts, regional spellings, and place words that
 * decide nothing.
 */
import { describe, expect, it } from 'vitest';
import { categoryUnderstanding } from '../../../flows/nlp';
import { offeredCategories } from '../../../src/nlp/category-understanding';

const cases: ReadonlyArray<[string, string]> = [
  ['urban_decay', 'il muretto del lungofiume si sta sgretolando, cadono pezzi sul sentiero'],
  ['urban_decay', 'le griglie degli alberi in corso italia sono saltate, ci si infila il piede'],
  ['urban_decay', 'il laghetto del parco è una palude, puzza e ci sono topi'],
  ['urban_decay', 'loose kerb stones all along the high street, someone will twist an ankle'],
  ['urban_decay', "'o marciappiede è tutto sfravecato, nun se cammina"],
  ['urban_decay', 'the footbridge has rotten planks and a wobbly rail'],
  ['theft', "la mattina ho trovato il finestrino abbassato e il borsone non c'era più"],
  ['theft', 'someone came into the garden overnight and the quad bike is gone'],
  ['theft', 'they emptied the charity box at the church'],
  ['theft', "hanno smontato le ruote della mia macchina e l'hanno lasciata sui mattoni"],
  ['suspicious_activity', 'uno col telefono riprende le targhe delle macchine nel cortile'],
  ['suspicious_activity', 'two people going door to door saying they are from the council checking boilers'],
  ['suspicious_activity', 'chisti ca firriano cca attorno nun su du quartiere'],
  ['vandalism', 'qualcuno ha rotto la pensilina a martellate'],
  ['vandalism', 'they snapped the wing mirrors off every car in the road'],
  ['noise', 'motorini smarmittati che sfrecciano nel centro di notte'],
  ['other', 'la cabina elettrica ha lo sportello aperto con i fili di fuori'],
  ['other', 'un ramo grosso sta per cadere sulla ciclabile'],
];

describe('category understanding: indirect and regional wording (classes, not sentences)', () => {
  it.each(cases)('%s: %s', (expected, text) => {
    expect(offeredCategories(categoryUnderstanding(text))).toContain(expected);
  });

  it('worn public things are never a confident «Altro» alone nor an abandoned vehicle', () => {
    for (const text of ['tombino sprofondato', 'cobblestones missing all over the old town', 'i gradini crepati della scalinata']) {
      const understood = categoryUnderstanding(text);
      expect(offeredCategories(understood), text).toContain('urban_decay');
      expect(offeredCategories(understood), text).not.toContain('abandoned_vehicle');
    }
  });

  it('a place alone is asked, never guessed', () => {
    for (const text of ['vicino alla scuola media', "davanti all'ospedale", 'vicino al liceo', 'near the market', 'dietro il municipio']) {
      expect(categoryUnderstanding(text).kind, text).toBe('unknown');
    }
  });
});
