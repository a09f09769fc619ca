/**
 * What the citizen reads when an agent acts on their report (src/texts/citizen/notice-text.ts puts
 * it together) and the after-close question. Part of ReportPrompts as `notices`.
 * Worded for a citizen: no agent names, no patrol units, no internal notes, nothing about who else
 * reported or confirmed; a neutral wording for rejections and duplicates.
 */
import type { Outcome } from '../../domain/report';
import type { ResolutionAnswer } from '../../domain/ports';

export type NoticePrompts = {
  /** The head of every notice: the citizen's own report, or one they follow. */
  head: { citizen(ticket: string): string; follower(ticket: string): string };
  take: string;
  askInfo(question: string): string;
  dispatch: string;
  close: Record<Outcome, string>;
  /** The closing words of a reply template, after the close text. */
  closingWords(message: string): string;
  reject: string;
  duplicate: string;
  /** Merged into another report, whose updates the citizen receives from now on. */
  merged(into: string): string;
  /** Appended to the notices that leave the citizen waiting. */
  emergency: string;
  resolution: { question(ticket: string): string; choices: Record<ResolutionAnswer, string> };
  /** Around a supervisor's advisory to area-alert subscribers (the advisory's words are never changed). */
  advisory: {
    head(p: { municipality: string; zones: string; zoneCount: number }): string;
    footer: string;
  };
};
