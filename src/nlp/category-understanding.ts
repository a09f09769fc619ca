/**
 * What a free-text answer to "what is the report about?" means, as one decision the category step
 * acts on and the evaluation (`npm run eval:categories`) measures:
 * - `chosen`: the menu itself was named ("2", "spaccio", "rifiuti") — taken without asking;
 * - `suggested`: one likely category — "Intendi: Spaccio di droga?" (yes / no);
 * - `either`: two likely categories, one of them sensitive — a clear either/or, two buttons;
 * - `candidates`: several menu entries named about equally — the citizen picks from a short list;
 * - `unknown`: nothing recognisable — the menu again.
 */
import { CATEGORIES, type Category } from '../../config/categories';
import { matchChoice, matchedChoiceOptions, type ChoiceOption } from './answer-matcher';
import { categoryTokens } from './category-features';
import { categoryDecisiveOptions, categoryDescriptionOptions, categorySharedOptions, categoryWornOptions } from './category-options';
import type { CategoryClassifier } from './category-classifier';
import { parseChoiceNumber } from './number-choice';
import { isStopword, namesNothing } from './stopwords';
import { saysLeftForLong, saysLivedIn } from './left-for-long';
import { tokenize } from './text';

export type CategoryUnderstanding =
  | { kind: 'chosen'; categoryId: string }
  | { kind: 'suggested'; categoryId: string }
  | { kind: 'either'; categoryIds: [string, string] }
  | { kind: 'candidates'; categoryIds: string[] }
  | { kind: 'unknown' };

export type CategoryUnderstandingDeps = {
  classifier: CategoryClassifier;
  menuOptions: ChoiceOption[];
  categories?: readonly Category[];
};

/** A message of at most this many content words is a menu answer ("rifiuti", "2", "spacio"). */
const MENU_ANSWER_WORDS = 2;
/** A single suggestion needs this share of the evidence and this lead over the runner-up. */
const SUGGEST_CONFIDENCE = 0.3;
const SUGGEST_MARGIN = 0.1;
/** A lead of the classifier that settles two categories named in the same message. */
const CLEAR_LEAD = 0.25;
/** Below this share of the evidence, half-matched menu words alone are no basis for a question. */
const WEAK_CANDIDATE_CONFIDENCE = 0.2;
/**
 * A second problem of the other kind (sensitive or not) named beside the first is a question when the
 * evidence gives it at least this share of the first's: "spacciatori e lampioni spenti" asks, while
 * "cracked paving slabs" (which looks like "crack") and the rest of the message's words agreeing on
 * «Altro» does not.
 */
const OTHER_KIND_SHARE = 0.25;
/** Two categories that together hold this share of the evidence make an either/or. */
const EITHER_CONFIDENCE = 0.4;

