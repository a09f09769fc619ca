/**
 * Time words in a citizen's message ("stanotte", "ieri sera", "da tre giorni", "tutte le notti",
 * "last night", "since Monday", "for 3 days", "every night"): found as written, and resolved where
 * possible into an approximate period relative to the message's time in the municipality's time
 * zone (src/domain/observed-when.ts). Table-driven, Italian and English; the common typos are
 * simply listed in the tables. Unknown phrases are not found; vague ones ("da giorni") keep their
 * kind without a period. Pure: no I/O.
 */
import { DateTime } from 'luxon';
import { MAX_OBSERVED_TEXT, type ObservedKind, type ObservedWhen, type Recurrence } from '../domain/observed-when';

/** Only the start of a long text is read (inputs are bounded before they are parsed). */
export const MAX_TIME_INPUT = 1_000;

type Period = { from: DateTime; to: DateTime };
type Resolution = { kind: ObservedKind; from?: DateTime; to?: DateTime; every?: Recurrence };
type Unit = 'minutes' | 'hours' | 'days' | 'weeks' | 'months' | 'years';

// ---------------------------------------------------------------------------------------------
// Word tables (normalised: lower case, no accents, apostrophes as spaces)

const NUMBERS: Record<string, number> = {
  // "na", "nu": «una» in Roman and southern speech ("da na settimana").
  un: 1, una: 1, uno: 1, na: 1, nu: 1, a: 1, an: 1, one: 1, 'un paio di': 2, 'a couple of': 2, due: 2, two: 2, tre: 3, three: 3, thre: 3,
  quattro: 4, four: 4, cinque: 5, five: 5, sei: 6, six: 6, sette: 7, seven: 7, otto: 8, eight: 8, nove: 9, nine: 9,
  dieci: 10, ten: 10, quindici: 15, fifteen: 15, venti: 20, twenty: 20, trenta: 30, thirty: 30,
};
/** Amounts that say "some time" without a number: the kind is kept, not the period. */
const VAGUE_NUMBERS = ['qualche', 'alcuni', 'alcune', 'diversi', 'diverse', 'parecchi', 'parecchie', 'molti', 'molte', 'tanti', 'tante', 'a few', 'several', 'many'];

const UNITS: Record<string, Unit> = {
  minuto: 'minutes', minuti: 'minutes', min: 'minutes', minute: 'minutes', minutes: 'minutes', mins: 'minutes',
  ora: 'hours', ore: 'hours', hour: 'hours', hours: 'hours', hrs: 'hours',
  giorno: 'days', giorni: 'days', gg: 'days', giorini: 'days', giormi: 'days', notte: 'days', notti: 'days', sera: 'days', sere: 'days',
  day: 'days', days: 'days', dayz: 'days', night: 'days', nights: 'days', evening: 'days', evenings: 'days',
  settimana: 'weeks', settimane: 'weeks', setimana: 'weeks', setimane: 'weeks', week: 'weeks', weeks: 'weeks', weks: 'weeks',
  mese: 'months', mesi: 'months', month: 'months', months: 'months',
  anno: 'years', anni: 'years', year: 'years', years: 'years',
};

/** "da tre giorni", "for three days": how it is said that something goes on since. */
const SINCE_AMOUNT = ['da', 'per', 'ormai da', 'gia da', 'da ormai', 'da almeno', 'da piu di', 'da oltre', 'for', 'over', 'for the last', 'for the past', 'for about', 'for over', 'for at least', 'in the last', 'in the past'];
/** "da ieri", "since Monday": the start of something still going on. */
const SINCE_START = ['da', 'dal', 'dalla', 'dalle', 'fin da', 'fino da', 'gia da', 'since', 'from'];
/** "da giorni", "for ages": going on, for how long is not said. */
const VAGUE_SINCE = [
  'da giorni', 'da settimane', 'da mesi', 'da anni', 'da ore', 'da tempo', 'da sempre', 'da un po', 'da parecchio', 'da molto', 'da troppo tempo',
  'per giorni', 'per settimane', 'per mesi', 'da molto tempo', 'da tanto tempo',
  'for days', 'for weeks', 'for months', 'for years', 'for hours', 'for ages', 'for a while', 'for a long time', 'for some time', 'for ever', 'forever',
];

