/** Names of the report flow's steps (stored in conversation states: rename only with a migration). */
import type { FlowStep, StepContext } from '../src/dialog/flow.types';
import type { DialogServices } from './services';
import { promptsFor, type ReportPrompts } from '../src/texts/citizen';
import type { ReportDraft } from './report-draft';

export const STEP = {
  welcome: 'welcome',
  declined: 'declined',
  idle: 'idle',
  consent: 'consent',
  category: 'category',
  categoryConfirm: 'category_confirm',
  /** Unsure between two categories (one sensitive): "Intendi X oppure Y?" */
  categoryEither: 'category_either',
  reliability: 'reliability',
  location: 'location',
  locationConfirm: 'location_confirm',
  photo: 'photo',
  description: 'description',
  summary: 'summary',
  edit: 'edit',
  /** Before sending: "is it the same situation as this open report nearby?" */
  sameSituation: 'same_situation',
  // The area alerts menu, a side dialog opened by "avvisi" at any time (see flows/alerts.ts).
  alertsMenu: 'alerts_menu',
  alertsLocation: 'alerts_location',
  alertsRadius: 'alerts_radius',
  alertsZone: 'alerts_zone',
  alertsRemove: 'alerts_remove',
  /** «cancella i miei dati»: "do you confirm?" (see flows/data-rights.ts). */
  eraseConfirm: 'erase_confirm',
  /** "Add it to VIC-…?" / which open report (see flows/follow-up.ts). */
  followUpPick: 'follow_up_pick',
  /** Adding more photos or words to the chosen report, until «fatto». */
  followUpMore: 'follow_up_more',
} as const;

/** The flow's side dialogs (see FlowShortcut): name -> first step. */
export const ASIDE_ENTRY: Record<string, string> = { alerts: STEP.alertsMenu };

export type ReportStepContext = StepContext<ReportDraft, DialogServices>;
export type ReportStep = FlowStep<ReportDraft, DialogServices>;

export const textOf = (ctx: { lang: ReportStepContext['lang'] }): ReportPrompts => promptsFor(ctx.lang);
