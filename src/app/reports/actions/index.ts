/** Every agent action, by name: one module each (what it sets, audits and tells the citizen). */
import type { AgentAction, AgentActionName } from '../agent-action.types';
import { askInfo } from './ask-info';
import { close } from './close';
import { dispatch } from './dispatch';
import { markDuplicate } from './mark-duplicate';
import { reject } from './reject';
import { reopen } from './reopen';
import { take } from './take';
import { assign } from './assign';
import { release } from './release';
import { unitAccepted, unitOnSite } from './unit-progress';

export const AGENT_ACTIONS: { [A in AgentActionName]: AgentAction<A> } = {
  take,
  ask_info: askInfo,
  dispatch,
  close,
  reject,
  mark_duplicate: markDuplicate,
  reopen,
  assign,
  release,
  unit_accepted: unitAccepted,
  unit_on_site: unitOnSite,
};
