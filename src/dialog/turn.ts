/** What one turn of the engine works with, and small readers over it. */
import type { InboundMessage } from '../domain/message';
import type { DialogReply, DialogTurn } from './engine.types';
import type { EngineTexts, FlowDefinition, FlowStep, StepContext } from './flow.types';
import { RESUME_STEP, type DialogState } from './state';

export type TurnEnv<D, S> = {
  flow: FlowDefinition<D, S>;
  services: S;
  message: InboundMessage;
  citizenRef: string;
  now: Date;
  /** The message's text or a photo's caption. */
  text?: string;
};

export type Turn<D> = DialogTurn<DialogState<D>>;

export const stepOf = <D, S>(env: TurnEnv<D, S>, id: string): FlowStep<D, S> | undefined => env.flow.steps[id];

export const textsOf = <D, S>(env: TurnEnv<D, S>, state: DialogState<D>): EngineTexts => env.flow.texts(state.language);

/** "This step cannot use a message of this kind" (a voice note never gets here: see voice.ts). */
export const unsupportedText = <D, S>(env: TurnEnv<D, S>, state: DialogState<D>, kind: InboundMessage['payload']['kind']): string =>
  textsOf(env, state).unsupported[kind === 'audio' ? 'other' : kind];

export function stepContext<D, S>(env: TurnEnv<D, S>, state: DialogState<D>): StepContext<D, S> {
  return {
    state,
    draft: state.draft,
    lang: state.language,
    services: env.services,
    message: env.message,
    text: env.text,
    citizenRef: env.citizenRef,
    now: env.now,
  };
}

export const consentValid = <D, S>(env: TurnEnv<D, S>, state: DialogState<D>): boolean =>
  state.consent?.version === env.flow.consentVersion(env.services);

export const isResting = <D, S>(env: TurnEnv<D, S>, state: DialogState<D>): boolean => Boolean(stepOf(env, state.step)?.resting);

/** The question the citizen is answering at this state (the resume question included). */
export function promptOf<D, S>(env: TurnEnv<D, S>, state: DialogState<D>): DialogReply | undefined {
  if (state.step === RESUME_STEP) {
    const t = textsOf(env, state);
    return { text: t.resumeQuestion, choices: [t.resumeChoices.resume, t.resumeChoices.restart] };
  }
  return stepOf(env, state.step)?.prompt?.(stepContext(env, state));
}