const RECURRING_LEAD = ['tutte le', 'tutti i', 'ogni', 'every', 'each', 'evry', 'every single'];
const RECURRING_WORD: Record<string, Recurrence> = {
  sere: 'evening', sera: 'evening', serate: 'evening', evening: 'evening', evenings: 'evening',
  notti: 'night', notte: 'night', nottate: 'night', night: 'night', nights: 'night', nite: 'night',
  giorni: 'day', giorno: 'day', day: 'day', days: 'day',
  mattine: 'morning', mattina: 'morning', mattino: 'morning', morning: 'morning', mornings: 'morning',
  pomeriggi: 'afternoon', pomeriggio: 'afternoon', afternoon: 'afternoon', afternoons: 'afternoon',
  weekend: 'weekend', 'fine settimana': 'weekend', weekends: 'weekend',
};
/** Single words that already say "every": "everyday", "nightly". */
const RECURRING_SINGLE: Record<string, Recurrence> = { everyday: 'day', nightly: 'night', 'ogni santo giorno': 'day' };

const WEEKDAYS: Record<string, number> = {
  lunedi: 1, martedi: 2, mercoledi: 3, giovedi: 4, venerdi: 5, sabato: 6, domenica: 7,
  monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7,
};
type DayPart = 'night' | 'morning' | 'afternoon' | 'evening' | 'day';
const DAY_PARTS: Record<string, DayPart> = {
  notte: 'night', night: 'night', sera: 'evening', evening: 'evening', mattina: 'morning', morning: 'morning', pomeriggio: 'afternoon', afternoon: 'afternoon',
};

// ---------------------------------------------------------------------------------------------
// Periods: a night is 22:00–06:00, a morning 06–12, an afternoon 12–18, an evening 18–24.

// Wall-clock hours (set, not added: a day with a clock change has 23 or 25 hours).
const hourOf = (day: DateTime, hour: number) => day.startOf('day').set({ hour });

function partOf(day: DateTime, part: DayPart): Period {
  switch (part) {
    case 'night':
      return { from: hourOf(day, 22), to: hourOf(day.plus({ days: 1 }), 6) };
    case 'morning':
      return { from: hourOf(day, 6), to: hourOf(day, 12) };
    case 'afternoon':
      return { from: hourOf(day, 12), to: hourOf(day, 18) };
    case 'evening':
      return { from: hourOf(day, 18), to: day.plus({ days: 1 }).startOf('day') };
    case 'day':
      return { from: day.startOf('day'), to: day.plus({ days: 1 }).startOf('day') };
  }
}

const yesterday = (now: DateTime) => now.minus({ days: 1 });
/** The night just past (or the one going on, after 22:00). */
const lastNight = (now: DateTime) => partOf(now.hour >= 22 ? now : yesterday(now), 'night');

