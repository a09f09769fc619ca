/** The answer to "resume or restart?", asked when a dialog was left idle for a while. */
import { arrive, fail } from './navigation';
import { freshState } from './restore';
import { LANGUAGES, type DialogState } from './state';
import { textsOf, unsupportedText, type Turn, type TurnEnv } from './turn';

export function askResume<D, S>(env: TurnEnv<D, S>, state: DialogState<D>): Turn<D> {
  const t = textsOf(env, state);
  return {
    state: { ...state, resumeStep: state.step, step: 'resume', failures: 0 },
    replies: [{ text: t.resumeQuestion, choices: [t.resumeChoices.resume, t.resumeChoices.restart] }],
  };
}

export function answerResume<D, S>(env: TurnEnv<D, S>, state: DialogState<D>): Turn<D> {
  const { flow, message, text, now } = env;
  const t = textsOf(env, state);
  if (message.payload.kind !== 'text' || !text) return fail(env, state, unsupportedText(env, state, message.payload.kind));
  const labels = (key: 'resume' | 'restart') =>
    LANGUAGES.flatMap((lang) => {
      const words = flow.texts(lang);
      return [words.resumeChoices[key], ...words.resumeWords[key]];
    });
  const match = flow.nlp.matchChoice(text, [
    { id: 'resume', labels: labels('resume') },
    { id: 'restart', labels: labels('restart') },
  ]);
  if (!match.ok) return fail(env, state, t.notUnderstood);
  if (match.id === 'resume' && state.resumeStep) {
    return arrive(env, { ...state, step: state.resumeStep, resumeStep: undefined, failures: 0 }, [{ text: t.resumed }]);
  }
  return arrive(env, freshState(flow, flow.firstQuestion, state.language, now, state.consent), [{ text: t.restarted }]);
}
