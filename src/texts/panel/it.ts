/** Everything the panel says to agents, in Italian (the default): one entry point, split by topic. */
import { accountIt } from './account.it';
import { apiIt } from './api.it';
import { labelsIt } from './labels.it';
import { mainIt } from './main.it';
import { shiftIt } from './shift.it';
import { staffIt } from './staff.it';
import { territoryIt } from './territory.it';
import { serverIt } from './server.it';
import { priorityIt } from './priority.it';
import { staffBotIt } from './staff-bot.it';

export const it = {
  /** The front end's main texts (src/panel/web: queue, report page, actions, administration, advisories). */
  main: mainIt,
  shift: shiftIt,
  account: accountIt,
  staff: staffIt,
  territory: territoryIt,
  /** Labels of statuses, outcomes, channels, timeline actions…: shared by the API and the front end. */
  labels: labelsIt,
  /** The API's error texts (src/panel/panel-messages.ts). */
  api: apiIt,
  /** Other texts the API writes itself (errors by status, territory, timeline, password hint). */
  server: serverIt,
  /** The priority explanation on the report page. */
  priority: priorityIt,
  /** What the staff bot writes to operators on Telegram (src/app/staff/staff-texts.ts). */
  staffBot: staffBotIt,
};

/** The key type both languages share: en.ts must have exactly these keys. */
export type PanelTexts = typeof it;
