/**
 * The texts of the territory pages (hot zones, indicators) and of the queue's export buttons, in
 * Italian (the default) and English. Kept beside the main dictionary so the pages own their words;
 * the English one must have exactly the Italian keys (the type enforces it).
 */
import { useMemo } from 'react';
import { interpolate, useI18n } from './i18n';

const it = {
  navTerritory: 'Zone calde',
  navIndicators: 'Indicatori',
  territoryTitle: 'Zone calde',
  indicatorsTitle: 'Indicatori del servizio',

  windowLegend: 'Periodo',
  windowDays: '{days} giorni',
  windowCustom: 'Personalizzato',
  windowFrom: 'Dal giorno',
  windowTo: 'Al giorno',
  windowSummary: 'Dal {from} al {to} ({days} giorni), confrontato con i {days} giorni precedenti',
  windowPlain: 'Dal {from} al {to}',
  categoriesLegend: 'Categorie',
  categoriesAll: 'Tutte le categorie',
  categoriesSome: '{count} categorie',
  categoriesReset: 'Tutte le categorie',
  filtersLabel: 'Filtri delle zone calde',

  mapTitle: 'Mappa',
  mapNoTiles: 'Nessuna mappa di sfondo configurata: sono visibili le zone e le segnalazioni.',
  mapTilesFailed: 'Mappa di sfondo non raggiungibile: restano visibili le zone e le segnalazioni.',
  mapRegion: 'Mappa delle segnalazioni nel periodo. Gli stessi dati sono nella tabella delle zone.',
  mapLegendCells: 'Cerchi: segnalazioni in un’area di circa 500 m (più grande = più segnalazioni).',
  mapLegendZones: 'Zone: colore più intenso = peso maggiore nel periodo.',
  cellOne: '1 segnalazione',
  cellMany: '{count} segnalazioni',
  zoneLabel: '{zone}: {count}',
  zoneHover: '{zone}: {count} segnalazioni, peso {weight}',

  zonesTitle: 'Zone per peso',
  zonesCaption: 'Zone ordinate per peso delle segnalazioni, con la tendenza rispetto ai {days} giorni precedenti.',
  weightHint: 'Peso: ogni segnalazione conta quanto la gravità della sua categoria (da 1 a 5).',
  colRank: 'N.',
  colZone: 'Zona',
  outsideZones: 'Fuori dalle zone',
  colWeighted: 'Peso',
  colReceived: 'Segnalazioni',
  colTrend: 'Tendenza',
  trendNew: 'nuova',
  trendUp: 'in aumento del {pct}',
  trendDown: 'in calo del {pct}',
  trendSame: 'stabile',
  trendDetail: 'Peso {previous} nel periodo precedente, {current} ora',
  totals: '{received} segnalazioni, peso {weighted}. Periodo precedente: {previousReceived} segnalazioni, peso {previousWeighted}.',
  noZones: 'Nessuna segnalazione nel periodo scelto.',
  liveUpdated: 'Zone calde aggiornate con una nuova segnalazione.',
  updatedAt: 'Aggiornato alle {time}',

  periodLabel: 'Intervallo',
  periodDay: 'Giorno',
  periodWeek: 'Settimana',
  periodMonth: 'Mese',
  groupByLabel: 'Raggruppa per',
  groupNone: 'Nessun raggruppamento',
  groupCategory: 'Categoria',
  groupZone: 'Zona',
  groupChannel: 'Canale',
  clockLegend: 'Tempi',
  clockService: 'Orario di servizio',
  clockWall: '24 ore su 24',
  indicatorsFilters: 'Filtri degli indicatori',
  indicatorsDefaultHint: 'Senza date: gli ultimi 30 giorni, 12 settimane o 12 mesi, secondo l’intervallo.',
  indicatorsCaption: 'Indicatori per {period}. Tempi ({clock}): mediana e 90° percentile.',
  colPeriod: 'Periodo',
  colGroup: 'Gruppo',
  colReceivedShort: 'Ricevute',
  colConfirmations: 'Conferme',
  colOutcomes: 'Esiti',
  colTake: 'Presa in carico',
  colDispatch: 'Invio pattuglia',
  colClose: 'Chiusura',
  median: 'mediana',
  p90: '90°',
  figuresOf: 'su {count}',
  weekOf: 'settimana dal {day}',
  noIndicators: 'Nessun dato nel periodo scelto.',
  colSolvedShare: 'Risolte secondo i cittadini',
  totalRow: 'Totale',

  exportGroup: 'Esporta le segnalazioni filtrate',
  exportCsv: 'Esporta CSV',
  exportGeojson: 'Esporta GeoJSON',
  exportWorking: 'Preparazione del file…',
  exportDone: 'File {name} scaricato ({rows} segnalazioni).',
  exportHint: 'Senza dati personali dei cittadini; descrizioni omesse per le categorie riservate.',
};

