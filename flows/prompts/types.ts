/**
 * Everything the report dialog says, in one language. Italian (it.ts) is the default; en.ts must
 * say the same things. Choice labels are plain (no numbers): channels without buttons number them.
 */
import type { EngineTexts } from '../../src/dialog/flow.types';
import type { Reliability, ReportStatus } from '../../src/domain/report';

export type EditField = 'category' | 'reliability' | 'location' | 'photo' | 'description';
export type SummaryAction = 'send' | 'edit' | 'cancel';

/** Labels of a set of choices, and extra words that select each. */
export type Choices<K extends string> = { labels: Record<K, string>; words: Record<K, string[]> };

export type ReportPrompts = EngineTexts & {
  welcome(p: { town: string; hours: string; closedUntil?: string }): string;
  consent: {
    /** The short notice and the question. */
    question(p: { controller: string }): string;
    choices: Choices<'accept' | 'refuse'>;
    notUnderstood: string;
    accepted: string;
    refused: string;
    outdated: string;
    help: string;
  };
  privacyNotice(p: { controller: string; version: string }): string;
  yesNo: Choices<'yes' | 'no'>;
  /** Starting a new report when no dialog is in progress. */
  newReport: string;
  thanks: { words: string[]; reply: string };
  category: {
    prompt: string;
    help: string;
    notUnderstood: string;
    ambiguous(labels: string[]): string;
    suggest(label: string): string;
    suggestionRejected: string;
    chosen(label: string): string;
  };
  reliability: Choices<Reliability> & { prompt: string; help: string; notUnderstood: string };
  location: {
    prompt: string;
    /** Asked instead of `prompt` while addresses cannot be looked up. */
    pinOnly: string;
    help: string;
    notFound: string;
    geocoderDown: string;
    outside(p: { town: string; address?: string }): string;
    confirm(address: string): string;
    confirmRejected: string;
    received(p: { address?: string; zone?: string }): string;
    pinWithoutAddress: string;
  };
  photo: {
    prompt: string;
    skip: Choices<'skip'>;
    help: string;
    received: string;
    skipped: string;
    tooLarge: string;
    notAnImage: string;
    failed: string;
    expected: string;
    extraAdded: string;
    limitReached(max: number): string;
  };
  description: {
    prompt(max: number): string;
    help(max: number): string;
    tooLong(p: { length: number; max: number }): string;
    tooShort: string;
  };
  summary: {
    title: string;
    fields: Record<EditField, string>;
    photos(count: number): string;
    question: string;
    actions: Choices<SummaryAction>;
    help: string;
    notUnderstood: string;
    incomplete: string;
  };
  edit: { prompt: string; help: string; words: Record<EditField, string[]>; notUnderstood: string };
  submitted(p: { ticket: string; closedUntil?: string }): string;
  status: {
    title: string;
    none: string;
    words: Record<ReportStatus, string>;
  };
  agentAnswer: {
    thanks(ticket: string): string;
  };
  /** "today at 08:00", "tomorrow at 08:00", "Monday 14 December at 08:00". */
  when: { today(time: string): string; tomorrow(time: string): string; on(day: string, time: string): string; unknown: string };
};
