/** The error texts agents read in the panel's API answers: Italian by default, English available (src/texts/panel api.*.ts). */
import { panelTexts } from '../texts/panel';
import type { ApiMessageKey } from '../texts/panel/api.it';

export type PanelLang = 'it' | 'en';

export type PanelMessageKey = ApiMessageKey;

export function panelMessage(key: PanelMessageKey, lang: PanelLang = 'it', vars: Record<string, string | number> = {}): string {
  return panelTexts[lang].api[key].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}
