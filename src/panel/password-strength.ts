/**
 * Password strength, offline: zxcvbn-ts with its common, Italian and English dictionaries (names,
 * words, keyboard patterns, leaked passwords). A new password must reach score 3 of 4 ("safely
 * unguessable: moderate protection from offline slow-hash scenario") after the length rule, and it
 * must not be built from the operator's own username or name.
 */
import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import * as it from '@zxcvbn-ts/language-it';
import { panelTexts } from '../texts/panel';

export const MIN_PASSWORD_SCORE = 3;

const checkers = {
  it: new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary, ...it.dictionary },
    graphs: common.adjacencyGraphs,
    translations: it.translations,
  }),
  en: new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary, ...it.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  }),
};

export type StrengthVerdict = { ok: true; score: number } | { ok: false; score: number; hint: string };

/** Scores `password`; `personal` are words the operator's own details give away (username, name). */
export function passwordStrength(password: string, personal: readonly string[] = [], lang: 'it' | 'en' = 'it'): StrengthVerdict {
  // zxcvbn's cost grows with the length: the length rule (max 256) is checked before, and only the first 100 characters matter here.
  const result: ZxcvbnResult = checkers[lang].check(password.slice(0, 100), personal.filter(Boolean).map(String));
  if (result.score >= MIN_PASSWORD_SCORE) return { ok: true, score: result.score };
  const hint = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(' ');
  return {
    ok: false,
    score: result.score,
    hint: hint || panelTexts[lang].server.passwordHarder,
  };
}
