/**
 * When the citizen says the problem was observed: their words as written («stanotte»), always as
 * text, and the approximate period read from them ("tra 17/11 22:00 e 18/11 06:00 circa"), or the
 * recurrence ("ogni sera"). Times in the municipality's time zone.
 */
import type { Language, ReportDetail } from '../api/types';
import { RECURRENCE_LABELS } from '../i18n/dictionary';
import { useI18n } from '../i18n/i18n';
import { formatDateTime } from '../lib/format';

export function ObservedWhen({ observed, language }: { observed: NonNullable<ReportDetail['observedWhen']>; language: Language }) {
  const { t } = useI18n();
  const from = formatDateTime(observed.from, language);
  const to = formatDateTime(observed.to, language);
  const meaning: string[] = [];
  if (observed.kind === 'recurring' && observed.every) meaning.push(RECURRENCE_LABELS[language][observed.every]);
  if (observed.kind === 'moment' && from && to) meaning.push(t('observedMoment', { from, to }));
  else if (from) meaning.push(t('observedSince', { from }));
  return (
    <>
      <q className="observed-words">{observed.text}</q>
      {meaning.length ? <span className="observed-period"> — {meaning.join(', ')}</span> : null}
    </>
  );
}
