/**
 * The generic dialog engine: (saved state, inbound message) -> (new state, replies). One turn:
 * 1. restore the state (first contact, migration or a polite restart);
 * 2. emergency words get the "call 112" notice before anything else;
 * 3. a draft idle for too long is dropped, or the citizen is asked whether to resume;
 * 4. a flow shortcut or a global command runs, or the current step validates the message and the
 *    dialog moves on (a side dialog left idle first hands back to the dialog it interrupted).
 * Deterministic for a given state, message and time; side effects live in the steps, idempotent.
 */
import type { DialogEngine, DialogInput, DialogReply } from './engine.types';
import type { FlowDefinition } from './flow.types';
import { matchShortcut, runShortcut } from './aside';
import { matchCommand, runCommand } from './commands';
import { idleVerdict, type IdleVerdict } from './idle';
import { advance, arrive, fail, stateBeforeAside } from './navigation';
import { freshState, restoreState } from './restore';
import { languageOfText } from '../nlp/text-language';
import { answerResume, askResume } from './resume';
import { RESUME_STEP, type DialogState } from './state';
import { consentValid, stepContext, stepOf, textsOf, unsupportedText, type Turn, type TurnEnv } from './turn';
import { heardRejectedTurn, resolveHeard, settleVoiceNotes, voiceNoteTurn } from './voice';

function textOf(payload: DialogInput<unknown>['message']['payload']): string | undefined {
  if (payload.kind === 'text') return payload.text;
  if (payload.kind === 'photo') return payload.caption;
  if (payload.kind === 'audio') return payload.transcript; // for the emergency check only
  return undefined;
}

/** A shallow copy without undefined members. */
function withoutUndefined<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const key in value) if (value[key] !== undefined) out[key] = value[key];
  return out as T;
}

/** The state as stored: no undefined members (the MongoDB driver would write them as null). */
function storable<D>(state: DialogState<D>): DialogState<D> {
  const draft = typeof state.draft === 'object' && state.draft !== null ? withoutUndefined(state.draft as object) : state.draft;
  return withoutUndefined({ ...state, draft: draft as D });
}

/**
 * The citizen's language follows their words while they have not chosen one: a first "ok" or "good
 * evening" may have left the dialog in Italian (WhatsApp says nothing of a sender's language) while
 * they go on writing English. Only a clearly written message switches (src/nlp/text-language.ts).
 */
function followWrittenLanguage<D, S>(env: TurnEnv<D, S>, state: DialogState<D>, firstContact: boolean): DialogState<D> {
  if (firstContact || state.languageChosen || !env.text) return state;
  const written = languageOfText(env.text, { greetings: false });
  return written && written !== state.language ? { ...state, language: written } : state;
}

const withLead = <D>(lead: DialogReply[], turn: Turn<D>): Turn<D> => (lead.length === 0 ? turn : { ...turn, replies: [...lead, ...turn.replies] });

async function respond<D, S>(env: TurnEnv<D, S>, initial: DialogState<D>, verdict: IdleVerdict): Promise<Turn<D>> {
  let state = initial;
  const lead: DialogReply[] = [];
  const { payload } = env.message;
  if (payload.kind === 'text' && env.text) {
    const shortcut = matchShortcut(env, env.text);
    if (shortcut) return runShortcut(env, state, shortcut);
    const command = matchCommand(env, env.text);
    // "ciao" after a long pause is a greeting: it gets the resume question, not "already in progress".
    if (command && !(command === 'start' && verdict === 'resume')) {
      const result = await runCommand(env, state, command);
      if ('turn' in result) return result.turn;
      state = result.fallThrough;
      if (result.said) lead.push(result.said);
    }
  }
  if (verdict === 'resume') return withLead(lead, askResume(env, state));
  if (state.step === RESUME_STEP) return withLead(lead, answerResume(env, state));

  const step = stepOf(env, state.step);
  if (!step) throw new Error(`dialog step ${state.step} is not in the flow`); // restoreState rules this out
  if (step.needsConsent && !consentValid(env, state)) return withLead(lead, arrive(env, state, []));
  if (!step.accepts.includes(payload.kind)) return withLead(lead, fail(env, state, unsupportedText(env, state, payload.kind)));
  const outcome = await step.handle(stepContext(env, state));
  return withLead(lead, outcome.ok ? advance(env, state, outcome) : fail(env, state, outcome.reason, outcome.prompt));
}

export function createDialogEngine<D, S>(flow: FlowDefinition<D, S>, services: S): DialogEngine<DialogState<D>> {
  return {
    async handle(input) {
      const { citizenRef, now } = input;
      const restored = restoreState(flow, input.state, input.message, now);
      // The answer to "I heard: «…». Is that right?" may turn this message into the transcript.
      const heard = resolveHeard(flow, restored.state, input.message);
      const { message } = heard;
      const env: TurnEnv<D, S> = { flow, services, message, citizenRef, now, text: textOf(message.payload) };
      let state = heard.state;
      // A side dialog left idle is over: the message goes to the dialog it interrupted.
      if (state.aside && now.getTime() - Date.parse(state.lastActivityAt) >= flow.resumeAfterMs) state = stateBeforeAside(env, state);
      const notices: DialogReply[] = [];
      const followed = followWrittenLanguage(env, state, Boolean(restored.firstContact));
      if (followed !== state) {
        state = followed;
        notices.push({ text: textsOf(env, state).languageSwitched });
      }
      const emergency = Boolean(env.text && !heard.replayed && flow.nlp.isEmergency(env.text));
      if (emergency) notices.push({ text: textsOf(env, state).emergency });
      if (restored.restarted) notices.push({ text: textsOf(env, state).restartedAfterUpdate });

      const verdict = idleVerdict(flow, state, now);
      if (verdict === 'expired') {
        notices.push({ text: textsOf(env, state).expired });
        const step = state.consent ? flow.restStep : flow.initialStep;
        state = freshState(flow, step, state.language, now, state.consent);
      }
      const played =
        message.payload.kind === 'audio'
          ? voiceNoteTurn(env, state)
          : heard.rejected
            ? heardRejectedTurn(env, state)
            : await respond(env, state, verdict);
      const turn = settleVoiceNotes(env, played);
      return {
        ...turn,
        state: storable({ ...turn.state, lastActivityAt: now.toISOString() }),
        language: turn.state.language,
        replies: [...notices, ...turn.replies],
        ...(emergency ? { emergency: true } : {}),
      };
    },
  };
}
