/**
 * The saved dialog state: an explicit state machine `{flowVersion, step, draft}` rather than
 * replayed code, so a deploy can meet half-finished dialogs and decide what to do with them.
 * Everything is plain JSON (times as ISO strings) because it is stored as a MongoDB document.
 */

import { LANGUAGES, type Language } from '../domain/message';

export { LANGUAGES, type Language };
export const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language);

/** The privacy notice the citizen accepted, and when. */
export type Consent = { version: string; at: string };

export type DialogState<D> = {
  /** Version of the flow that wrote this state; another version is migrated or restarted. */
  flowVersion: number;
  /** The step waiting for the citizen's next message. */
  step: string;
  /** The answers collected so far. */
  draft: D;
  language: Language;
  /** The citizen chose the language with a command («english», «italiano»): it no longer follows their words. */
  languageChosen?: boolean;
  consent?: Consent;
  /** Unusable answers in a row at this step; help is offered after a few. */
  failures: number;
  /** Question steps answered so far, most recent last: where "indietro" goes. */
  history: string[];
  /** ISO time of the citizen's last message, for the idle and expiry rules. */
  lastActivityAt: string;
  /** While asking "resume or restart?" after a pause: the step to resume. */
  resumeStep?: string;
  /** While a field is corrected from the summary: the step to come back to afterwards. */
  returnTo?: string;
  /** While a side dialog runs (see FlowShortcut): which one, and where the interrupted dialog was. */
  aside?: AsideState;
  /** A voice note's transcript waiting for the citizen's "yes" (see voice.ts), and the activity time before it. */
  heard?: HeardState;
  /** Inbox ids of the voice notes whose transcript the citizen confirmed in this dialog (linked to the report it creates). */
  voiceNotes?: string[];
};

export type HeardState = { text: string; lastActivityAt: string; messageId?: string };

export type AsideState = { name: string; from: string; history: string[]; returnTo?: string };

/** True when a stored value is a usable AsideState. */
export function isAsideState(raw: unknown): raw is AsideState {
  return (
    isRecord(raw) &&
    typeof raw.name === 'string' &&
    typeof raw.from === 'string' &&
    Array.isArray(raw.history) &&
    raw.history.every((s) => typeof s === 'string') &&
    (raw.returnTo === undefined || typeof raw.returnTo === 'string')
  );
}

/** The engine's own step, asking whether to resume a dialog left idle. */
export const RESUME_STEP = 'resume';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The parts of a stored value worth keeping whatever else is wrong with it. */
export function salvage(raw: unknown): { language?: Language; consent?: Consent } {
  if (!isRecord(raw)) return {};
  const consent = raw.consent;
  return {
    language: isLanguage(raw.language) ? raw.language : undefined,
    consent:
      isRecord(consent) && typeof consent.version === 'string' && typeof consent.at === 'string'
        ? { version: consent.version, at: consent.at }
        : undefined,
  };
}

/** True when the stored value has the shape of a DialogState (the draft is the flow's to check). */
export function hasStateShape(raw: unknown): raw is DialogState<unknown> {
  return (
    isRecord(raw) &&
    typeof raw.flowVersion === 'number' &&
    typeof raw.step === 'string' &&
    isRecord(raw.draft) &&
    isLanguage(raw.language) &&
    typeof raw.failures === 'number' &&
    Array.isArray(raw.history) &&
    raw.history.every((s) => typeof s === 'string') &&
    typeof raw.lastActivityAt === 'string' &&
    !Number.isNaN(Date.parse(raw.lastActivityAt))
  );
}
