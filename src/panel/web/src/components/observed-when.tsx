/**
 * When the citizen says the problem was observed: their words as written («stanotte»), always as
 * text, and the approximate period read from them (src/panel/web/src/lib/observed-when.ts).
 */
import type { Language, ReportDetail } from '../api/types';
import { observedMeaning } from '../lib/observed-when';

export function ObservedWhen({ observed, language }: { observed: NonNullable<ReportDetail['observedWhen']>; language: Language }) {
  const meaning = observedMeaning(observed, language);
  return (
    <>
      <q className="observed-words">{observed.text}</q>
      {meaning ? <span className="observed-period"> — {meaning}</span> : null}
    </>
  );
}
