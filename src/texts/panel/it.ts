/** Everything the panel says to agents, in Italian (the default): one entry point, split by topic. */
import { accountIt } from './account.it';
import { apiIt } from './api.it';
import { labelsIt } from './labels.it';
import { mainIt } from './main.it';
import { shiftIt } from './shift.it';
import { staffIt } from './staff.it';
import { territoryIt } from './territory.it';

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
};

/** The key type both languages share: en.ts must have exactly these keys. */
export type PanelTexts = { [Topic in keyof typeof it]: Record<keyof (typeof it)[Topic], (typeof it)[Topic][keyof (typeof it)[Topic]]> };
