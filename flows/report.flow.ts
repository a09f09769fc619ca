/**
 * The report flow as data: its steps, version, idle rules and wording. The generic engine
 * (src/dialog) runs it. Bump REPORT_FLOW_VERSION when saved states of the previous version can no
 * longer run (renamed steps, changed draft), and add a migration if half-finished reports should
 * survive the deploy; without one they are restarted politely.
 */
import type { FlowDefinition } from '../src/dialog/flow.types';
import type { DialogServices } from './services';
import type { DialogState } from '../src/dialog/state';
import { paragraphs, withPrompt } from '../src/dialog/replies';
import { engineNlp } from './nlp';
import { promptsFor } from '../src/texts/citizen';
import { emptyDraft, isDraftEmpty, isReportDraft, type ReportDraft } from './report-draft';
import { STEP, textOf, type ReportStep } from './report-steps';
import { renderStatus } from './status';
import { categoryConfirmStep, categoryEitherStep, categoryStep } from './steps/category.steps';
import { consentPrompt, consentStep } from './steps/consent.step';
import { descriptionStep } from './steps/description.step';
import { locationConfirmStep, locationStep } from './steps/location.steps';
import { photoStep } from './steps/photo.step';
import { reliabilityStep } from './steps/reliability.step';
import { declinedStep, idleStep, welcomeMessage, welcomeStep } from './steps/rest.steps';
import { editStep, summaryStep } from './steps/summary.steps';
import { sameSituationStep } from './steps/same-situation.step';
import { ALERT_STEPS } from './steps/alerts.steps';
import { alertsShortcut, stopShortcut } from './alerts';
import { DATA_RIGHTS_SHORTCUTS } from './data-rights';
import { anytimeWordOf } from './anytime-words';
import { SERVICE_QUESTION_SHORTCUTS } from './service-questions';
import { eraseConfirmStep } from './steps/erase.step';
import { followUpMoreStep, followUpPickStep } from './steps/follow-up.steps';

export const REPORT_FLOW_VERSION = 1;

const MINUTE = 60_000;

const STEPS: ReportStep[] = [
  welcomeStep,
  declinedStep,
  idleStep,
  consentStep,
  categoryStep,
  categoryConfirmStep,
  categoryEitherStep,
  reliabilityStep,
  locationStep,
  locationConfirmStep,
  photoStep,
  descriptionStep,
  summaryStep,
  editStep,
  sameSituationStep,
  ...ALERT_STEPS,
  eraseConfirmStep,
  followUpPickStep,
  followUpMoreStep,
];

export type ReportDialogState = DialogState<ReportDraft>;

export const reportFlow: FlowDefinition<ReportDraft, DialogServices> = {
  version: REPORT_FLOW_VERSION,
  steps: Object.fromEntries(STEPS.map((step) => [step.id, step])),
  initialStep: STEP.welcome,
  restStep: STEP.idle,
  declinedStep: STEP.declined,
  consentStep: STEP.consent,
  firstQuestion: STEP.category,
  emptyDraft,
  isDraftEmpty,
  isDraft: isReportDraft,
  migrations: {},
  consentVersion: (services) => services.municipality.privacyNoticeVersion,
  resumeAfterMs: 30 * MINUTE,
  expireAfterMs: 24 * 60 * MINUTE,
  texts: promptsFor,
  status: renderStatus,
  privacy: (ctx) => [
    {
      text: paragraphs(
        textOf(ctx).privacyNotice({
          controller: ctx.services.municipality.dataController,
          version: ctx.services.municipality.privacyNoticeVersion,
        }),
        textOf(ctx).rights.retention(ctx.services.retention),
        textOf(ctx).rights.howTo,
      ),
    },
  ],
  consentNeeded: (ctx, outdated) => {
    if (outdated) return withPrompt([{ text: textOf(ctx).consent.outdated }], consentPrompt(ctx));
    // A first contact writing "avvisi": the welcome comes first, as for any first message.
    if (ctx.state.aside && !ctx.state.consent) return [{ text: welcomeMessage(ctx) }, consentPrompt(ctx)];
    return [consentPrompt(ctx)];
  },
  nlp: engineNlp,
  // "STOP" first: it must never open anything.
  shortcuts: [stopShortcut, alertsShortcut, ...DATA_RIGHTS_SHORTCUTS, ...SERVICE_QUESTION_SHORTCUTS],
  anytimeWordOf,
};
