/** `sf(key)`: the texts of the staff bot in the panel (Telegram link, dispatch to a phone, on call, alerts); the words live in src/texts/panel (staff.*.ts). */
import { useMemo } from 'react';
import { interpolate, useI18n } from './i18n';
import { panelTexts } from '../../../../texts/panel';

const DICTIONARIES = { it: panelTexts.it.staff, en: panelTexts.en.staff };

type StaffKey = keyof typeof DICTIONARIES.it;

export type StaffTranslate = (key: StaffKey, values?: Record<string, string | number>) => string;

/** `sf(key, values)` in the panel's current language. */
export function useStaffText(): StaffTranslate {
  const { language } = useI18n();
  return useMemo(() => {
    const dict = DICTIONARIES[language];
    return (key, values) => interpolate(dict[key], values);
  }, [language]);
}
