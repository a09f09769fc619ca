/** The report dialog's wording by language. */
import type { Language } from '../../dialog/state';
import { en } from './en';
import { it } from './it';
import type { ReportPrompts } from './types';

const PROMPTS: Record<Language, ReportPrompts> = { it, en };

export const promptsFor = (lang: Language): ReportPrompts => PROMPTS[lang];
export type { ReportPrompts } from './types';
