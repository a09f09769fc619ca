/**
 * Questions about the service asked at any step (src/nlp/service-question.ts): «ma è anonimo?»,
 * «quando leggete le segnalazioni?», «e adesso cosa succede?». Answered in the citizen's language;
 * the dialog in progress then asks its question again.
 */
import type { FlowShortcut } from '../src/dialog/flow.types';
import { serviceQuestionOf, type ServiceQuestion } from '../src/nlp/service-question';
import { hoursText } from './hours';
import type { ReportDraft } from './report-draft';
import { textOf, type ReportStepContext } from './report-steps';
import type { DialogServices } from './services';

type Shortcut = FlowShortcut<ReportDraft, DialogServices>;

const question = (name: ServiceQuestion, answer: (ctx: ReportStepContext) => string): Shortcut => ({
  name: `question-${name}`,
  matches: (text) => serviceQuestionOf(text) === name,
  run: async (ctx) => [{ text: answer(ctx) }],
});

export const SERVICE_QUESTION_SHORTCUTS: readonly Shortcut[] = [
  question('anonymity', (ctx) => textOf(ctx).serviceQuestions.anonymity),
  question('hours', (ctx) => textOf(ctx).serviceQuestions.hours(hoursText(ctx.services.municipality, ctx.lang))),
  question('whatNext', (ctx) => textOf(ctx).serviceQuestions.whatNext),
  question('photo', (ctx) => textOf(ctx).serviceQuestions.photo),
];
