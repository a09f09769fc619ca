/**
 * What the bot says after a report is sent: adding photos and words to an open report
 * (flows/follow-up.ts) and the answer to "Il problema è stato risolto?" after a close
 * (flows/resolution-answer.ts). Part of ReportPrompts as `care`.
 */
import type { ResolutionAnswer } from '../../domain/ports';

/** What the citizen sent that may go to a report: a photo, words, or nothing yet («aggiungi»). */
export type FollowUpWhat = 'photo' | 'text' | 'nothing';

export type CarePrompts = {
  followUp: {
    /** «aggiungi», "add": words that open the choice of the report to add to. */
    words: string[];
    askOne(p: { ticket: string; what: FollowUpWhat }): string;
    askWhich(p: { what: FollowUpWhat }): string;
    /** The button adding to one report. */
    addTo(ticket: string): string;
    /** The button for "it is something else". */
    newReport: string;
    yesWords: string[];
    newWords: string[];
    notUnderstood: string;
    help: string;
    sendNow(p: { ticket: string; photosLeft: number }): string;
    added(p: { ticket: string; photo: boolean; photos: number; max: number }): string;
    photoLimit(p: { ticket: string; max: number }): string;
    /** The report was closed: nothing can be added; a new report is offered. */
    closed(ticket: string): string;
    nothingOpen: string;
    done: { label: string; words: string[] };
    finished(ticket: string): string;
  };
  resolution: {
    /** Words besides the buttons' labels (notices.*.ts resolution.choices). */
    words: Record<ResolutionAnswer, string[]>;
    solved(ticket: string): string;
    reopened(ticket: string): string;
    followUp(p: { ticket: string; newTicket: string }): string;
    /** "Not solved" after the configured days: recorded, a new report is suggested. */
    late(ticket: string): string;
  };
};
