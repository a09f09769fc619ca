/**
 * What a flow gives the generic engine: its steps as data (prompt + validate -> {ok, value} or a
 * re-prompt, like grammY conversations' form helpers), the wording the engine itself needs, and
 * the language functions it should use. The engine runs no report logic and does no I/O of its
 * own; a step's result may only carry a report's id and whether the turn created or changed one
 * (for the inbox record and the panel's live update).
 */
import type { InboundMessage, InboundPayload } from '../domain/message';
import type { DialogReply } from './engine.types';
import type { Consent, DialogState, Language } from './state';

export type PayloadKind = InboundPayload['kind'];

export type StepContext<D, S> = {
  state: Readonly<DialogState<D>>;
  draft: D;
  lang: Language;
  services: S;
  message: InboundMessage;
  /** The text of the message, or a photo's caption. */
  text?: string;
  citizenRef: string;
  now: Date;
};

export type StepSuccess<D> = {
  ok: true;
  next: string;
  draft?: D;
  /** Said before the next step's question (merged into it when they are plain text). */
  replies?: DialogReply[];
  /** Keep `replies` as messages of their own instead of merging the last one into the question. */
  separate?: boolean;
  /** Set by the consent step. */
  consent?: Consent;
  /** Leave the saved history alone (e.g. when the step itself jumps elsewhere). */
  keepHistory?: boolean;
  /** Come back to this step once the next question (and its sub-steps) is answered: corrections. */
  returnTo?: string;
  reportId?: string;
  reportCreated?: boolean;
  reportUpdated?: boolean;
  /**
   * Forget the dialog: draft, history and consent are dropped and the chat rests at the flow's
   * initial step (as a first contact) or its declined step (data erased, consent withdrawn).
   * `next` is then ignored.
   */
  reset?: StateReset;
};

export type StateReset = 'initial' | 'declined';

/**
 * An unusable answer: `reason` is said, then the step's question again (or `prompt` instead, when
 * the question must change, e.g. "send a pin" while addresses cannot be looked up).
 */
export type StepFailure = { ok: false; reason: string; prompt?: DialogReply };

export type StepOutcome<D> = StepSuccess<D> | StepFailure;

export type FlowStep<D, S> = {
  id: string;
  /** A sub-step (e.g. "is this the address?") belongs to the question it refines. */
  parent?: string;
  /** No dialog in progress here: the idle rules and "indietro" do not apply. */
  resting?: boolean;
  /** The step may only be reached once the current privacy notice is accepted. */
  needsConsent?: boolean;
  /** Message kinds the step understands; others get a polite explanation and the question again. */
  accepts: readonly PayloadKind[];
  prompt?(ctx: StepContext<D, S>): DialogReply;
  /** Contextual help for "aiuto" and after repeated failures. */
  help?(ctx: StepContext<D, S>): string;
  handle(ctx: StepContext<D, S>): Promise<StepOutcome<D>>;
};

/**
 * A word the flow understands at any step, besides the engine's own COMMANDS (the flow decides how
 * strictly the message must match). Either an action run at once, after which the dialog in
 * progress continues (e.g. "STOP" ending alert subscriptions), or a side dialog opened at its
 * `aside` step (e.g. "avvisi"): it runs on its own steps and, once it reaches a resting step (or is
 * left with "annulla"/"indietro", or idle past `resumeAfterMs`), the dialog it interrupted continues
 * where it was, its draft untouched.
 */
export type FlowShortcut<D, S> = { name: string; matches(text: string): boolean } & (
  | { run(ctx: StepContext<D, S>): Promise<DialogReply[] | { replies: DialogReply[]; reset: StateReset }> }
  | {
      aside: string;
      /** Said before the side dialog's first question (e.g. what an erasure would remove). */
      lead?(ctx: StepContext<D, S>): Promise<DialogReply[]>;
    }
);

export const COMMANDS = ['cancel', 'back', 'help', 'status', 'privacy', 'language', 'english', 'italian', 'start'] as const;
export type CommandName = (typeof COMMANDS)[number];