export function understandCategory(text: string, deps: CategoryUnderstandingDeps): CategoryUnderstanding {
  const words = tokenize(text).filter((token) => !isStopword(token));
  // Only greetings, time words or negations ("buon giorno", "non stanotte"): nothing to read.
  if (words.length > 0 && words.every(namesNothing) && parseChoiceNumber(tokenize(text)) === undefined) return { kind: 'unknown' };
  const isMenuAnswer = words.length <= MENU_ANSWER_WORDS || parseChoiceNumber(tokenize(text)) !== undefined;
  const catalog = deps.categories ?? CATEGORIES;
  if (isMenuAnswer) {
    const menuMatch = matchChoice(text, deps.menuOptions);
    if (menuMatch.ok) {
      // "buca", "dissesto stradale", "tombino sollevato": a shared problem is a question even as a menu answer.
      const tokens = categoryTokens(text);
      const named = [{ id: menuMatch.id, score: 1, matched: new Set<number>() }];
      const shared = sharedNamed(tokens, catalog, named) ?? wornNamed(wornThingNamed(tokens, catalog), catalog, named, () => 0);
      return shared ? { kind: 'either', categoryIds: shared } : { kind: 'chosen', categoryId: menuMatch.id };
    }
  }
  // In a description only the words that describe a problem count ("un'altra volta" is not «Altro»).
  const match = matchChoice(text, categoryDescriptionOptions(catalog));

  const isSensitive = (id: string) => catalog.find((c) => c.id === id)?.sensitive ?? false;
  const ranked = deps.classifier.rank(text);
  const [best, second] = ranked;
  const order = (id: string) => ranked.findIndex((r) => r.categoryId === id) >>> 0;
  const confidenceOf = (id: string) => ranked.find((r) => r.categoryId === id)?.confidence ?? 0;
  // A sensitive and an ordinary problem both named in full ("spacciatori e lampioni spenti"): the
  // citizen says which, whatever the word statistics prefer (a drug report must not be filed as a
  // street light).
  // Two problems are two different words: one word read two ways ("spacciava" looks like both
  // "spacciano" and "spaccano") is one problem, for the classifier to settle.
  const described = categoryTokens(text);
  // A worn thing beside its state ("paving stones lifted", "panchine rotte") describes wear: a
  // category named only by those same words ("lifted" as in stolen) is no second problem.
  const worn = wornThingNamed(described, catalog);
  const fullyNamed = matchedChoiceOptions(described, categoryDescriptionOptions(catalog))
    .filter((o) => !explainedByWear(o, worn, catalog))
    .sort((a, b) => order(a.id) - order(b.id));
  const [firstNamed] = fullyNamed;
  const otherKind = fullyNamed.find(
    (o) =>
      firstNamed !== undefined &&
      isSensitive(o.id) !== isSensitive(firstNamed.id) &&
      [...o.matched].every((i) => !firstNamed.matched.has(i)) &&
      confidenceOf(o.id) >= OTHER_KIND_SHARE * confidenceOf(firstNamed.id),
  );
  if (firstNamed !== undefined && otherKind !== undefined) return { kind: 'either', categoryIds: [firstNamed.id, otherKind.id] };
  // A car or a scooter left there for months is abandoned, whatever its state ("finestrino rotto",
  // "un rudere", "it is broken"); another problem named in full ("car alarm going off for weeks",
  // "lampione spento da mesi vicino alla macchina") or a deliberate act is read as usual.
  const left = leftBehindNamed(described, catalog, fullyNamed);
  if (left !== undefined) return { kind: 'chosen', categoryId: left };
  // A deliberate act on another category's things ("kids throwing stones at the street lamps"), or a
  // thing with its own category ("il semaforo lampeggia"): that is the report, when nothing sensitive
  // is named beside it.
  const decisive = decisiveNamed(described, catalog, fullyNamed);
  if (decisive !== undefined) return { kind: 'chosen', categoryId: decisive };
  // A problem filed under either of two categories (a pothole: «Altro» or «Degrado urbano»): which one.
  // (A worn thing is no question when the words clearly read as something sensitive: "stairs stink of weed".)
  const shared =
    sharedNamed(described, catalog, fullyNamed, confidenceOf) ??
    (best && isSensitive(best.categoryId) && best.confidence >= SUGGEST_CONFIDENCE
      ? undefined
      : wornNamed(worn, catalog, fullyNamed, confidenceOf));
  if (shared !== undefined) return { kind: 'either', categoryIds: shared.sort((a, b) => order(a) - order(b)) as [string, string] };
  const named = match.ok ? [] : (match.candidates ?? []);
  // Two problems named in their own words ("spacciatori e lampioni spenti"): which one first?
  if (!match.ok && named.length === 2 && best && named.includes(best.categoryId)) {
    const other = named.find((id: string) => id !== best.categoryId)!;
    const lead = best.confidence - (ranked.find((r) => r.categoryId === other)?.confidence ?? 0);
    if (isSensitive(best.categoryId) !== isSensitive(other) && lead < CLEAR_LEAD)
      return { kind: 'either', categoryIds: [best.categoryId, other] };
  }
  // A description naming a category in its own words, and the classifier agrees: no need to ask.
  if (match.ok && (!best || best.categoryId === match.id)) return { kind: 'chosen', categoryId: match.id };
  // Its words name two ("rifiuti abbandonati": waste, and "abbandonati" as in abandoned vehicles),
  // one of them in full, and the classifier clearly prefers that one: taken, unless it is sensitive
  // (a sensitive category is always confirmed first).
  if (
    !match.ok &&
    best &&
    !isSensitive(best.categoryId) &&
    named.includes(best.categoryId) &&
    fullyNamed.some((o) => o.id === best.categoryId) &&
    best.confidence - (second?.confidence ?? 0) >= CLEAR_LEAD
  ) {
    return { kind: 'chosen', categoryId: best.categoryId };
  }
  // It names one, the word statistics point at another, and one of the two is sensitive ("a van
  // circling our street with its lights off"): a clear either/or, not a guess.
  // (Unless an idiom took that word back: "si buca" is drug use, not a pothole.)
  if (match.ok && best && isSensitive(best.categoryId) !== isSensitive(match.id) && fullyNamed.some((o) => o.id === match.id)) {
    return { kind: 'either', categoryIds: [best.categoryId, match.id] };
  }
  if (best && best.confidence >= SUGGEST_CONFIDENCE && best.confidence - (second?.confidence ?? 0) >= SUGGEST_MARGIN) {
    return { kind: 'suggested', categoryId: best.categoryId };
  }
  if (best && second && best.confidence >= SUGGEST_CONFIDENCE && best.confidence + second.confidence >= EITHER_CONFIDENCE) {
    return { kind: 'either', categoryIds: [best.categoryId, second.categoryId] };
  }
  if (match.ok) return { kind: 'suggested', categoryId: match.id };
  // Half a phrase ("via" of "via al buio") and (almost) nothing the classifier knows: too little to guess.
  if (!best || best.confidence < WEAK_CANDIDATE_CONFIDENCE) return { kind: 'unknown' };
  const candidates = match.candidates ?? [];
  if (candidates.length === 1) return { kind: 'suggested', categoryId: candidates[0] };
  if (candidates.length >= 2) {
    // Best first by the classifier; a sensitive and an ordinary one on top: the two, not a list.
    const sorted = [...candidates].sort((a, b) => order(a) - order(b));
    if (isSensitive(sorted[0]!) !== isSensitive(sorted[1]!)) return { kind: 'either', categoryIds: [sorted[0]!, sorted[1]!] };
    return { kind: 'candidates', categoryIds: sorted };
  }
  return { kind: 'unknown' };
}