/** Moments said in words, with their typos: phrase -> the period it names. */
const MOMENTS: Array<[phrases: string[], period: (now: DateTime) => Period]> = [
  // «stanotte» after 22:00 is the night going on; "last night" is always the one before.
  [['stanotte', 'stanote', 'stannotte', 'sta notte', 'questa notte'], lastNight],
  [['ieri notte', 'ieri nottata', 'yesterday night', 'last night', 'last nite', 'lastnight', 'overnight'], (now) => partOf(yesterday(now), 'night')],
  [['tonight', 'tonite'], (now) => ({ from: hourOf(now, 18), to: hourOf(now.plus({ days: 1 }), 6) })],
  [['stamattina', 'stamatina', 'stammattina', 'stamani', 'stamane', 'sta mattina', 'questa mattina', 'stamattina presto', 'this morning'], (now) => partOf(now, 'morning')],
  [['oggi pomeriggio', 'questo pomeriggio', 'sto pomeriggio', 'this afternoon'], (now) => partOf(now, 'afternoon')],
  [['stasera', 'sta sera', 'questa sera', 'this evening'], (now) => partOf(now, 'evening')],
  [['ieri sera', 'iersera', 'ierisera', 'ieri sra', 'yesterday evening', 'last evening'], (now) => partOf(yesterday(now), 'evening')],
  [['ieri mattina', 'ieri mattino', 'ieri matina', 'ieri mattinata', 'yesterday morning'], (now) => partOf(yesterday(now), 'morning')],
  [['ieri pomeriggio', 'yesterday afternoon'], (now) => partOf(yesterday(now), 'afternoon')],
  [['l altra notte', 'l altro ieri notte'], (now) => partOf(now.minus({ days: 2 }), 'night')],
  [['l altra sera', 'l altro ieri sera'], (now) => partOf(now.minus({ days: 2 }), 'evening')],
  [['l altro ieri', 'ieri l altro', 'altro ieri', 'the day before yesterday'], (now) => partOf(now.minus({ days: 2 }), 'day')],
  [['ieri', 'yesterday', 'yesterdy', 'yesteday', 'yestarday'], (now) => partOf(yesterday(now), 'day')],
  [['oggi', 'today', 'oggi stesso'], (now) => partOf(now, 'day')],
  [['la settimana scorsa', 'settimana scorsa', 'la scorsa settimana', 'last week'], (now) => {
    const from = now.minus({ weeks: 1 }).startOf('week');
    return { from, to: from.plus({ weeks: 1 }) };
  }],
  [['poco fa', 'un attimo fa', 'pochi minuti fa', 'just now', 'a moment ago', 'a few minutes ago'], (now) => ({ from: now.minus({ hours: 1 }), to: now })],
  [['adesso', 'proprio ora', 'proprio adesso', 'in questo momento', 'ora come ora', 'right now', 'at the moment', 'now'], (now) => ({ from: now, to: now })],
];

// ---------------------------------------------------------------------------------------------
// Rules: tried in order, the first that matches wins (a recurrence may join it: see readTimeWords).

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** An alternation of phrases, longest first (so "ieri sera" wins over "ieri"). */
const anyOf = (phrases: readonly string[]) =>
  `(?:${[...new Set(phrases)].sort((a, b) => b.length - a.length).map((p) => escape(p).replace(/ /g, '\\s+')).join('|')})`;
const squash = (s: string) => s.replace(/\s+/g, ' ');

type Rule = { recurring?: true; pattern: RegExp; resolve: (m: RegExpExecArray, now: DateTime) => Resolution | undefined };

const NUMBER = `(${anyOf([...Object.keys(NUMBERS), ...VAGUE_NUMBERS])}|\\d{1,4})`;
const UNIT = `(${anyOf(Object.keys(UNITS))})`;
const amountOf = (word: string): number | undefined => (/^\d+$/.test(word) ? Number(word) : NUMBERS[squash(word)]);
const MAX_AMOUNT_DAYS = 3_660;

/** `now` minus an amount of a unit; whole days from the start of that day. Undefined when vague or absurd. */
function goneBack(now: DateTime, amountWord: string, unitWord: string): DateTime | undefined {
  const amount = amountOf(amountWord);
  const unit = UNITS[unitWord];
  if (amount === undefined || unit === undefined || amount <= 0) return undefined;
  const back = now.minus({ [unit]: amount });
  if (now.diff(back, 'days').days > MAX_AMOUNT_DAYS) return undefined;
  return unit === 'minutes' || unit === 'hours' ? back : back.startOf('day');
}

function lastWeekday(now: DateTime, weekday: number): DateTime {
  let day = yesterday(now);
  while (day.weekday !== weekday) day = day.minus({ days: 1 });
  return day;
}

const MOMENT_BY_PHRASE = new Map(MOMENTS.flatMap(([phrases, period]) => phrases.map((p) => [p, period] as const)));
const WEEKDAY = `(${anyOf(Object.keys(WEEKDAYS))})`;
const PART = `(${anyOf(Object.keys(DAY_PARTS))})`;

