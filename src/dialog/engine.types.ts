/**
 * The contract between the intake pipeline and the dialog engine:
 * (saved state, inbound message) -> (new state, replies). The engine reaches the outside only
 * through the ports in DialogServices, so it can run unchanged for every channel.
 */
import type { InboundMessage, Language } from '../domain/message';

export type DialogReply = { text: string; choices?: string[]; requestLocation?: boolean };

export type DialogInput<S> = {
  /** null on first contact. */
  state: S | null;
  message: InboundMessage;
  /** Pseudonymous id of the citizen (never the phone number). */
  citizenRef: string;
  now: Date;
};

export type DialogTurn<S> = {
  state: S;
  replies: DialogReply[];
  /** The language the replies are written in (the dialog's language after this turn). */
  language?: Language;
  /** The report this turn created or is about (for the inbox record and the timeline). */
  reportId?: string;
  /** true when this turn created the report (the panel is told live). */
  reportCreated?: boolean;
  /** true when this turn changed an existing report (citizen's answer to an agent's question). */
  reportUpdated?: boolean;
  /** true when the message read like an emergency (the citizen was pointed to 112). */
  emergency?: boolean;
  /** With reportCreated: the voice notes (inbox ids) whose confirmed transcripts went into the report. */
  voiceNotes?: string[];
};

export interface DialogEngine<S = unknown> {
  handle(input: DialogInput<S>): Promise<DialogTurn<S>>;
}