/**
 * The category whose decisive phrase the words name, when every other category named is one it wins
 * over ("deliberately smashed the traffic light": vandalism wins over «Altro», which wins over lighting).
 */
function decisiveNamed(words: readonly string[], catalog: readonly Category[], fullyNamed: readonly { id: string }[]): string | undefined {
  const options = categoryDecisiveOptions(catalog);
  if (options.length === 0 || fullyNamed.length === 0) return undefined;
  for (const named of matchedChoiceOptions(words, options)) {
    // "ci ho bucato una gomma" (in a pothole): what the citizen did to their own things is no act of others.
    if ([...named.matched].some((i) => SELF.has(words[i - 1] ?? ''))) continue;
    const over = new Set(catalog.find((c) => c.id === named.id)?.decisive?.over ?? []);
    if (fullyNamed.every((o) => o.id === named.id || over.has(o.id))) return named.id;
  }
  return undefined;
}

/**
 * The category of a thing the words say was left somewhere for weeks or more (Category.leftBehind),
 * when every other category named only describes its state and no deliberate act is named.
 */
function leftBehindNamed(
  words: readonly string[],
  catalog: readonly Category[],
  fullyNamed: readonly { id: string }[],
): string | undefined {
  // "in bici non si passa": a means of getting about, not a thing left there.
  const present = new Set(words.filter((_, i) => !MEANS_OF_TRAVEL.has(words[i - 1] ?? '')));
  const category = catalog.find((c) => c.leftBehind && [...c.leftBehind.it, ...c.leftBehind.en].some((thing) => present.has(thing)));
  // Read as spelled out ("da nu sacco e tiempo" is "da un sacco e tempo").
  if (!category?.leftBehind || !saysLeftForLong(words.join(' ')) || saysLivedIn(words.join(' '))) return undefined;
  if (decisiveNamed(words, catalog, fullyNamed) !== undefined) return undefined;
  const over = new Set(category.leftBehind.over);
  return fullyNamed.every((o) => o.id === category.id || over.has(o.id)) ? category.id : undefined;
}

/** A category named only by the words of a worn thing and its state, and not one of its pair. */
function explainedByWear(
  named: { id: string; matched: ReadonlySet<number> },
  worn: { id: string; matched: ReadonlySet<number> } | undefined,
  catalog: readonly Category[],
): boolean {
  if (!worn || wornPair(worn, catalog).includes(named.id)) return false;
  return [...named.matched].every((index) => worn.matched.has(index));
}

/** The two categories of a shared problem the words name, when nothing else is named. */
function sharedNamed(
  words: readonly string[],
  catalog: readonly Category[],
  fullyNamed: readonly { id: string; score: number }[],
  confidenceOf: (id: string) => number = () => 0,
): [string, string] | undefined {
  const options = categorySharedOptions(catalog);
  if (options.length === 0 || fullyNamed.length === 0) return undefined;
  const [named] = matchedChoiceOptions(words, options);
  const category = named && catalog.find((c) => c.id === named.id);
  if (!category?.shared) return undefined;
  const pair: [string, string] = [category.id, category.shared.with];
  return namedBeside(pair, catalog, fullyNamed, confidenceOf).length === 0 ? pair : undefined;
}

/**
 * The categories named beside a shared problem's pair that make it a second problem: named in full,
 * sensitive, or ranked at least as high as the pair. A phrase half-named and ranked lower ("non ci
 * passa" of "non passano a ritirare", "came off my bike") is none.
 */
