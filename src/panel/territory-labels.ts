/** Texts of the territory views and the exports that the API itself writes (Italian, English). */
import { categoryById } from '../../config/categories';
import type { Channel } from '../domain/message';
import { CHANNEL_LABELS } from './panel-labels';
import type { PanelLang } from './panel-messages';

/** The counters' key for reports in no zone (see statsRowsOf). */
export const NO_ZONE = 'none';
const NO_ZONE_LABEL: Record<PanelLang, string> = { it: 'Fuori dalle zone', en: 'Outside the zones' };
const ALL_LABEL: Record<PanelLang, string> = { it: 'Tutte le segnalazioni', en: 'All reports' };

export function categoryLabel(id: string, lang: PanelLang): string {
  return categoryById(id)?.labels[lang] ?? id;
}

export function zoneLabel(id: string, zoneNames: ReadonlyMap<string, string>, lang: PanelLang): string {
  if (id === NO_ZONE) return NO_ZONE_LABEL[lang];
  return zoneNames.get(id) ?? id;
}

export function channelLabel(id: string, lang: PanelLang): string {
  return CHANNEL_LABELS[id as Channel]?.[lang] ?? id;
}

export function allLabel(lang: PanelLang): string {
  return ALL_LABEL[lang];
}

const MESSAGES = {
  windowTooLong: {
    it: 'Richiesta non valida: l’intervallo può essere al massimo di {days} giorni.',
    en: 'Invalid request: the window can be at most {days} days long.',
  },
  exportTooLarge: {
    it: 'Troppe segnalazioni da esportare ({count}; massimo {max}): restringi i filtri (per esempio le date) e riprova.',
    en: 'Too many reports to export ({count}; at most {max}): narrow the filters (the dates, for example) and try again.',
  },
} satisfies Record<string, Record<PanelLang, string>>;

export function territoryMessage(key: keyof typeof MESSAGES, lang: PanelLang, vars: Record<string, string | number> = {}): string {
  return MESSAGES[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}
