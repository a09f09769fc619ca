import { describe, expect, it } from 'vitest';
import { createUrgencyMatcher, urgencyTerms } from '../../../src/nlp/urgency';

describe('urgencyTerms', () => {
  it.each([
    ['stanno spacciando adesso davanti alla scuola', ['adesso', 'scuola']],
    ['in questo momento ci sono due tizi che forzano una porta', ['in questo momento']],
    ['sta succedendo proprio ora', ['sta succedendo', 'adesso']],
    ['sono ancora lì, venite', ['sta succedendo']],
    ['spacciano ai bambini', ['bambini']],
    ['vendono droga a un bambino', ['bambini']],
    ['vicino alle scuole elementari', ['scuola']],
    ['siringhe nel parco giochi', ['scuola']],
    ['di notte il parco è pieno di spacciatori', ['di notte']],
    ['musica alta tutte le notti', ['di notte']],
    ['succede ogni giorno', ['ogni giorno']],
    ['rubano tutti i giorni nelle cantine', ['ogni giorno']],
    ['truffano gli anziani del quartiere', ['anziani']],
    ['hanno scippato una signora anziana', ['anziani']],
    ['SCUOLA, BAMBINI, ADESSO', ['scuola', 'bambini', 'adesso']],
    ['they are dealing right now near the school', ['now', 'school']],
    ['kids play there every day', ['children', 'every day']],
    ['loud music at night', ['at night']],
    ['they target elderly people', ['elderly']],
  ])('%j -> %j', (text, terms) => {
    expect(urgencyTerms(text)).toEqual(terms);
  });

  it.each([
    'lampione spento in via Roma',
    'un materasso abbandonato vicino ai cassonetti',
    "c'è un'auto senza targa ferma da mesi",
    'anzi no, era solo un sacco di rifiuti',
    'the bins are full',
    'graffiti on the wall',
    '',
  ])('finds nothing in %j', (text) => {
    expect(urgencyTerms(text)).toEqual([]);
  });

  it('uses a configured list', () => {
    const match = createUrgencyMatcher({ terms: [{ term: 'ospedale', variants: ['pronto soccorso'] }] });
    expect(match('davanti al pronto soccorso')).toEqual(['ospedale']);
    expect(match('davanti alla scuola')).toEqual([]);
  });
});
