/**
 * When the citizen says the problem was observed ("stanotte", "da tre giorni", "every night"): the
 * words as written and, where they can be resolved, an approximate period relative to the time of
 * the message in the municipality's time zone (src/nlp/time-words.ts reads them). It comes from the
 * citizen's own text: it is treated like the description (police only; never on a public surface,
 * kept or erased with the description).
 */

/** `moment`: it happened within [from, to]; `since`: going on from `from` until the message; `recurring`: it happens every `every`. */
export const OBSERVED_KINDS = ['moment', 'since', 'recurring'] as const;
export type ObservedKind = (typeof OBSERVED_KINDS)[number];

export const RECURRENCES = ['night', 'evening', 'morning', 'afternoon', 'day', 'weekend'] as const;
export type Recurrence = (typeof RECURRENCES)[number];

/** The most characters of the time words kept as written. */
export const MAX_OBSERVED_TEXT = 60;

export type ObservedWhen<T = Date> = {
  /** The time words as the citizen wrote them ("da tre giorni"), at most MAX_OBSERVED_TEXT characters. */
  text: string;
  /** Absent when the words could not be resolved (the text alone is kept). */
  kind?: ObservedKind;
  /** The approximate period; for `since` only `from` (the period runs until the message); for `recurring` perhaps neither. */
  from?: T;
  to?: T;
  every?: Recurrence;
};

/** As saved in a dialog state (plain JSON): times as ISO strings. */
export type ObservedWhenJson = ObservedWhen<string>;

const isIso = (v: unknown) => typeof v === 'string' && !Number.isNaN(Date.parse(v));

/** True when a stored value is an ObservedWhenJson (a dialog state read back). */
export function isObservedWhenJson(v: unknown): v is ObservedWhenJson {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const o = v as Record<string, unknown>;
  return (
    typeof o.text === 'string' &&
    o.text.length <= MAX_OBSERVED_TEXT &&
    (o.kind === undefined || OBSERVED_KINDS.includes(o.kind as ObservedKind)) &&
    (o.every === undefined || RECURRENCES.includes(o.every as Recurrence)) &&
    (o.from === undefined || isIso(o.from)) &&
    (o.to === undefined || isIso(o.to))
  );
}

export function observedWhenToJson(w: ObservedWhen): ObservedWhenJson {
  return {
    text: w.text,
    ...(w.kind ? { kind: w.kind } : {}),
    ...(w.from ? { from: w.from.toISOString() } : {}),
    ...(w.to ? { to: w.to.toISOString() } : {}),
    ...(w.every ? { every: w.every } : {}),
  };
}

export function observedWhenFromJson(w: ObservedWhenJson): ObservedWhen {
  return {
    text: w.text.slice(0, MAX_OBSERVED_TEXT),
    ...(w.kind ? { kind: w.kind } : {}),
    ...(w.from ? { from: new Date(w.from) } : {}),
    ...(w.to ? { to: new Date(w.to) } : {}),
    ...(w.every ? { every: w.every } : {}),
  };
}
