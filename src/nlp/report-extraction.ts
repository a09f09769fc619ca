/**
 * Reads a whole report written in one message ("ci sono sacchi di rifiuti abbandonati in via Carlo
 * Piaggia a Capannori da tre giorni") into its parts: the place as written (a street with its
 * number, or a known place or frazione name), the time words ("da tre giorni", "stanotte") and the
 * description (the message itself). The category is read by the category understanding, the place
 * geocoded by the flow (flows/one-message.ts). Pure: no I/O. Italian and English, typos in street
 * prefixes ("vai", "p.zza") tolerated.
 */
import { normalizeText } from './text';
import { timeWordsIn } from './time-words';

export type ExtractedReport = {
  /** The place as written, ready for the geocoder ("via Carlo Piaggia 12, Capannori"). */
  place?: string;
  /** A known place named ("a Marlia"): without a street an area, not yet a point; with one, where the street is looked for. */
  area?: string;
  /** The time words, as written ("da tre giorni"): src/nlp/time-words.ts finds and resolves them. */
  when?: string;
  /** The whole message, trimmed: the report's description. */
  description: string;
};

export type ExtractionOptions = {
  /** Names of known places of the municipality (frazioni, zones, the town itself), any case. */
  knownPlaces?: readonly string[];
};

/** Words that start a street name (normalised), with the usual abbreviations and typos. */
const STREET_PREFIX =
  '(?:via|vai|viale|v\\.?le|piazza|p\\.?zza|p\\.?za|piazzale|corso|c\\.?so|vicolo|largo|strada|localita|loc\\.?|traversa|borgo|contrada|street|st\\.?|road|rd\\.?|avenue|ave\\.?|lane|square)';
/** Words that end a street name: a preposition starting something else, or time words. */
const STREET_STOP = new Set([
  'a', 'ad', 'in', 'da', 'dal', 'dalla', 'dai', 'dalle', 'per', 'che', 'e', 'ed', 'con', 'ma', 'dove', 'vicino', 'davanti', 'dietro',
  'sotto', 'sopra', 'tutte', 'tutti', 'ogni', 'ieri', 'oggi', 'stanotte', 'stasera', 'stamattina', 'ci', 'c', 'ce', 'sono', 'e',
  'at', 'on', 'for', 'since', 'near', 'by', 'and', 'in', 'every', 'last', 'yesterday', 'today', 'tonight', 'there', 'is', 'are', 'from',
]);
/** Small words that belong inside street names ("via della Chiesa", "piazza del Popolo"). */
const NAME_LINKS = new Set(['di', 'del', 'della', 'dello', 'dei', 'degli', 'delle', 'de', 'd', 'san', 'santa', 'the', 'of']);
const MAX_STREET_WORDS = 6;

/**
 * The first street named in the message: a street word followed by a name. A street word followed
 * by a word that cannot start a name is not a street ("on the main road last night").
 */
function findStreet(normalized: string): string | undefined {
  for (const match of normalized.matchAll(STREET_START)) {
    const street = streetAt(match[1]!, normalized.slice(match.index + match[0].length));
    if (street) return street;
  }
  return undefined;
}

const STREET_START = new RegExp(`(?:^|[\\s,;(])(${STREET_PREFIX})\\s+`, 'g');

function streetAt(prefixWord: string, after: string): string | undefined {
  const prefix = prefixWord === 'vai' ? 'via' : prefixWord;
  const words = after.split(/\s+/);
  const first = words[0]?.replace(/[.,;:!?)]+$/, '') ?? '';
  if (STREET_STOP.has(first)) return undefined;
  const name: string[] = [];
  for (const word of words) {
    const clean = word.replace(/[.,;:!?)]+$/, '');
    const ended = clean !== word; // punctuation after the word ends the name
    if (name.length > 0 && STREET_STOP.has(clean) && !NAME_LINKS.has(clean)) break;
    if (/^\d+[a-z]?$/.test(clean) || /^n\.?\d+$/.test(clean)) {
      name.push(clean.replace(/^n\.?/, ''));
      break;
    }
    if (clean === 'numero' || clean === 'n' || clean === 'civico' || clean === 'number' || clean === 'no') continue;
    if (!/^[\p{L}']+$/u.test(clean)) break;
    name.push(clean);
    if (ended || name.length >= MAX_STREET_WORDS) break;
  }
  while (name.length > 0 && NAME_LINKS.has(name[name.length - 1]!)) name.pop();
  return name.length > 0 ? `${prefix} ${name.join(' ')}` : undefined;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A known place named in the message ("a Marlia", "in lammari"), longest name first, as the
 * territory spells it ("segromigno in monte" is «Segromigno in Monte»).
 */
function findKnownPlace(normalized: string, knownPlaces: readonly string[]): string | undefined {
  const byName = new Map(knownPlaces.map((place) => [normalizeText(place), place] as const));
  const names = [...byName.keys()].filter((n) => n.length >= 3).sort((a, b) => b.length - a.length);
  const found = names.find((name) => new RegExp(`(?:^|\\s)${escape(name)}(?:$|[\\s,.;!?])`).test(normalized));
  return found === undefined ? undefined : byName.get(found);
}

/** "via di tiglio" -> "Via di Tiglio": capitals but on the small words inside a street name. */
const titleCase = (s: string) =>
  s.replace(/(^|\s)(\p{L}[\p{L}']*)/gu, (_, space: string, word: string) =>
    space + (space && NAME_LINKS.has(word) ? word : word[0]!.toUpperCase() + word.slice(1)),
  );

export function extractReport(text: string, options: ExtractionOptions = {}): ExtractedReport {
  const description = text.trim();
  const normalized = normalizeText(description).replace(/['’]/g, ' ');
  const street = findStreet(normalized);
  const rest = street ? normalized.replace(street.replace(/^via /, ''), ' ') : normalized;
  const known = findKnownPlace(rest, options.knownPlaces ?? []);
  const placeParts = [street ? titleCase(street) : undefined, known].filter((p): p is string => Boolean(p));
  const when = timeWordsIn(description);
  return {
    description,
    ...(street ? { place: placeParts.join(', ') } : {}),
    // The known place alone is an area; with a street it is where to look if the street is not found.
    ...(known ? { area: known } : {}),
    ...(when ? { when } : {}),
  };
}
