/**
 * Choice menus of the flow: the labels shown in the citizen's language, and the options matched
 * against an answer, which accept the labels and words of every language.
 */
import { LANGUAGES, type Language } from '../src/dialog/state';
import { matchChoice, type ChoiceOption } from './nlp';
import { promptsFor, type ReportPrompts } from '../src/texts/citizen';
import type { Choices } from '../src/texts/citizen/types';

type Picker<K extends string> = (p: ReportPrompts) => Choices<K>;

const optionsCache = new Map<string, ChoiceOption[]>();

/** A named menu: `labels(lang)` to show, `match(text)` to read the answer (number, label, word). */
export function menu<K extends string>(name: string, keys: readonly K[], pick: Picker<K>) {
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
      return result.ok ? (result.id as K) : undefined;
    },
  };
}

export const yesNoMenu = menu('yes-no', ['yes', 'no'] as const, (p) => p.yesNo);
export const consentMenu = menu('consent', ['accept', 'refuse'] as const, (p) => p.consent.choices);
export const reliabilityMenu = menu('reliability', ['seen', 'heard', 'unsure'] as const, (p) => p.reliability);
export const skipMenu = menu('skip', ['skip'] as const, (p) => p.photo.skip);
export const summaryMenu = menu('summary', ['send', 'edit', 'cancel'] as const, (p) => p.summary.actions);
export const editMenu = menu('edit', ['category', 'reliability', 'location', 'photo', 'description'] as const, (p) => ({
  labels: p.summary.fields,
  words: p.edit.words,
}));
export const alertsMenu = menu('alerts', ['place', 'zone', 'list', 'remove', 'close'] as const, (p) => p.alerts.menu);
export const radiusMenu = menu('alert-radius', ['r250', 'r500', 'r1000'] as const, (p) => p.alerts.radius);
