/**
 * Questions about the service (src/nlp/service-question.ts) as citizens ask them, and never a
 * report description: every sentence of the category evaluation sets and the training examples.
 */
import { describe, expect, it } from 'vitest';
import { serviceQuestionOf } from '../../../src/nlp/service-question';
import { reportDescriptions } from '../../support/category-eval';

const ASKED: Array<[string, ReturnType<typeof serviceQuestionOf>]> = [
  ['ma è anonimo?', 'anonymity'],
  ['la segnalazione è anonima?', 'anonymity'],
  ['posso restare anonimo?', 'anonymity'],
  ['chi vede il mio numero?', 'anonymity'],
  ['sapranno che sono stato io?', 'anonymity'],
  ['quando leggete le segnalazioni?', 'hours'],
  ['siete aperti la domenica?', 'hours'],
  ['e adesso cosa succede?', 'whatNext'],
  ['cosa succede dopo?', 'whatNext'],
  ['is this anonymous?', 'anonymity'],
  ['will my neighbour know it was me?', 'anonymity'],
  ['when do you answer?', 'hours'],
  ['what happens next?', 'whatNext'],
  // When they will hear back, and whether a photo may be sent (each unrecognised before 2026-12-04).
  ['grazie, quando mi fate sapere qualcosa?', 'whatNext'],
  ['mi farete sapere?', 'whatNext'],
  ['quanto ci mettete?', 'whatNext'],
  ['will you let me know?', 'whatNext'],
  ['when will i hear back?', 'whatNext'],
  ['how long does it take?', 'whatNext'],
  ['posso mandare anche una foto?', 'photo'],
  ['vi mando la foto?', 'photo'],
  ['can I send a photo?', 'photo'],
  ['should i attach a picture?', 'photo'],
];

describe('questions about the service', () => {
  it.each(ASKED)('"%s" asks about %s', (text, question) => {
    expect(serviceQuestionOf(text)).toBe(question);
  });

  it.each([
    'ho ricevuto una lettera con minacce lasciata nella cassetta, è anonima',
    'il bar è aperto fino alle 3 e fanno casino, quando chiudono urlano',
    'an anonymous note was left on every car in the street last night',
  ])('"%s" is a description', (text) => {
    expect(serviceQuestionOf(text)).toBeUndefined();
  });

  it('no sentence of the evaluation sets or the training examples is taken for a question', () => {
    const descriptions = reportDescriptions();
    expect(descriptions.filter((text) => serviceQuestionOf(text) !== undefined)).toEqual([]);
  });
});