function namedBeside(
  pair: readonly string[],
  catalog: readonly Category[],
  fullyNamed: readonly { id: string; score: number }[],
  confidenceOf: (id: string) => number,
): { id: string }[] {
  const sensitive = (id: string) => catalog.find((c) => c.id === id)?.sensitive ?? false;
  const pairConfidence = Math.max(...pair.map(confidenceOf));
  return fullyNamed.filter((o) => !pair.includes(o.id) && (o.score >= 1 || sensitive(o.id) || confidenceOf(o.id) >= pairConfidence));
}

/** Content words allowed between a worn thing and its state ("la panchina del parco è tutta marcia"). */
const WORN_GAP = 3;

/**
 * The category of a worn thing beside its state in these tokens ("tombino sollevato", "the seesaw in
 * the park is broken"), read over the content words only, with the indexes of every thing and state
 * word: any thing within a few words of any state, in either order.
 */
function wornThingNamed(tokens: readonly string[], catalog: readonly Category[]): { id: string; matched: ReadonlySet<number> } | undefined {
  const positions = tokens.flatMap((token, index) => (isStopword(token) ? [] : [index]));
  const words = positions.map((index) => tokens[index]);
  for (const worn of categoryWornOptions(catalog)) {
    const things = [...(matchedChoiceOptions(words, worn.things)[0]?.matched ?? [])];
    const states = [...(matchedChoiceOptions(words, worn.states)[0]?.matched ?? [])];
    // Two different words: one word like both ("staccare": "staccionata", "staccato") is neither.
    const paired = states.filter((s) => things.some((t) => t !== s && Math.abs(t - s) <= WORN_GAP + 1));
    if (paired.length === 0) continue;
    // "hanno rotto tutte le panchine": someone did it, an act rather than wear (unless roots or frost did).
    const done = paired.some((s) => DONE_BY.has(tokens[positions[s] - 1] ?? '') && !NATURAL_AGENTS.has(tokens[positions[s] - 2] ?? ''));
    if (done) return undefined;
    return { id: worn.id, matched: new Set([...things, ...states].map((index) => positions[index])) };
  }
  return undefined;
}

/** Words before a vehicle that make it a way of getting about ("in bici", "by car"). */
const MEANS_OF_TRAVEL: ReadonlySet<string> = new Set(['in', 'by', 'col', 'coi', 'con']);

/** The citizen as the one who did it: "(ci) ho bucato", "I punctured". */
const SELF: ReadonlySet<string> = new Set(['ho', 'i', 'ive']);

/** Italian "have" before a past participle: someone did it ("hanno rotto", "ha piegato"). */
const DONE_BY: ReadonlySet<string> = new Set(['ha', 'hanno', 'han', 'aveva', 'avevano', 'deliberatamente']);
/** What wears things without meaning to ("le radici hanno alzato le mattonelle"). */
const NATURAL_AGENTS: ReadonlySet<string> = new Set([
  'radici',
  'vento',
  'gelo',
  'pioggia',
  'temporale',
  'alberi',
  'anni',
  'tempo',
  'ruggine',
]);

/**
 * The two categories of a shared problem told as a worn thing beside its state ("tombino sollevato",
 * "the slide is cracked and rusty"), when nothing else is named in full.
 */
function wornNamed(
  named: { id: string; matched: ReadonlySet<number> } | undefined,
  catalog: readonly Category[],
  fullyNamed: readonly { id: string; score: number; matched: ReadonlySet<number> }[],
  confidenceOf: (id: string) => number,
): [string, string] | undefined {
  if (!named) return undefined;
  const pair = wornPair(named, catalog);
  if (pair.length !== 2) return undefined;
  // One of the two named in its own words beyond the thing and its state ("benches rotten and covered
  // in moss"): no question, the usual reading settles it.
  if (fullyNamed.some((o) => pair.includes(o.id) && [...o.matched].some((index) => !named.matched.has(index)))) return undefined;
  return namedBeside(pair, catalog, fullyNamed, confidenceOf).length === 0 ? (pair as [string, string]) : undefined;
}

/** The category of a worn thing and the one it shares its problems with («Altro», «Degrado urbano»). */
function wornPair(named: { id: string }, catalog: readonly Category[]): string[] {
  const category = catalog.find((c) => c.id === named.id);
  return category?.shared ? [category.id, category.shared.with] : [named.id];
}

/** The categories the citizen is offered first, best first (for the evaluation's "top choice"). */
export function offeredCategories(understanding: CategoryUnderstanding): string[] {
  switch (understanding.kind) {
    case 'chosen':
    case 'suggested':
      return [understanding.categoryId];
    case 'either':
    case 'candidates':
      return understanding.categoryIds;
    default:
      return [];
  }
}
