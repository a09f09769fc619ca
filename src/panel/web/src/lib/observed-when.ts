/**
 * The period read from the citizen's time words, as agents read it: "tra 17/11/2026, 22:00 e
 * 18/11/2026, 06:00 circa", "dal 15/11/2026 circa", "il 17/11/2026", "ogni sera, dal 11/11/2026
 * circa". Times in the municipality's time zone; the date alone when a time is the start of a day.
 */
import type { Language, ReportDetail } from '../api/types';
import { DICTIONARIES, RECURRENCE_LABELS } from '../i18n/dictionary';
import { interpolate } from '../i18n/i18n';
import { formatClock, formatDate, formatDateTime } from './format';

type Observed = NonNullable<ReportDetail['observedWhen']>;

const HOUR_MS = 3_600_000;

function when(iso: string | undefined, language: Language): string {
  if (!iso) return '';
  return formatClock(iso, language) === '00:00' ? formatDate(iso, language) : formatDateTime(iso, language);
}

/** A whole calendar day («ieri», "3 days ago"): midnight to midnight (23 to 25 hours with a clock change). */
function wholeDay(o: Observed): boolean {
  const span = Date.parse(o.to ?? '') - Date.parse(o.from ?? '');
  return span >= 23 * HOUR_MS && span <= 25 * HOUR_MS && formatClock(o.from!, 'it') === '00:00' && formatClock(o.to!, 'it') === '00:00';
}

/** What the words mean, or '' when they could not be resolved (the words alone are shown). */
export function observedMeaning(o: Observed, language: Language): string {
  const t = (key: 'observedAt' | 'observedDay' | 'observedMoment' | 'observedSince', values: Record<string, string>) =>
    interpolate(DICTIONARIES[language][key], values);
  const from = when(o.from, language);
  const to = when(o.to, language);
  const parts: string[] = [];
  if (o.kind === 'recurring' && o.every) parts.push(RECURRENCE_LABELS[language][o.every]);
  if (o.kind === 'moment' && from && to) {
    parts.push(from === to ? t('observedAt', { at: from }) : wholeDay(o) ? t('observedDay', { day: from }) : t('observedMoment', { from, to }));
  } else if (from) parts.push(t('observedSince', { from }));
  return parts.join(', ');
}
