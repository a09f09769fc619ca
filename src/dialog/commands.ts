/**
 * Global commands, understood at any step in any language: annulla/cancel, indietro/back,
 * aiuto/help, stato/status, privacy, lingua/language, start. Only a message that IS the command
 * counts (see EngineNlp.matchKeyword), so a description mentioning "annullato" is a description.
 */
import type { DialogReply } from './engine.types';
import { COMMANDS, type CommandName, type FlowDefinition } from './flow.types';
import { arrive, goBack, leaveAside } from './navigation';
import { paragraphs, withPrompt } from './replies';
import { freshState } from './restore';
import { LANGUAGES, RESUME_STEP, type DialogState, type Language } from './state';
import { consentValid, isResting, promptOf, stepContext, stepOf, textsOf, type Turn, type TurnEnv } from './turn';

const wordsCache = new WeakMap<object, Record<string, string[]>>();

function commandWords<D, S>(flow: FlowDefinition<D, S>): Record<string, string[]> {
  let words = wordsCache.get(flow);
  if (!words) {
    words = Object.fromEntries(COMMANDS.map((command) => [command, LANGUAGES.flatMap((lang) => flow.texts(lang).commandWords[command])]));
    wordsCache.set(flow, words);
  }
  return words;
}

const COMMAND_PREFIX = 'command:';

export function matchCommand<D, S>(env: TurnEnv<D, S>, text: string): CommandName | undefined {
  const { flow } = env;
  if (!flow.anytimeWordOf) return flow.nlp.matchKeyword(text, commandWords(flow)) as CommandName | undefined;
  const key = flow.anytimeWordOf(text);
  return key?.startsWith(COMMAND_PREFIX) ? (key.slice(COMMAND_PREFIX.length) as CommandName) : undefined;
}

/** The command's replies, then the question again when a dialog is in progress. */
function thenContinue<D, S>(env: TurnEnv<D, S>, state: DialogState<D>, replies: DialogReply[]): Turn<D> {
  if (isResting(env, state)) return { state, replies };
  const prompt = promptOf(env, state);
  return { state, replies: prompt ? [...replies, prompt] : replies };
}

function cancel<D, S>(env: TurnEnv<D, S>, state: DialogState<D>): Turn<D> {
  const t = textsOf(env, state);
  // In a side dialog "annulla" leaves it; the dialog it interrupted is not cancelled with it.
  if (state.aside) return leaveAside(env, state, [{ text: t.asideClosed ?? t.cancelled }]);
  if (isResting(env, state)) return { state, replies: [{ text: t.nothingToCancel }] };
  const { flow, now } = env;
  if (!consentValid(env, state)) {
    return { state: freshState(flow, flow.declinedStep, state.language, now), replies: [{ text: t.cancelledBeforeConsent }] };
  }
  return { state: freshState(flow, flow.restStep, state.language, now, state.consent), replies: [{ text: t.cancelled }] };
}

function help<D, S>(env: TurnEnv<D, S>, state: DialogState<D>): Turn<D> {
  const t = textsOf(env, state);
  const stepHelp = state.step === RESUME_STEP ? undefined : stepOf(env, state.step)?.help?.(stepContext(env, state));
  const text = paragraphs(isResting(env, state) ? t.generalHelp : (stepHelp ?? t.generalHelp), t.commandsHelp);
  return isResting(env, state) ? { state, replies: [{ text }] } : { state, replies: withPrompt([{ text }], promptOf(env, state)) };
}

async function switchLanguage<D, S>(env: TurnEnv<D, S>, state: DialogState<D>, to: Language): Promise<Turn<D> | undefined> {
  const switched = { ...state, language: to, languageChosen: true };
  const said: DialogReply = { text: textsOf(env, switched).languageSwitched };
  if (isResting(env, switched)) {
    // Without consent the welcome is what comes next: show it in the new language right away.
    if (!consentValid(env, switched)) return undefined;
    return { state: switched, replies: [said] };
  }
  return arrive(env, switched, [said]);
}

/**
 * Runs the command, or returns undefined when the message should reach the step as usual
 * ("start" with no dialog in progress, a language switch before the welcome).
 */
export async function runCommand<D, S>(
  env: TurnEnv<D, S>,
  state: DialogState<D>,
  command: CommandName,
): Promise<{ turn: Turn<D> } | { fallThrough: DialogState<D>; said?: DialogReply }> {
  const t = textsOf(env, state);
  switch (command) {
    case 'cancel':
      return { turn: cancel(env, state) };
    case 'back':
      if (isResting(env, state)) return { turn: { state, replies: [{ text: t.generalHelp }] } };
      return { turn: goBack(env, state) };
    case 'help':
      return { turn: help(env, state) };
    case 'status':
      return { turn: thenContinue(env, state, await env.flow.status(stepContext(env, state))) };
    case 'privacy':
      return { turn: thenContinue(env, state, env.flow.privacy(stepContext(env, state))) };
    case 'start':
      if (isResting(env, state)) return { fallThrough: state };
      return { turn: thenContinue(env, state, [{ text: t.alreadyInProgress }]) };
    case 'language':
    case 'english':
    case 'italian': {
      const to: Language = command === 'english' ? 'en' : command === 'italian' ? 'it' : state.language === 'it' ? 'en' : 'it';
      const turn = await switchLanguage(env, state, to);
      if (turn) return { turn };
      const switched = { ...state, language: to, languageChosen: true };
      return { fallThrough: switched, said: { text: textsOf(env, switched).languageSwitched } };
    }
  }
}
