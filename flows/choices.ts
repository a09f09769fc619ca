/**
 * Choice menus of the flow: the labels shown in the citizen's language, and the options matched
 * against an answer, which accept the labels and words of every language.
 */
import { LANGUAGES, type Language } from '../src/dialog/state';
import { matchChoice, tokenize, type ChoiceOption } from './nlp';
import { promptsFor, type ReportPrompts } from '../src/texts/citizen';
import type { Choices } from '../src/texts/citizen/types';

type Picker<K extends string> = (p: ReportPrompts) => Choices<K>;

const optionsCache = new Map<string, ChoiceOption[]>();

/**
 * Words that deny what follows ("non inviare", "nn accetto", "don't send"). Bare "no" is not one:
 * "no, invia" and "no problem" are common; set phrases that deny nothing are removed first.
 */
const NEGATION = /\b(?:non|nn|not|don t|dont|do not|never|mai|neanche|nemmeno)\b/;
const NOT_A_DENIAL = /\b(?:non c e problema|non ci sono problemi|non fa niente|non importa|not a problem|why not|perche no)\b/g;

/** Does this answer deny something? Then it is never read as one of the menu's assenting options. */
export function deniesSomething(text: string): boolean {
  return NEGATION.test(tokenize(text).join(' ').replace(NOT_A_DENIAL, ' '));
}

/**
 * A named menu: `labels(lang)` to show, `match(text)` to read the answer (number, label, word).
 * `assenting` options (send, accept, yes) are never read from an answer that denies something
 * ("non inviare", "nn accetto"): such an answer is asked again rather than taken the wrong way.
 */
export function menu<K extends string>(name: string, keys: readonly K[], pick: Picker<K>, assenting: readonly K[] = []) {
  const options = (): ChoiceOption[] => {
    let cached = optionsCache.get(name);
    if (!cached) {
      cached = keys.map((key) => ({
        id: key,
        labels: LANGUAGES.flatMap((lang) => [pick(promptsFor(lang)).labels[key], ...pick(promptsFor(lang)).words[key]]),
      }));
      optionsCache.set(name, cached);
    }
    return cached;
  };
  return {
    labels: (lang: Language): string[] => keys.map((key) => pick(promptsFor(lang)).labels[key]),
    label: (lang: Language, key: K): string => pick(promptsFor(lang)).labels[key],
    match(text: string): K | undefined {
      const result = matchChoice(text, options());
      if (!result.ok) return undefined;
      const key = result.id as K;
      return assenting.includes(key) && deniesSomething(text) ? undefined : key;
    },
    /** The options a text names when it names several alike ("non sono sicuro, me l'ha detto il vicino"); else none. */
    named(text: string): K[] {
      const result = matchChoice(text, options());
      return !result.ok && result.reason === 'ambiguous' ? ((result.candidates ?? []) as K[]) : [];
    },
  };
}

export const yesNoMenu = menu('yes-no', ['yes', 'no'] as const, (p) => p.yesNo, ['yes']);
export const consentMenu = menu('consent', ['accept', 'refuse'] as const, (p) => p.consent.choices, ['accept']);
export const reliabilityMenu = menu('reliability', ['seen', 'heard', 'unsure'] as const, (p) => p.reliability);
export const skipMenu = menu('skip', ['skip'] as const, (p) => p.photo.skip);
export const summaryMenu = menu('summary', ['send', 'edit', 'cancel'] as const, (p) => p.summary.actions, ['send']);
export const editMenu = menu('edit', ['category', 'reliability', 'location', 'photo', 'description'] as const, (p) => ({
  labels: p.summary.fields,
  words: p.edit.words,
}));
export const alertsMenu = menu('alerts', ['place', 'zone', 'list', 'remove', 'close'] as const, (p) => p.alerts.menu);
export const radiusMenu = menu('alert-radius', ['r250', 'r500', 'r1000'] as const, (p) => p.alerts.radius);
