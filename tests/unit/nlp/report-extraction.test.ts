/** src/nlp/report-extraction.ts: place and time words read from a one-message report (IT and EN, typos). */
import { describe, expect, it } from 'vitest';
import { extractReport } from '../../../src/nlp/report-extraction';

const KNOWN = ['Capannori', 'Marlia', 'Lammari', 'Segromigno in Monte'];

describe('extractReport', () => {
  it.each([
    ['ci sono sacchi di rifiuti abbandonati in via Carlo Piaggia a Capannori da tre giorni', 'Via Carlo Piaggia, Capannori', 'da tre giorni'],
    ['stanotte hanno spaccato la vetrina in piazza Aldo Moro 1', 'Piazza Aldo Moro 1', 'stanotte'],
    ['spacciano al parco di Marlia tutte le sere', 'Marlia', 'tutte le sere'],
    ['lampione spento in vai del popolo 12, lammari, da una settimana', 'Via del Popolo 12, Lammari', 'da una settimana'],
    ['ieri sera hanno rubato una bici a Segromigno in Monte', 'Segromigno in Monte', 'ieri sera'],
    // A known place is named as the territory spells it, whatever the citizen typed.
    ['hanno rubato una bici a segromigno in monte ieri sera', 'Segromigno in Monte', 'ieri sera'],
    ['bags of rubbish dumped in via Carlo Piaggia in Capannori for three days', 'Via Carlo Piaggia, Capannori', 'for three days'],
    ['my bike was stolen last night in Via del Popolo', 'Via del Popolo', 'last night'],
  ])('%j -> place %j, when %j', (text, place, when) => {
    if (!place.startsWith('Via') && !place.startsWith('Piazza')) {
      expect(extractReport(text, { knownPlaces: KNOWN })).toEqual({ description: text, area: place, when });
      return;
    }
    const extracted = extractReport(text, { knownPlaces: KNOWN });
    // The known place beside a street is also the area to look in if the street is not found.
    const area = KNOWN.find((known) => place.endsWith(`, ${known}`));
    expect(extracted).toEqual({ description: text, place, when, ...(area ? { area } : {}) });
  });

  it('takes a street word followed by time or link words for no street ("on the main road last night"), and looks further', () => {
    expect(extractReport('someone smashed the bus shelter on the main road last night')).toEqual({
      description: 'someone smashed the bus shelter on the main road last night',
      when: 'last night',
    });
    expect(extractReport('down the road from my house, in via del Popolo 3').place).toBe('Via del Popolo 3');
  });

  it('finds nothing where nothing is said', () => {
    expect(extractReport('rifiuti abbandonati', { knownPlaces: KNOWN })).toEqual({ description: 'rifiuti abbandonati' });
    expect(extractReport('  ci sono spacciatori  ')).toEqual({ description: 'ci sono spacciatori' });
  });
});