/** Words the engine says itself, in one language. */
export type EngineTexts = {
  emergency: string;
  /** A message of this kind where the step cannot use it (voice notes never reach a step: see voice.ts). */
  unsupported: Record<Exclude<PayloadKind, 'audio'>, string>;
  /** Voice notes: the transcript shown for confirmation, and why there is none. */
  voice: VoiceTexts;
  cancelled: string;
  cancelledBeforeConsent: string;
  nothingToCancel: string;
  backAtStart: string;
  expired: string;
  resumeQuestion: string;
  resumeChoices: { resume: string; restart: string };
  /** Extra words that select resume / restart. */
  resumeWords: { resume: string[]; restart: string[] };
  resumed: string;
  restarted: string;
  restartedAfterUpdate: string;
  languageSwitched: string;
  notUnderstood: string;
  alreadyInProgress: string;
  /** Prefixed to the step's help after repeated failures. */
  helpOffer: string;
  /** Help when no dialog is in progress. */
  generalHelp: string;
  /** The list of commands, appended to every help. */
  commandsHelp: string;
  /** Words that trigger each global command (every language's words are always active). */
  commandWords: Record<CommandName, string[]>;
  /** Said when "annulla"/"indietro" leaves a side dialog (see FlowShortcut). @defaultValue `cancelled` */
  asideClosed?: string;
  /** Said before the interrupted dialog's question when a side dialog ends. @defaultValue `resumed` */
  asideDone?: string;
};

export type VoiceTexts = {
  /** "I heard: «…». Is that right?" */
  heard(transcript: string): string;
  choices: { yes: string; no: string };
  /** Extra words for yes / no, besides the choices' labels. */
  words: { yes: string[]; no: string[] };
  /** Said when the citizen says the transcript is wrong, before the question again. */
  rejected: string;
  /** Why the voice note could not be used, before the question again. */
  failed: Record<'too_long' | 'too_large' | 'empty' | 'failed', string>;
};

export type ChoiceMatcher = (
  input: string,
  options: Array<{ id: string; labels: string[] }>,
) => { ok: true; id: string } | { ok: false; reason: string; candidates?: string[] };

/** Language understanding the engine needs; the flow passes src/nlp's implementations. */
export type EngineNlp = {
  isEmergency(text: string): boolean;
  /** The key whose words the whole message is (typos, "/", courtesy words allowed), else undefined. */
  matchKeyword(text: string, keywords: Record<string, string[]>): string | undefined;
  matchChoice: ChoiceMatcher;
};

export type FlowDefinition<D, S> = {
  version: number;
  steps: Readonly<Record<string, FlowStep<D, S>>>;
  /** Resting step of a citizen never seen before (or whose state was unusable without consent). */
  initialStep: string;
  /** Resting step after a finished or cancelled dialog. */
  restStep: string;
  /** Resting step after the privacy notice was refused. */
  declinedStep: string;
  consentStep: string;
  firstQuestion: string;
  emptyDraft(): D;
  /** True when nothing worth resuming has been answered yet. */
  isDraftEmpty(draft: D): boolean;
  /** True when a stored draft can be used by this version of the flow. */
  isDraft(value: unknown): value is D;
  /** Migrations from an older flowVersion to the next one; missing ones mean "restart politely". */
  migrations?: Readonly<Record<number, (state: DialogState<unknown>) => DialogState<unknown>>>;
  /** Version of the privacy notice currently in force. */
  consentVersion(services: S): string;
  /** Idle rules in milliseconds. */
  resumeAfterMs: number;
  expireAfterMs: number;
  texts(lang: Language): EngineTexts;
  /** Replies of the "stato" and "privacy" commands. */
  status(ctx: StepContext<D, S>): Promise<DialogReply[]>;
  privacy(ctx: StepContext<D, S>): DialogReply[];
  /** Asked when consent is missing or outdated on a step that needs it. */
  consentNeeded(ctx: StepContext<D, S>, outdated: boolean): DialogReply[];
  nlp: EngineNlp;
  /** The flow's own words that work at any step (checked before the engine's commands). */
  shortcuts?: ReadonlyArray<FlowShortcut<D, S>>;
  /**
   * The key of the word that works at any step this whole message is, the commands' as
   * `command:<name>`, when the flow's shortcuts match against one such list too: commands are then
   * read from the same answer (one match per turn).
   */
  anytimeWordOf?: (text: string) => string | undefined;
};
