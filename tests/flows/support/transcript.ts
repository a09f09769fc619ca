/**
 * Table-driven conversations: each line is what the citizen sends and what the bot's replies must
 * contain (text fragments, the offered choices, a location request). A failing line names its
 * index and prints the whole turn, so the transcript reads like the chat it checks.
 */
import { expect } from 'vitest';
import type { DialogTurn } from '../../../src/dialog/engine.types';
import type { ReportDialogState } from '../../../flows/report.flow';
import { CATEGORIES } from '../../../config/categories';
import { TOWN_HALL } from '../../support/report-script';
import { allText, type Chat, type ChatOptions, type Harness, type Input } from './dialog-harness';

export type Expect = {
  /** Fragments that must appear in the replies (in any of them). */
  says?: string[];
  /** Fragments that must not appear. */
  not?: string[];
  /** The first reply must contain this (e.g. the emergency notice comes before anything else). */
  first?: string;
  /** Choices of the last reply, exactly. */
  choices?: string[];
  /** The last reply asks for a location pin. */
  pin?: boolean;
  replies?: number;
  /** The step the dialog waits at afterwards. */
  step?: string;
};

export type Line = { send: Input; expect?: Expect; wait?: number };

export type Transcript = {
  name: string;
  chat?: ChatOptions;
  lines: Line[];
  /** Further checks on the stored data after the conversation. */
  then?: (ctx: { h: Harness; chat: Chat; turns: DialogTurn<ReportDialogState>[] }) => Promise<void> | void;
};

const show = (turn: DialogTurn<ReportDialogState>) =>
  turn.replies
    .map((r) => `${r.text}${r.choices ? `  [${r.choices.join(' | ')}]` : ''}${r.requestLocation ? '  (pin)' : ''}`)
    .join('\n  ~~\n');

export function checkTurn(turn: DialogTurn<ReportDialogState>, e: Expect | undefined, where: string): void {
  if (!e) return;
  const text = allText(turn.replies);
  const context = `${where}\n  bot said:\n${show(turn)}\n  (step ${turn.state.step})`;
  for (const fragment of e.says ?? []) expect(text, context).toContain(fragment);
  for (const fragment of e.not ?? []) expect(text, context).not.toContain(fragment);
  if (e.first) expect(turn.replies[0]?.text, context).toContain(e.first);
  const last = turn.replies[turn.replies.length - 1];
  if (e.choices) expect(last?.choices, context).toEqual(e.choices);
  if (e.pin !== undefined) expect(Boolean(last?.requestLocation), context).toBe(e.pin);
  if (e.replies !== undefined) expect(turn.replies.length, context).toBe(e.replies);
  if (e.step) expect(turn.state.step, context).toBe(e.step);
}

/** Sends one message and checks the bot's turn (when an expectation is given); the turn is returned. */
export async function say(chat: Chat, send: Input, expectation?: Expect): Promise<DialogTurn<ReportDialogState>> {
  const turn = await chat.send(send);
  checkTurn(turn, expectation, `sent ${JSON.stringify(send)}`);
  return turn;
}

/** A report sent through the whole dialog (to the summary, then «Invia» / "Send"): the stored report, new. */
export async function sentReport(h: Harness, chat: Chat, lang: 'it' | 'en') {
  for (const line of lang === 'it' ? IT.atSummary : EN.atSummary) await chat.send(line.send);
  await chat.send(lang === 'it' ? 'Invia' : 'Send');
  const [report] = await h.reports.listByCitizen(chat.citizenRef, 1);
  expect(report?.status).toBe('new');
  return report;
}

export async function play(h: Harness, transcript: Transcript): Promise<void> {
  const chat = h.chat(transcript.chat);
  const turns: DialogTurn<ReportDialogState>[] = [];
  for (const [index, line] of transcript.lines.entries()) {
    if (line.wait) chat.wait(line.wait);
    const turn = await chat.send(line.send);
    turns.push(turn);
    checkTurn(turn, line.expect, `line ${index + 1} of "${transcript.name}": sent ${JSON.stringify(line.send)}`);
  }
  await transcript.then?.({ h, chat, turns });
}

const lines = (...inputs: Input[]): Line[] => inputs.map((send) => ({ send }));

/** Conversations up to a given question, to start transcripts from there. */
export const IT = {
  consented: lines('Ciao', 'Accetto'),
  atReliability: lines('Ciao', 'Accetto', 'rifiuti'),
  atLocation: lines('Ciao', 'Accetto', 'rifiuti', '1'),
  atPhoto: lines('Ciao', 'Accetto', 'rifiuti', '1', { location: { ...TOWN_HALL } }),
  atDescription: lines('Ciao', 'Accetto', 'rifiuti', '1', { location: { ...TOWN_HALL } }, 'salta'),
  atSummary: lines('Ciao', 'Accetto', 'rifiuti', '1', { location: { ...TOWN_HALL } }, 'salta', 'Sacchi di immondizia sul marciapiede.'),
};

export const EN = {
  consented: lines('english', 'I accept'),
  atReliability: lines('english', 'I accept', 'rubbish'),
  atLocation: lines('english', 'I accept', 'rubbish', '1'),
  atPhoto: lines('english', 'I accept', 'rubbish', '1', { location: { ...TOWN_HALL } }),
  atDescription: lines('english', 'I accept', 'rubbish', '1', { location: { ...TOWN_HALL } }, 'skip'),
  atSummary: lines('english', 'I accept', 'rubbish', '1', { location: { ...TOWN_HALL } }, 'skip', 'Bin bags dumped on the pavement.'),
};

/** The category menu as the citizen sees it. */
export const IT_MENU = CATEGORIES.map((c) => c.labels.it);
export const EN_MENU = CATEGORIES.map((c) => c.labels.en);

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
