/** Dates and durations as agents read them, in the panel's language and Europe/Rome time. */
import type { Language } from '../api/types';

const TIME_ZONE = 'Europe/Rome';

export function formatDateTime(iso: string | undefined, language: Language): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return new Intl.DateTimeFormat(language === 'it' ? 'it-IT' : 'en-GB', {
    timeZone: TIME_ZONE,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(d);
}

export function formatTime(iso: string | undefined, language: Language): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return new Intl.DateTimeFormat(language === 'it' ? 'it-IT' : 'en-GB', {
    timeZone: TIME_ZONE,
    day: '2-digit',
    month: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(d);
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

/** The value for an <input type="date"> from an ISO instant, and back (a local day in Europe/Rome). */
export function isoToDateInput(iso: string | undefined): string {
  return iso ? iso.slice(0, 10) : '';
}
