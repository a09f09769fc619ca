/** The language context: `t(key, values)`, the current language, and a switch kept in localStorage. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Language } from '../api/types';
import { DICTIONARIES, type MessageKey } from './dictionary';

const STORAGE_KEY = 'vicinato.panel.language';

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

type I18n = { language: Language; setLanguage(l: Language): void; t: Translate };

const I18nContext = createContext<I18n | null>(null);

function storedLanguage(): Language | undefined {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === 'it' || v === 'en' ? v : undefined;
  } catch {
    return undefined;
  }
}

export function interpolate(template: string, values?: Record<string, string | number>): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m));
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(() => storedLanguage() ?? 'it');
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const setLanguage = useCallback((l: Language) => {
    setLanguageState(l);
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      // private mode: the choice lasts for this page only
    }
  }, []);
  const value = useMemo<I18n>(() => {
    const dict = DICTIONARIES[language];
    return { language, setLanguage, t: (key, values) => interpolate(dict[key], values) };
  }, [language, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}

/** True when the operator chose a language on this browser (it then wins over the account's). */
export function hasStoredLanguage(): boolean {
  return storedLanguage() !== undefined;
}
