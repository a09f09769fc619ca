/**
 * Moving between steps: forward after a good answer (history, "come back to the summary", the
 * consent gate), staying after a bad one (failures and help), and back with "indietro".
 */
import type { DialogReply } from './engine.types';
import type { StateReset, StepSuccess } from './flow.types';
import { freshState } from './restore';
import { paragraphs, withPrompt } from './replies';
import { RESUME_STEP, type DialogState } from './state';
import { consentValid, isResting, promptOf, stepContext, stepOf, textsOf, type Turn, type TurnEnv } from './turn';

/** After this many unusable answers in a row (and every as many more) the step's help is offered. */
export const FAILURES_BEFORE_HELP = 3;

const rootOf = <D, S>(env: TurnEnv<D, S>, id: string) => stepOf(env, id)?.parent ?? id;

/**
 * Shows the state's question after the given replies, unless the step needs a consent the
 * citizen has not given (or gave to an older notice): then the notice is asked for instead.
 */
export function arrive<D, S>(env: TurnEnv<D, S>, state: DialogState<D>, lead: DialogReply[], separate = false): Turn<D> {
  const step = stepOf(env, state.step);
  if (step?.needsConsent && !consentValid(env, state)) {
    const gated: DialogState<D> = { ...state, step: env.flow.consentStep, failures: 0, history: [], returnTo: undefined };
    const outdated = state.consent !== undefined;
    return { state: gated, replies: [...lead, ...env.flow.consentNeeded(stepContext(env, gated), outdated)] };
  }
  const prompt = promptOf(env, state);
  return { state, replies: separate && prompt ? [...lead, prompt] : withPrompt(lead, prompt) };
}

/**
 * The state the side dialog interrupted. A first contact that consented meanwhile, or a dialog with
 * nothing answered yet, rests instead.
 */
export function stateBeforeAside<D, S>(env: TurnEnv<D, S>, state: DialogState<D>): DialogState<D> {
  const { aside, ...rest } = state;
  if (!aside) return state;
  const { flow } = env;
  const wasFirstContact = aside.from === flow.initialStep || aside.from === flow.declinedStep;
  const fromStep = stepOf(env, aside.from);
  // A dialog with nothing answered yet (e.g. "what would you like to report?" just asked) is not
  // taken up again: the citizen rests, as after a finished dialog.
  const nothingToResume = !fromStep?.resting && aside.from !== RESUME_STEP && flow.isDraftEmpty(state.draft);
  if ((wasFirstContact || nothingToResume) && consentValid(env, state)) {
    return { ...rest, step: flow.restStep, history: [], returnTo: undefined, failures: 0 };
  }
  return {
    ...rest,
    step: aside.from,
    history: aside.history,
    ...(aside.returnTo ? { returnTo: aside.returnTo } : { returnTo: undefined }),
    failures: 0,
  };
}

/** Leaves the side dialog: `lead` (its last words), then the interrupted dialog's question. */
export function leaveAside<D, S>(env: TurnEnv<D, S>, state: DialogState<D>, lead: DialogReply[]): Turn<D> {
  const back = stateBeforeAside(env, state);
  if (isResting(env, back)) return { state: back, replies: lead };
  const t = textsOf(env, back);
  return arrive(env, back, [...lead, { text: t.asideDone ?? t.resumed }]);
}

const withFlags = <D>(turn: Turn<D>, outcome: StepSuccess<D>): Turn<D> => ({
  ...turn,
  ...(outcome.reportId ? { reportId: outcome.reportId } : {}),
  ...(outcome.reportCreated ? { reportCreated: true } : {}),
  ...(outcome.reportUpdated ? { reportUpdated: true } : {}),
});

/** The dialog forgotten (see StepSuccess.reset): the chat rests with no draft and no consent. */
export function resetState<D, S>(env: TurnEnv<D, S>, state: DialogState<D>, to: StateReset, replies: DialogReply[]): Turn<D> {
  const step = to === 'initial' ? env.flow.initialStep : env.flow.declinedStep;
  return { state: freshState(env.flow, step, state.language, env.now), replies };
}

