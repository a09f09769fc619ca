/**
 * The flow's shortcuts (see FlowShortcut): instant actions, and side dialogs that interrupt the
 * dialog in progress and hand back to it where it was, with its draft untouched.
 */
import type { FlowShortcut } from './flow.types';
import type { DialogReply } from './engine.types';
import { arrive, resetState } from './navigation';
import type { DialogState } from './state';
import { isResting, promptOf, stepContext, type Turn, type TurnEnv } from './turn';

/** The shortcut this whole message is, if any. */
export function matchShortcut<D, S>(env: TurnEnv<D, S>, text: string): FlowShortcut<D, S> | undefined {
  return env.flow.shortcuts?.find((shortcut) => shortcut.matches(text));
}

function openAside<D, S>(env: TurnEnv<D, S>, state: DialogState<D>, name: string, step: string, lead: DialogReply[] = []): Turn<D> {
  // Opened again from inside a side dialog: it still hands back to the dialog it first interrupted.
  const saved = state.aside ?? {
    from: state.step,
    history: state.history,
    ...(state.returnTo ? { returnTo: state.returnTo } : {}),
  };
  const entered: DialogState<D> = {
    ...state,
    step,
    aside: { ...saved, name },
    history: [],
    returnTo: undefined,
    failures: 0,
  };
  return arrive(env, entered, lead);
}

/** Runs a shortcut: an action and the current question again, or the side dialog's first question. */
export async function runShortcut<D, S>(env: TurnEnv<D, S>, state: DialogState<D>, shortcut: FlowShortcut<D, S>): Promise<Turn<D>> {
  if ('aside' in shortcut) {
    const lead = shortcut.lead ? await shortcut.lead(stepContext(env, state)) : [];
    return openAside(env, state, shortcut.name, shortcut.aside, lead);
  }
  const result = await shortcut.run(stepContext(env, state));
  if (!Array.isArray(result)) return resetState(env, state, result.reset, result.replies);
  const replies = result;
  if (isResting(env, state)) return { state, replies };
  const prompt = promptOf(env, state);
  return { state, replies: prompt ? [...replies, prompt] : replies };
}
