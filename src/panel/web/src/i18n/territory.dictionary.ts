/** `tt(key)`: the texts of the territory pages (hot zones, indicators) and the queue's export buttons; the words live in src/texts/panel (territory.*.ts). */
import { useMemo } from 'react';
import { interpolate, useI18n } from './i18n';
import { panelTexts } from '../../../../texts/panel';

const DICTIONARIES = { it: panelTexts.it.territory, en: panelTexts.en.territory };

export type TerritoryKey = keyof typeof DICTIONARIES.it;

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