export function advance<D, S>(env: TurnEnv<D, S>, initial: DialogState<D>, outcome: StepSuccess<D>): Turn<D> {
  if (outcome.reset) return withFlags(resetState(env, initial, outcome.reset, outcome.replies ?? []), outcome);
  let state = initial;
  if (state.aside && stepOf(env, outcome.next)?.resting) {
    const updated = { ...state, draft: outcome.draft ?? state.draft, consent: outcome.consent ?? state.consent };
    // A side dialog is done: back to what it interrupted.
    if (outcome.next === env.flow.restStep) return withFlags(leaveAside(env, updated, outcome.replies ?? []), outcome);
    // Another resting step (the privacy notice refused): nothing to go back to.
    state = { ...state, aside: undefined };
  }
  const current = state.step;
  let next = outcome.next;
  let history = state.history;
  let returnTo = outcome.returnTo ?? state.returnTo;
  if (stepOf(env, next)?.resting) {
    history = [];
    returnTo = undefined;
  } else if (!outcome.keepHistory && rootOf(env, next) !== rootOf(env, current)) {
    if (state.returnTo && !outcome.returnTo) {
      // A corrected field is done: back to the step it was corrected from (e.g. the summary).
      next = state.returnTo;
      const index = history.lastIndexOf(next);
      if (index >= 0) history = history.slice(0, index);
      returnTo = undefined;
    } else {
      const root = rootOf(env, current);
      if (stepOf(env, root)?.needsConsent && history[history.length - 1] !== root) history = [...history, root];
    }
  }
  const moved: DialogState<D> = {
    ...state,
    step: next,
    draft: outcome.draft ?? state.draft,
    consent: outcome.consent ?? state.consent,
    failures: 0,
    history,
    returnTo,
    resumeStep: undefined,
  };
  return withFlags(arrive(env, moved, outcome.replies ?? [], outcome.separate), outcome);
}

/** An unusable answer: the reason, help after repeated failures, and the question again. */
export function fail<D, S>(env: TurnEnv<D, S>, state: DialogState<D>, reason: string, prompt?: DialogReply): Turn<D> {
  const failures = state.failures + 1;
  const failed = { ...state, failures };
  const step = stepOf(env, state.step);
  const needsHelp = failures % FAILURES_BEFORE_HELP === 0;
  const help = needsHelp && step?.help ? `${textsOf(env, state).helpOffer} ${step.help(stepContext(env, failed))}` : undefined;
  return { state: failed, replies: withPrompt([{ text: paragraphs(reason, help) }], prompt ?? promptOf(env, failed)) };
}

/** "indietro": the parent of a sub-step, else the previous question, else stay at the first one. */
export function goBack<D, S>(env: TurnEnv<D, S>, state: DialogState<D>): Turn<D> {
  const t = textsOf(env, state);
  if (state.step === RESUME_STEP && state.resumeStep) {
    return arrive(env, { ...state, step: state.resumeStep, resumeStep: undefined, failures: 0 }, [{ text: t.resumed }]);
  }
  const parent = stepOf(env, state.step)?.parent;
  if (parent) return arrive(env, { ...state, step: parent, failures: 0 }, []);
  const previous = state.history[state.history.length - 1];
  // At a side dialog's first question: back to what it interrupted.
  if (!previous && state.aside) return leaveAside(env, state, [{ text: t.asideClosed ?? t.cancelled }]);
  if (!previous) return { state, replies: withPrompt([{ text: t.backAtStart }], promptOf(env, state)) };
  const back: DialogState<D> = {
    ...state,
    step: previous,
    history: state.history.slice(0, -1),
    failures: 0,
    returnTo: state.returnTo === previous ? undefined : state.returnTo,
  };
  return arrive(env, back, []);
}
