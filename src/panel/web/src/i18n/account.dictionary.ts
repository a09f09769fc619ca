/** `at(key)`: the texts of the operator's own account and of the personal-data access log; the words live in src/texts/panel (account.*.ts). */
import { useMemo } from 'react';
import { interpolate, useI18n } from './i18n';
import { panelTexts } from '../../../../texts/panel';

const DICTIONARIES = { it: panelTexts.it.account, en: panelTexts.en.account };

type AccountKey = keyof typeof DICTIONARIES.it;

export type { AccountKey };
export type AccountTranslate = (key: AccountKey, values?: Record<string, string | number>) => string;

/** `at(key, values)` in the panel's current language. */
export function useAccountText(): AccountTranslate {
  const { language } = useI18n();
  return useMemo(() => {
    const dict = DICTIONARIES[language];
    return (key, values) => interpolate(dict[key], values);
  }, [language]);
}

export function accountText(language: 'it' | 'en', key: AccountKey): string {
  return DICTIONARIES[language][key];
}
