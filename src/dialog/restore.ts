/**
 * Turning whatever is stored into a state this flow can run: a first contact, a current state,
 * an older flow version (migrated when a migration exists) or something unusable (restarted
 * politely, keeping only the language and the consent).
 */
import type { InboundMessage } from '../domain/message';
import { languageOfText } from '../nlp/text-language';
import type { FlowDefinition } from './flow.types';
import { hasStateShape, isAsideState, RESUME_STEP, salvage, type Consent, type DialogState, type Language } from './state';

/**
 * A first contact's language: the one their own words are clearly written in (WhatsApp says
 * nothing of it, and many Italians run Telegram in English); else their app's language; else Italian.
 */
export function languageOf(message: InboundMessage): Language {
  const written = languageOfText(wordsOf(message));
  if (written) return written;
  return message.sender.languageCode?.toLowerCase().startsWith('en') ? 'en' : 'it';
}

function wordsOf(message: InboundMessage): string {
  const p = message.payload;
  if (p.kind === 'text') return p.text;
  if (p.kind === 'photo') return p.caption ?? '';
  if (p.kind === 'audio') return p.transcript ?? '';
  return '';
}

export function freshState<D, S>(
  flow: FlowDefinition<D, S>,
  step: string,
  language: Language,
  now: Date,
  consent?: Consent,
): DialogState<D> {
  return {
    flowVersion: flow.version,
    step,
    draft: flow.emptyDraft(),
    language,
    ...(consent ? { consent } : {}),
    failures: 0,
    history: [],
    lastActivityAt: now.toISOString(),
  };
}

function migrate<S>(flow: FlowDefinition<unknown, S>, raw: DialogState<unknown>): DialogState<unknown> | undefined {
  let state = raw;
  while (state.flowVersion < flow.version) {
    const step = flow.migrations?.[state.flowVersion];
    if (!step) return undefined;
    try {
      state = step(state);
    } catch {
      return undefined;
    }
    if (!hasStateShape(state)) return undefined;
  }
  return state;
}

function isRunnable<D, S>(flow: FlowDefinition<D, S>, state: DialogState<unknown>): state is DialogState<D> {
  if (state.flowVersion !== flow.version || !flow.isDraft(state.draft)) return false;
  if (state.history.some((step) => !(step in flow.steps))) return false;
  if (state.aside !== undefined) {
    const { aside } = state;
    if (!isAsideState(aside) || !flow.shortcuts?.some((s) => s.name === aside.name)) return false;
    if (!(aside.from in flow.steps || aside.from === RESUME_STEP) || aside.history.some((step) => !(step in flow.steps))) return false;
  }
  if (state.step === RESUME_STEP) return typeof state.resumeStep === 'string' && state.resumeStep in flow.steps;
  return state.step in flow.steps;
}

export type Restored<D> = { state: DialogState<D>; restarted: boolean; firstContact?: boolean };

export function restoreState<D, S>(flow: FlowDefinition<D, S>, raw: unknown, message: InboundMessage, now: Date): Restored<D> {
  if (raw === null || raw === undefined) {
    return { state: freshState(flow, flow.initialStep, languageOf(message), now), restarted: false, firstContact: true };
  }
  if (hasStateShape(raw)) {
    const migrated = raw.flowVersion < flow.version ? migrate(flow as FlowDefinition<unknown, S>, raw) : raw;
    if (migrated && isRunnable(flow, migrated)) return { state: migrated, restarted: false };
  }
  const { language, consent } = salvage(raw);
  const restingSteps = [flow.initialStep, flow.restStep, flow.declinedStep];
  const step = (raw as { step?: unknown }).step;
  const wasInProgress = typeof step === 'string' && !restingSteps.includes(step);
  return {
    state: freshState(flow, consent ? flow.restStep : flow.initialStep, language ?? languageOf(message), now, consent),
    restarted: wasInProgress,
  };
}
