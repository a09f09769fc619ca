/**
 * Voice notes in the dialog. The worker has already turned a voice note into a transcript (or a
 * reason why not: src/app/intake/transcribe-voice-note.ts). The citizen is shown what was heard
 * and asked to confirm; "yes" replays the transcript as if it had been typed, at whatever step the
 * dialog is (category, address, description, a question of the summary...); "no" asks to write or
 * try again; anything else typed meanwhile is simply used as the answer.
 */
import type { InboundMessage } from '../domain/message';
import type { DialogReply } from './engine.types';
import type { FlowDefinition } from './flow.types';
import type { DialogState } from './state';
import { isResting, promptOf, textsOf, type Turn, type TurnEnv } from './turn';

type Heard<D> = { state: DialogState<D>; message: InboundMessage; rejected?: boolean; replayed?: boolean };

/** Applies the answer to a pending "I heard: «…». Is that right?", if any. */
export function resolveHeard<D, S>(flow: FlowDefinition<D, S>, state: DialogState<D>, message: InboundMessage): Heard<D> {
  const heard = state.heard;
  if (!heard) return { state, message };
  const cleared: DialogState<D> = { ...state, heard: undefined };
  if (typeof heard.text !== 'string' || message.payload.kind !== 'text') return { state: cleared, message };
  const t = flow.texts(state.language).voice;
  // The choices' numbers too: WhatsApp Web shows them as a numbered menu.
  const numbered = /^\s*([12])\s*\.?\s*$/.exec(message.payload.text)?.[1];
  const answer = numbered
    ? numbered === '1'
      ? 'yes'
      : 'no'
    : flow.nlp.matchKeyword(message.payload.text, {
        yes: [t.choices.yes, ...t.words.yes],
        no: [t.choices.no, ...t.words.no],
      });
  if (answer === 'no') return { state: cleared, message, rejected: true };
  if (answer !== 'yes') return { state: cleared, message };
  // As if the transcript had been typed when the voice note came: idle rules see the old activity time.
  const voiceNotes = heard.messageId ? [...(state.voiceNotes ?? []), heard.messageId] : state.voiceNotes;
  return {
    state: { ...cleared, lastActivityAt: heard.lastActivityAt, ...(voiceNotes ? { voiceNotes } : {}) },
    message: { ...message, payload: { kind: 'text', text: heard.text } },
    replayed: true,
  };
}

function withQuestion<D, S>(env: TurnEnv<D, S>, state: DialogState<D>, said: string): Turn<D> {
  const prompt = isResting(env, state) ? undefined : promptOf(env, state);
  const replies: DialogReply[] = prompt ? [{ text: said }, prompt] : [{ text: said }];
  return { state, replies };
}

/** The turn of a voice note: the transcript to confirm, or why it could not be used and the question again. */
export function voiceNoteTurn<D, S>(env: TurnEnv<D, S>, state: DialogState<D>): Turn<D> {
  const { payload } = env.message;
  if (payload.kind !== 'audio') throw new Error('voiceNoteTurn needs a voice note');
  const t = textsOf(env, state).voice;
  if (payload.transcript) {
    return {
      state: {
        ...state,
        heard: { text: payload.transcript, lastActivityAt: state.lastActivityAt, ...(payload.mediaRef ? { messageId: env.message.messageId } : {}) },
        failures: 0,
      },
      replies: [{ text: t.heard(payload.transcript), choices: [t.choices.yes, t.choices.no] }],
    };
  }
  const reason = payload.failure ?? payload.transcriptFailure;
  const key = reason === 'too_long' || reason === 'too_large' || reason === 'empty' ? reason : 'failed';
  return withQuestion(env, state, t.failed[key]);
}

/** The turn after "no, that is not what I said". */
export function heardRejectedTurn<D, S>(env: TurnEnv<D, S>, state: DialogState<D>): Turn<D> {
  return withQuestion(env, state, textsOf(env, state).voice.rejected);
}

/**
 * After the turn: the voice notes go with the report they helped create, and are forgotten when the
 * dialog ends (a report sent or a draft dropped), so none is linked to a later report.
 */
export function settleVoiceNotes<D, S>(env: TurnEnv<D, S>, turn: Turn<D>): Turn<D> {
  const notes = turn.state.voiceNotes;
  if (!notes?.length) return turn;
  const created = turn.reportCreated && turn.reportId ? { voiceNotes: notes } : {};
  if (!created.voiceNotes && !isResting(env, turn.state)) return turn;
  return { ...turn, ...created, state: { ...turn.state, voiceNotes: undefined } };
}
