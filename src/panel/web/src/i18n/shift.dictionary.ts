/** `st(key)`: the texts of a shift's tools (notes and mentions, bulk triage, alerts); the words live in src/texts/panel (shift.*.ts). */
import { useMemo } from 'react';
import { interpolate, useI18n } from './i18n';
import { panelTexts } from '../../../../texts/panel';

const DICTIONARIES = { it: panelTexts.it.shift, en: panelTexts.en.shift };

type ShiftKey = keyof typeof DICTIONARIES.it;

export type { ShiftKey };
export type ShiftTranslate = (key: ShiftKey, values?: Record<string, string | number>) => string;

/** `st(key, values)` in the panel's current language. */
export function useShiftText(): ShiftTranslate {
  const { language } = useI18n();
  return useMemo(() => {
    const dict = DICTIONARIES[language];
    return (key, values) => interpolate(dict[key], values);
  }, [language]);
}

export function shiftText(language: 'it' | 'en', key: ShiftKey): string {
  return DICTIONARIES[language][key];
}
