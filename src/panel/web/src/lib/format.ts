/** Dates and durations as agents read them, in the panel's language and the municipality's time zone. */
import type { Language } from '../api/types';
import { panelTimeZone } from './time-zone';

const LOCALES = { it: 'it-IT', en: 'en-GB' } as const;

/** An instant in the municipality's time zone, or '' when there is none or it is not a date. */
function formatInstant(iso: string | undefined, language: Language, fields: Intl.DateTimeFormatOptions): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return new Intl.DateTimeFormat(LOCALES[language], { timeZone: panelTimeZone(), ...fields }).format(d);
}

export function formatDateTime(iso: string | undefined, language: Language): string {
  return formatInstant(iso, language, { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** "17/11/2026". */
export function formatDate(iso: string | undefined, language: Language): string {
  return formatInstant(iso, language, { day: '2-digit', month: '2-digit', year: 'numeric' });
}

/** "13:28". */
export function formatClock(iso: string, language: Language): string {
  return formatInstant(iso, language, { hour: '2-digit', minute: '2-digit' });
}

/** "45 s", "12 min", "3 h 05 min", "2 g 4 h" (Italian) / "2 d 4 h" (English). */
export function formatDuration(ms: number | undefined, language: Language): string {
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) return '—';
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s} s`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 24) return `${h} h ${String(min % 60).padStart(2, '0')} min`;
  const d = Math.floor(h / 24);
  return `${d} ${language === 'it' ? 'g' : 'd'} ${h % 24} h`;
}
