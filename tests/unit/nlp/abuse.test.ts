/** Insults and threats in descriptions are flagged (src/nlp/abuse.ts); ordinary words are not. */
import { describe, expect, it } from 'vitest';
import { abuseFlags } from '../../../src/nlp/abuse';

describe('abuseFlags', () => {
  it.each([
    ['quegli idioti dei vicini buttano i sacchi in strada', ['insult']],
    ['siete dei fannulloni, nessuno viene mai', ['insult']],
    ['se non venite ve la faccio pagare', ['threat']],
    ['Il cretino del terzo piano parcheggia sul marciapiede, prima o poi gli spacco la faccia', ['insult', 'threat']],
    ['you useless pigs never come', ['insult']],
    ["if nobody comes I'll kill him", ['threat']],
  ])('%s -> %j', (text, flags) => expect(abuseFlags(text)).toEqual(flags));

  it.each([
    'Sacchi di immondizia sul marciapiede da tre giorni',
    'un uomo minaccia i passanti davanti alla stazione',
    'lampione spento, la strada è un pericolo mortale di notte',
    'Bin bags dumped on the pavement, kids play there',
    'il cane abbaia tutta la notte, i vicini sono stanchi',
  ])('nothing in "%s"', (text) => expect(abuseFlags(text)).toEqual([]));
});
