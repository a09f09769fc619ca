/**
 * What the staff bot writes to operators, in their panel language (Italian by default). The wording
 * is in src/texts/panel (staff-bot.it.ts, staff-bot.en.ts).
 */
import type { Outcome } from '../../domain/report';
import { panelTexts } from '../../texts/panel';
import type { StaffBotTexts } from '../../texts/panel/staff-bot.it';

type Lang = 'it' | 'en';

export const OUTCOME_BUTTONS: Record<Lang, Record<Outcome, string>> = {
  it: panelTexts.it.staffBot.outcomeButtons,
  en: panelTexts.en.staffBot.outcomeButtons,
};

export type StaffTexts = StaffBotTexts;
export const staffTexts = (lang: Lang): StaffTexts => panelTexts[lang].staffBot;
