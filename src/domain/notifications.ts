/**
 * What a citizen is told when an agent acts on their report: which actions, and what each notice
 * carries. The wording is in src/texts/citizen (notices.it.ts, notices.en.ts; notice-text.ts puts
 * a notice together). The same update goes to the report's followers (citizens who confirmed it,
 * or whose report was merged into it), each in their own language, with a head saying it is a
 * report they follow. A merged duplicate names the ticket it was merged into: the one whose
 * updates the citizen receives from then on.
 */
import type { Outcome, ReportAction } from './report';

export type CitizenNotice =
  | { action: 'take' }
  | { action: 'ask_info'; question: string }
  | { action: 'dispatch' }
  /** `message`: closing words from a reply template, in the citizen's language. */
  | { action: 'close'; outcome: Outcome; message?: string }
  | { action: 'reject' }
  /** `mergedInto`: the ticket the report was merged into (its updates reach this citizen from now on). */
  | { action: 'mark_duplicate'; mergedInto?: string };

/** Who is reading: the report's own citizen, or a follower of it. */
export type NoticeReader = 'citizen' | 'follower';

/** Actions after which the citizen is told something; the others (reopen, info_received) stay internal. */
export const NOTIFIED_ACTIONS: readonly ReportAction[] = ['take', 'ask_info', 'dispatch', 'close', 'reject', 'mark_duplicate'];

/**
 * Actions whose notice also goes to the followers. Not ask_info: the question is for the citizen
 * who sent the report, whose answer the dialog attaches to it (a follower's would not be).
 */
export const FOLLOWER_NOTIFIED_ACTIONS: readonly ReportAction[] = ['take', 'dispatch', 'close', 'reject', 'mark_duplicate'];

/** The after-close question's answers, in the order offered (src/app/citizens/resolution-check.ts). */
export const RESOLUTION_ANSWERS = ['solved', 'not_solved', 'still_there'] as const;
