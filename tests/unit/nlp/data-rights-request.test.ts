/**
 * Data-rights requests in the citizen's own words (src/nlp/data-rights-request.ts): each right in
 * Italian and English as people ask it, and never a report description, including every sentence
 * of the category evaluation sets and the training examples (descriptions of problems).
 */
import { describe, expect, it } from 'vitest';
import { dataRightsRequestOf } from '../../../src/nlp/data-rights-request';
import { reportDescriptions } from '../../support/category-eval';

const ASKED: Array<[string, ReturnType<typeof dataRightsRequestOf>]> = [
  ['voglio sapere che dati avete su di me', 'myData'],
  ['cosa sapete di me?', 'myData'],
  ['quali informazioni conservate su di me', 'myData'],
  ['vorrei vedere i miei dati', 'myData'],
  ['posso accedere ai miei dati?', 'myData'],
  ['cancellate tutto quello che avete su di me', 'erase'],
  ['cancellate i miei dati x favore', 'erase'],
  ['voglio essere cancellato', 'erase'],
  ['eliminate il mio numero', 'erase'],
  ['vorrei che i miei dati fossero cancellati', 'erase'],
  ['voglio che cancelliate i miei dati', 'erase'],
  ['rimuovete il mio contatto dal vostro sistema', 'erase'],
  ['mandatemi una copia dei miei dati', 'export'],
  ['posso avere i miei dati in un file?', 'export'],
  ['revoco il mio consenso', 'withdraw'],
  ['non voglio più che usiate i miei dati', 'withdraw'],
  ['mi oppongo al trattamento dei dati', 'withdraw'],
  ['what data do you have on me?', 'myData'],
  ['what do you know about me', 'myData'],
  ['i want to see my data', 'myData'],
  ['please delete everything you have on me', 'erase'],
  ['i want my data deleted', 'erase'],
  ['remove my number from your system', 'erase'],
  ['can you erase all my personal information', 'erase'],
  ['send me a copy of my data', 'export'],
  ['can i download my data', 'export'],
  ['i withdraw my consent', 'withdraw'],
  ['please stop processing my information', 'withdraw'],
];

const DESCRIPTIONS = [
  'mi hanno rubato i dati della carta di credito al bancomat',
  'hanno cancellato le strisce pedonali davanti alla scuola',
  'qualcuno ha cancellato il mio nome dal citofono e scritto insulti',
  'hanno eliminato i cestini dalla piazza',
  'mi oppongo a questa situazione, la piazza è un disastro',
  'i object to the loud music every night',
  'someone deleted the graffiti but it is back',
  'remove the car from my driveway please',
  'cancella',
  'annulla tutto',
];

describe('data-rights requests in the citizen\'s own words', () => {
  it.each(ASKED)('"%s" asks for %s', (text, right) => {
    expect(dataRightsRequestOf(text)).toBe(right);
  });

  it.each(DESCRIPTIONS)('"%s" is no request', (text) => {
    expect(dataRightsRequestOf(text)).toBeUndefined();
  });

  it('no sentence of the evaluation sets or the training examples is taken for a request', () => {
    const descriptions = reportDescriptions();
    expect(descriptions.length).toBeGreaterThan(1000);
    expect(descriptions.filter((text) => dataRightsRequestOf(text) !== undefined)).toEqual([]);
  });

  it('a long message is a description, whatever it says', () => {
    expect(dataRightsRequestOf(`cancellate i miei dati ${'e poi '.repeat(40)}`)).toBeUndefined();
  });
});
