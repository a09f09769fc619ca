/** Everything the panel says to agents, in English: the same keys as it.ts. */
import { accountEn } from './account.en';
import { apiEn } from './api.en';
import { labelsEn } from './labels.en';
import { mainEn } from './main.en';
import { shiftEn } from './shift.en';
import { staffEn } from './staff.en';
import { territoryEn } from './territory.en';
import { serverEn } from './server.en';
import { priorityEn } from './priority.en';
import { staffBotEn } from './staff-bot.en';
import type { PanelTexts } from './it';

export const en: PanelTexts = {
  main: mainEn,
  shift: shiftEn,
  account: accountEn,
  staff: staffEn,
  territory: territoryEn,
  labels: labelsEn,
  api: apiEn,
  server: serverEn,
  priority: priorityEn,
  staffBot: staffBotEn,
};