const RULES: readonly Rule[] = [
  {
    // "da tre giorni", "for 3 days", "sono due settimane che"
    pattern: new RegExp(`\\b(?:${anyOf(SINCE_AMOUNT)}\\s+${NUMBER}\\s+${UNIT}|sono\\s+${NUMBER}\\s+${UNIT}\\s+che)\\b`),
    resolve: (m, now) => {
      const [amount, unit] = m[1] !== undefined ? [m[1], m[2]!] : [m[3]!, m[4]!];
      const from = goneBack(now, amount, squash(unit));
      return from ? { kind: 'since', from } : { kind: 'since' };
    },
  },
  {
    // "tre giorni fa", "3 days ago"
    pattern: new RegExp(`\\b${NUMBER}\\s+${UNIT}\\s+(?:fa|ago)\\b`),
    resolve: (m, now) => {
      const at = goneBack(now, m[1]!, squash(m[2]!));
      if (!at) return undefined;
      const unit = UNITS[squash(m[2]!)];
      return unit === 'minutes' || unit === 'hours' ? { kind: 'moment', from: at, to: at } : { kind: 'moment', ...partOf(at, 'day') };
    },
  },
  { pattern: new RegExp(`\\b${anyOf(VAGUE_SINCE)}\\b`), resolve: () => ({ kind: 'since' }) },
  {
    recurring: true,
    pattern: new RegExp(`\\b(?:${anyOf(RECURRING_LEAD)}\\s+(${anyOf(Object.keys(RECURRING_WORD))})|(${anyOf(Object.keys(RECURRING_SINGLE))}))\\b`),
    resolve: (m) => ({ kind: 'recurring', every: m[1] !== undefined ? RECURRING_WORD[squash(m[1])]! : RECURRING_SINGLE[squash(m[2]!)]! }),
  },
  {
    // "da lunedì", "since Monday"; "lunedì scorso", "last Monday night", "lunedì sera" (the last one before today)
    pattern: new RegExp(
      `\\b(?:(${anyOf(SINCE_START)})\\s+${WEEKDAY}(?:\\s+scors[oa])?|(?:last\\s+${WEEKDAY}|${WEEKDAY}\\s+scors[oa])(?:\\s+${PART})?|${WEEKDAY}\\s+${PART})\\b`,
    ),
    resolve: (m, now) => {
      if (m[2] !== undefined) return { kind: 'since', from: lastWeekday(now, WEEKDAYS[m[2]]!).startOf('day') };
      const day = lastWeekday(now, WEEKDAYS[m[3] ?? m[4] ?? m[6]!]!);
      const part = m[5] ?? m[7];
      return { kind: 'moment', ...partOf(day, part !== undefined ? DAY_PARTS[part]! : 'day') };
    },
  },
  {
    // "stanotte", "ieri sera", "last night"; "da ieri", "since this morning"
    pattern: new RegExp(`\\b(?:(${anyOf(SINCE_START)})\\s+)?(${anyOf([...MOMENT_BY_PHRASE.keys()])})\\b`),
    resolve: (m, now) => {
      const period = MOMENT_BY_PHRASE.get(squash(m[2]!))!(now);
      return m[1] !== undefined ? { kind: 'since', from: period.from } : { kind: 'moment', ...period };
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Matching on normalised text, keeping where each character came from (to give the words as written).

type Normalised = { text: string; start: number[]; end: number[] };

function normalise(original: string): Normalised {
  let text = '';
  const start: number[] = [];
  const end: number[] = [];
  let spaced = true;
  for (let i = 0; i < original.length; ) {
    const code = original.codePointAt(i)!;
    const ch = String.fromCodePoint(code);
    // Plain ASCII (most of any message) needs no Unicode normalisation.
    const piece = code < 128 ? (code === 39 || code === 96 ? ' ' : ch.toLowerCase()) : ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/['’`]/g, ' ');
    if (/^\s*$/u.test(piece)) {
      if (!spaced && piece.length > 0) {
        text += ' ';
        start.push(i);
        end.push(i + ch.length);
        spaced = true;
      }
    } else {
      for (let k = 0; k < piece.length; k++) {
        start.push(i);
        end.push(i + ch.length);
      }
      text += piece;
      spaced = false;
    }
    i += ch.length;
  }
  return { text, start, end };
}

type Found = { rule: Rule; match: RegExpExecArray; from: number; to: number };

function firstMatch(n: Normalised, recurring: boolean): Found | undefined {
  for (const rule of RULES) {
    if (Boolean(rule.recurring) !== recurring) continue;
    const match = rule.pattern.exec(n.text);
    if (match) return { rule, match, from: match.index, to: match.index + match[0].length };
  }
  return undefined;
}

/** The original characters of a normalised span. */
const asWritten = (original: string, n: Normalised, from: number, to: number) => original.slice(n.start[from], n.end[to - 1]);

/** The time words as written: one phrase, or a time and a recurrence ("tutte le sere da una settimana"). */
function wordsOf(original: string, n: Normalised, found: Found[]): string {
  const [a, b] = [...found].sort((x, y) => x.from - y.from);
  if (!b) return asWritten(original, n, a!.from, a!.to);
  // Next to each other (at most a short word between): the span as written; else both, joined.
  if (b.from - a!.to <= 4) return asWritten(original, n, a!.from, b.to);
  return `${asWritten(original, n, a!.from, a!.to)} … ${asWritten(original, n, b.from, b.to)}`;
}

function bound(text: string): string {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  return trimmed.length <= MAX_OBSERVED_TEXT ? trimmed : `${trimmed.slice(0, MAX_OBSERVED_TEXT - 1).trimEnd()}…`;
}

function findAll(text: string): { original: string; n: Normalised; found: Found[] } | undefined {
  const original = text.slice(0, MAX_TIME_INPUT);
  const n = normalise(original);
  const found = [firstMatch(n, false), firstMatch(n, true)].filter((f): f is Found => f !== undefined);
  return found.length ? { original, n, found } : undefined;
}

/** The time words of a text as written ("da tre giorni"), or undefined when it has none. */
export function timeWordsIn(text: string): string | undefined {
  const all = findAll(text);
  return all ? bound(wordsOf(all.original, all.n, all.found)) : undefined;
}

/**
 * The time words of a message and what they mean, relative to `at` (the message's time) in
 * `timeZone`: a period, a start, a recurrence; only the words when they cannot be resolved.
 */
export function readTimeWords(text: string, at: Date, timeZone: string): ObservedWhen | undefined {
  const all = findAll(text);
  if (!all) return undefined;
  const now = DateTime.fromJSDate(at, { zone: timeZone });
  const words = bound(wordsOf(all.original, all.n, all.found));
  const [time, recurrence] = [all.found.find((f) => !f.rule.recurring), all.found.find((f) => f.rule.recurring)];
  const timeMeaning = time ? capped(time.rule.resolve(time.match, now), now) : undefined;
  const every = recurrence ? (recurrence.rule.resolve(recurrence.match, now)?.every) : undefined;
  if (every) {
    // "tutte le sere da una settimana": it recurs, since then.
    const since = timeMeaning?.from;
    return toObserved({ text: words, kind: 'recurring', every, ...(since ? { from: since } : {}) });
  }
  return toObserved({ text: words, ...(timeMeaning ?? {}) });
}

/** A period never ends after the message; one that starts after it ("stasera" said in the morning) is not resolved. */
function capped(r: Resolution | undefined, now: DateTime): Resolution | undefined {
  if (!r) return undefined;
  if (r.from && r.from.toMillis() > now.toMillis()) return undefined;
  if (r.to && r.to.toMillis() > now.toMillis()) return { ...r, to: now };
  return r;
}

function toObserved(r: Partial<Resolution> & { text: string }): ObservedWhen {
  return {
    text: r.text,
    ...(r.kind ? { kind: r.kind } : {}),
    ...(r.from ? { from: r.from.toJSDate() } : {}),
    ...(r.to && r.kind !== 'since' && r.kind !== 'recurring' ? { to: r.to.toJSDate() } : {}),
    ...(r.every ? { every: r.every } : {}),
  };
}