export type TerritoryKey = keyof typeof it;

const en: Record<TerritoryKey, string> = {
  navTerritory: 'Hot zones',
  navIndicators: 'Indicators',
  territoryTitle: 'Hot zones',
  indicatorsTitle: 'Service indicators',

  windowLegend: 'Time window',
  windowDays: '{days} days',
  windowCustom: 'Custom',
  windowFrom: 'From',
  windowTo: 'To',
  windowSummary: 'From {from} to {to} ({days} days), compared with the previous {days} days',
  windowPlain: 'From {from} to {to}',
  categoriesLegend: 'Categories',
  categoriesAll: 'All categories',
  categoriesSome: '{count} categories',
  categoriesReset: 'All categories',
  filtersLabel: 'Hot zone filters',

  mapTitle: 'Map',
  mapNoTiles: 'No background map configured: zones and reports are shown.',
  mapTilesFailed: 'Background map unreachable: zones and reports are still shown.',
  mapRegion: 'Map of the reports in the window. The same figures are in the zone table.',
  mapLegendCells: 'Circles: reports in an area of about 500 m (bigger = more reports).',
  mapLegendZones: 'Zones: stronger colour = more weight in the window.',
  cellOne: '1 report',
  cellMany: '{count} reports',
  zoneLabel: '{zone}: {count}',
  zoneHover: '{zone}: {count} reports, weight {weight}',

  zonesTitle: 'Zones by weight',
  zonesCaption: 'Zones by weight of their reports, with the trend against the previous {days} days.',
  weightHint: 'Weight: each report counts as much as its category’s severity (1 to 5).',
  colRank: 'No.',
  colZone: 'Zone',
  outsideZones: 'Outside the zones',
  colWeighted: 'Weight',
  colReceived: 'Reports',
  colTrend: 'Trend',
  trendNew: 'new',
  trendUp: 'up {pct}',
  trendDown: 'down {pct}',
  trendSame: 'steady',
  trendDetail: 'Weight {previous} in the previous window, {current} now',
  totals: '{received} reports, weight {weighted}. Previous window: {previousReceived} reports, weight {previousWeighted}.',
  noZones: 'No reports in the chosen window.',
  liveUpdated: 'Hot zones updated with a new report.',
  updatedAt: 'Updated at {time}',

  periodLabel: 'Interval',
  periodDay: 'Day',
  periodWeek: 'Week',
  periodMonth: 'Month',
  groupByLabel: 'Group by',
  groupNone: 'No grouping',
  groupCategory: 'Category',
  groupZone: 'Zone',
  groupChannel: 'Channel',
  clockLegend: 'Times',
  clockService: 'Service hours',
  clockWall: 'Round the clock',
  indicatorsFilters: 'Indicator filters',
  indicatorsDefaultHint: 'Without dates: the last 30 days, 12 weeks or 12 months, depending on the interval.',
  indicatorsCaption: 'Indicators per {period}. Times ({clock}): median and 90th percentile.',
  colPeriod: 'Period',
  colGroup: 'Group',
  colReceivedShort: 'Received',
  colConfirmations: 'Confirmations',
  colOutcomes: 'Outcomes',
  colTake: 'Taken in charge',
  colDispatch: 'Patrol dispatched',
  colClose: 'Closed',
  median: 'median',
  p90: '90th',
  figuresOf: 'of {count}',
  weekOf: 'week of {day}',
  noIndicators: 'No data in the chosen window.',
  colSolvedShare: 'Solved, say the citizens',
  totalRow: 'Total',

  exportGroup: 'Export the filtered reports',
  exportCsv: 'Export CSV',
  exportGeojson: 'Export GeoJSON',
  exportWorking: 'Preparing the file…',
  exportDone: 'File {name} downloaded ({rows} reports).',
  exportHint: 'No citizens’ personal data; descriptions left out for sensitive categories.',
};

const DICTIONARIES: Record<'it' | 'en', Record<TerritoryKey, string>> = { it, en };

export type TerritoryTranslate = (key: TerritoryKey, values?: Record<string, string | number>) => string;

/** `tt(key, values)` in the panel's current language. */
export function useTerritoryText(): TerritoryTranslate {
  const { language } = useI18n();
  return useMemo(() => {
    const dict = DICTIONARIES[language];
    return (key, values) => interpolate(dict[key], values);
  }, [language]);
}

/** For places without the hook (document title). */
export function territoryText(language: 'it' | 'en', key: TerritoryKey): string {
  return DICTIONARIES[language][key];
}
