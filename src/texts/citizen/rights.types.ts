/**
 * What the bot says about the citizen's data rights (GDPR art. 15, 17, 21), in one language: part
 * of ReportPrompts as `rights`. The words that trigger each right work at any step, in every language.
 */
/** Same shape as Choices in ./types.ts (not imported: types.ts imports this file). */
type Choices<K extends string> = { labels: Record<K, string>; words: Record<K, string[]> };

export type RightsPrompts = {
  words: { myData: string[]; export: string[]; erase: string[]; withdraw: string[] };
  /** Appended to the privacy notice: how long each kind of data is kept. */
  retention(p: { messagesDays: number; identityLinkMonths: number; auditYears: number; photosMonths: number }): string;
  /** Appended to the privacy notice: how to exercise the rights here. */
  howTo: string;
  data: {
    title(town: string): string;
    consent(p: { version: string; at: string }): string;
    noConsent: string;
    reports(lines: string[]): string;
    noReports: string;
    followed(lines: string[]): string;
    alerts(count: number): string;
    messages(count: number): string;
    contact: string;
    noContact: string;
    /** What can be done next. */
    next: string;
  };
  export: { intro: string; part(p: { index: number; total: number }): string };
  erase: {
    explain(p: { tickets: string[] }): string;
    prompt: string;
    choices: Choices<'yes' | 'no'>;
    help: string;
    notUnderstood: string;
    done(p: { reports: number; alerts: number; messages: number }): string;
    kept: string;
  };
  withdraw: { done: string };
};

/** Abuse limits' polite answers (part of ReportPrompts as `limits`). */
export type LimitPrompts = {
  tooFast: string;
  reportsPerDay(max: number): string;
  /** The one notice to a citizen an agent blocked. */
  blocked(until: string): string;
};
