/** Texts of the territory views and the exports that the API itself writes (wording: src/texts/panel server.*.ts). */
import { categoryById } from '../../config/categories';
import type { Channel } from '../domain/message';
import { CHANNEL_LABELS } from './panel-labels';
import type { PanelLang } from './panel-messages';
import { panelTexts } from '../texts/panel';

/** The counters' key for reports in no zone (see statsRowsOf). */
export const NO_ZONE = 'none';

export function categoryLabel(id: string, lang: PanelLang): string {
  return categoryById(id)?.labels[lang] ?? id;
}

export function zoneLabel(id: string, zoneNames: ReadonlyMap<string, string>, lang: PanelLang): string {
  if (id === NO_ZONE) return panelTexts[lang].server.territory.noZone;
  return zoneNames.get(id) ?? id;
}

export function channelLabel(id: string, lang: PanelLang): string {
  return CHANNEL_LABELS[id as Channel]?.[lang] ?? id;
}

export function allLabel(lang: PanelLang): string {
  return panelTexts[lang].server.territory.allReports;
}

export function territoryMessage(key: 'windowTooLong' | 'exportTooLarge', lang: PanelLang, vars: Record<string, string | number> = {}): string {
  return panelTexts[lang].server.territory[key].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}
