/**
 * "Where is my report?" in the citizen's own words (src/nlp/status-request.ts), and never a report
 * description: every sentence of the category evaluation sets and the training examples is one.
 */
import { describe, expect, it } from 'vitest';
import { isStatusRequest } from '../../../src/nlp/status-request';
import { reportDescriptions } from '../../support/category-eval';

const ASKED = [
  'a che punto è la mia segnalazione?',
  'a che punto siamo?',
  'ci sono novità?',
  'novità sulla segnalazione?',
  'avete letto la mia segnalazione?',
  'qualcuno ha preso in carico la segnalazione?',
  'come è andata la mia segnalazione',
  'qual è lo stato della mia segnalazione',
  'ma quando venite?',
  'quando passa una pattuglia?',
  'sta arrivando qualcuno?',
  'any update on my report?',
  'any news?',
  'what happened to my report',
  'has anyone looked at my report',
  'when will someone come?',
  'is anyone coming',
  'status of my ticket please',
];

const DESCRIPTIONS = [
  "l'ho già segnalato tre volte e nessuno è venuto, i rifiuti sono ancora lì",
  'il cane abbaia quando passa la gente',
  'è stato segnalato più volte ma il lampione è ancora spento',
  'quando passate di lì guardate il muro della scuola pieno di scritte',
  'my neighbour reported it last week and the car is still there',
  'when the bar closes they shout for hours',
];

describe('status questions in the citizen\'s own words', () => {
  it.each(ASKED)('"%s" asks where the report is', (text) => {
    expect(isStatusRequest(text)).toBe(true);
  });

  it.each(DESCRIPTIONS)('"%s" is a description', (text) => {
    expect(isStatusRequest(text)).toBe(false);
  });

  it('no sentence of the evaluation sets or the training examples is taken for a status question', () => {
    const descriptions = reportDescriptions();
    expect(descriptions.filter(isStatusRequest)).toEqual([]);
  });
});
