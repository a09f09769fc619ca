/**
 * Everything a citizen reads, in one language: the report dialog, the notices of agents' actions,
 * the channel adapters' own words. Italian (it.ts) is the default; en.ts must say the same things
 * (tests/unit/language-parity.test.ts checks keys, placeholders and arities). Choice labels are
 * plain (no numbers): channels without buttons number them.
 */
import type { HoursWords } from '../../domain/service-hours';
import type { EngineTexts } from '../../dialog/flow.types';
import type { Reliability, ReportStatus } from '../../domain/report';
import type { LimitPrompts, RightsPrompts } from './rights.types';
import type { CarePrompts } from './care.types';
import type { NoticePrompts } from './notices.types';
import type { ChannelPrompts } from './channels.types';
import type { SimulatorTexts } from './simulator.it';

export type EditField = 'category' | 'reliability' | 'location' | 'photo' | 'description';
export type SummaryAction = 'send' | 'edit' | 'cancel';
export type AlertsAction = 'place' | 'zone' | 'list' | 'remove' | 'close';
export type AlertRadius = 'r250' | 'r500' | 'r1000';

/** Labels of a set of choices, and extra words that select each. */
export type Choices<K extends string> = { labels: Record<K, string>; words: Record<K, string[]> };

export type ReportPrompts = EngineTexts & {
  welcome(p: { town: string; hours: string; closedUntil?: string }): string;
  consent: {
    /** The short notice and the question. */
    question(p: { controller: string }): string;
    choices: Choices<'accept' | 'refuse'>;
    notUnderstood: string;
    /** A report (or photo) sent while the notice waits for an answer: kept, and read once accepted. */
    keptForLater: string;
    accepted: string;
    refused: string;
    outdated: string;
    help: string;
  };
  privacyNotice(p: { controller: string; version: string }): string;
  yesNo: Choices<'yes' | 'no'>;
  /** Starting a new report when no dialog is in progress. */
  newReport: string;
  /**
   * After a report: `words` alone are thanks; a message made only of those, `courtesy` and the
   * greetings ("grazie mille, buona giornata") is answered with `reply`, never taken as a report.
   */
  thanks: { words: string[]; courtesy: string[]; reply: string };
  /** When it was seen, told while another question waits: kept, that question asked again. */
  whenKept(when: string): string;
  /** Questions about the service asked at any step ("ma è anonimo?"): flows/service-questions.ts. */
  serviceQuestions: { anonymity: string; hours(hours: string): string; whatNext: string; photo: string };
  /** A first message made only of these words is a greeting: it cannot name a category (no classifier run). */
  greetings: string[];
  category: {
    prompt: string;
    help: string;
    notUnderstood: string;
    ambiguous(labels: string[]): string;
    suggest(label: string): string;
    suggestionRejected: string;
    chosen(label: string): string;
    /** Unsure between two categories, one of them sensitive: a clear either/or. */
    either(first: string, second: string): string;
    /** The third button of the either/or. */
    neither: string;
    /** Words that take back the category just given ("scusa, volevo dire vandalismo"), at the next questions. */
    changeOfMind: string[];
  };
  reliability: Choices<Reliability> & {
    prompt: string;
    help: string;
    notUnderstood: string;
    /** How the citizen knows, told before the category was settled: kept, the category asked again. */
    keptForLater: string;
  };
  /** A report written in one message: what was understood from it. */
  oneMessage: {
    understood(p: { where?: string; when?: string; photos: number }): string;
    /** The place named could not be found or is outside the municipality: asked again later. */
    placeNotFound(place: string): string;
    /** Addresses cannot be looked up at the moment: the place is asked again later (a pin). */
    placeLookupDown(place: string): string;
  };
  location: {
    prompt: string;
    /** Asked instead of `prompt` when the citizen already named the frazione or place. */
    promptIn(area: string): string;
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
    /** Details told at the photo question, added to the description the citizen gave before. */
    detailsAdded: string;
    /** Details told at the photo question, before any description: kept as the description. */
    detailsKept: string;
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
    /** The label of the time words the citizen wrote ("Quando: stanotte"); corrected with the description. */
    when: string;
    photos(count: number): string;
    question: string;
    actions: Choices<SummaryAction>;
    help: string;
    notUnderstood: string;
    incomplete: string;
  };
  edit: {
    prompt: string;
    help: string;
    words: Record<EditField, string[]>;
    /**
     * At the summary, a correction that names what is wrong ("la posizione è sbagliata", "wrong
     * street") goes straight to it: `cue` words say something is to change, `mentions` name the
     * answer (single words, matched as whole words).
     */
    inSentence: { cue: string[]; mentions: Record<EditField, string[]> };
    notUnderstood: string;
  };
  submitted(p: { ticket: string; closedUntil?: string }): string;
  /** Before sending: an open report of the same category nearby, sent by someone else. */
  nearby: {
    /** Category, zone and day only; never the street, the time, who sent it or what they wrote. */
    question(p: { category: string; where: string; ago: string }): string;
    /** "today", "yesterday", "3 days ago": never finer than the day. */
    ago(days: number): string;
    /** Where, when the report is in no zone. */
    somewhere: string;
    zone(name: string): string;
    help: string;
    notUnderstood: string;
    /** The confirmation was added: the citizen now follows that report. */
    confirmed(p: { ticket: string; closedUntil?: string }): string;
    /** That report was closed meanwhile: the citizen's is sent as a new one. */
    goneMeanwhile: string;
  };
  /** Area alerts ("points of interest"): the "avvisi" menu and "STOP". */
  alerts: {
    /** Words that open the menu at any time (also with a leading "/"). */
    words: string[];
    menu: Choices<AlertsAction> & { prompt: string; help: string; notUnderstood: string };
    location: { prompt: string; help: string; expected: string; outside(town: string): string };
    radius: Choices<AlertRadius> & { prompt(place: string): string; help: string; notUnderstood: string };
    zone: { prompt: string; help: string; notUnderstood: string };
    remove: { prompt: string; help: string; notUnderstood: string; removed(what: string): string };
    list: { title: string; none: string };
    /** "within 500 m of Via del Popolo, Lammari". */
    area(p: { radius: string; place: string }): string;
    /** An area's place when no street is known: "a point in the Lammari area". */
    point(zoneName?: string): string;
    /** "the Lammari area". */
    zoneName(name: string): string;
    subscribed(what: string): string;
    already(what: string): string;
    limit(max: number): string;
    closed: string;
    stopped(count: number): string;
    nothingToStop: string;
  };
  status: {
    title: string;
    none: string;
    /** After a report the citizen follows (confirmed) rather than sent. */
    following: string;
    words: Record<ReportStatus, string>;
  };
  agentAnswer: {
    thanks(ticket: string): string;
  };
  /** "today at 08:00", "tomorrow at 08:00", "Monday 14 December at 08:00". */
  when: { today(time: string): string; tomorrow(time: string): string; on(day: string, time: string): string; unknown: string };
  /** The weekly service hours in words ("lun, mar 08:00-13:00; sab 08:00-12:00 (festivi esclusi)"), also shown in the panel. */
  serviceHours: HoursWords;
  /** Data rights through the bot (rights.it.ts, rights.en.ts). */
  rights: RightsPrompts;
  /** Abuse limits' polite answers. */
  limits: LimitPrompts;
  /** Adding to an open report, the after-close answer (care.it.ts, care.en.ts). */
  care: CarePrompts;
  /** What an agent's action on a report tells the citizen, and the after-close question (notices.it.ts, notices.en.ts). */
  notices: NoticePrompts;
  /** What the channel adapters say themselves, and the apology (channels.it.ts, channels.en.ts). */
  channels: ChannelPrompts;
  /** The citizen simulator page's own words (simulator.it.ts, simulator.en.ts; the page bundles only those two). */
  simulator: SimulatorTexts;
};
