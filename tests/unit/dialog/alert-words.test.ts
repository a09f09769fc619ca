/** The small readers of the alerts menu and of the "same situation?" question. */
import { describe, expect, it } from 'vitest';
import { alertsShortcut, parseRadius, stopShortcut } from '../../../flows/alerts';
import { streetOnly } from '../../../flows/places';

describe('"STOP" alone ends the alerts', () => {
  it.each(['STOP', 'stop', 'Stop!', ' STOP. ', '/stop', '/stop@VicinatoBot'])('%j matches', (text) => {
    expect(stopShortcut.matches(text)).toBe(true);
  });
  it.each(['stop please', 'non stop', 'stopp', 'stop ai rifiuti in via Roma', 'basta'])('%j does not', (text) => {
    expect(stopShortcut.matches(text)).toBe(false);
  });
});

describe('"avvisi" / "alerts" opens the menu', () => {
  it.each(['avvisi', 'Avvisi', '/avvisi', 'avviso', 'avvisi di zona', 'alerts', '/alerts@VicinatoBot', 'avvsi'])('%j matches', (text) => {
    expect(alertsShortcut.matches(text)).toBe(true);
  });
  it.each(['aiuto', 'annulla', 'stato', 'start', 'avvisa la polizia', 'ci sono avvisi falsi in giro'])('%j does not', (text) => {
    expect(alertsShortcut.matches(text)).toBe(false);
  });
});

describe('parseRadius', () => {
  it.each([
    ['1', 250],
    ['2', 500],
    ['3', 1000],
    ['tre', 1000],
    ['250', 250],
    ['250 m', 250],
    ['500 metri', 500],
    ['mezzo chilometro', 500],
    ['1 km', 1000],
    ['1km', 1000],
    ['1,0 km', 1000],
    ['1000', 1000],
    ['un chilometro', 1000],
    ['one km', 1000],
  ])('%j is %i m', (text, meters) => {
    expect(parseRadius(text)).toBe(meters);
  });
  it.each(['2 km', '100 m', '4', 'lontano', ''])('%j is not an offered radius', (text) => {
    expect(parseRadius(text)).toBeUndefined();
  });
});

describe('streetOnly: a street without its house number', () => {
  it.each([
    ['Piazza Aldo Moro 1, Capannori', 'Piazza Aldo Moro, Capannori'],
    ['Via Roma 12/A, Lucca', 'Via Roma, Lucca'],
    ['Via delle Ville 123a, Segromigno', 'Via delle Ville, Segromigno'],
    ['Via Roma, 3 bis, Marlia', 'Via Roma, Marlia'],
    ['Via Nuova n. 7', 'Via Nuova'],
    ['Via 20 Settembre 5, Lammari', 'Via 20 Settembre, Lammari'],
    ['Via del Popolo, Lammari', 'Via del Popolo, Lammari'],
  ])('%j -> %j', (address, street) => {
    expect(streetOnly(address)).toBe(street);
  });
  it('nothing from nothing', () => {
    expect(streetOnly(undefined)).toBeUndefined();
    expect(streetOnly('')).toBeUndefined();
  });
});
