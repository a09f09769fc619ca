/**
 * The dispatched unit's answers from the staff bot ("Presa in carico", "Sul posto"): recorded on the
 * report's dispatch and in the audit, shown on the timeline; the citizen is not told (nothing about
 * the patrol's movements reaches anyone outside the police).
 */
import type { AgentAction } from '../agent-action.types';

export const unitAccepted: AgentAction<'unit_accepted'> = {
  effects: (_command, current, actor, now) => ({
    set: { dispatch: { ...current.dispatch, acceptedAt: now } },
    details: { unit: current.dispatch?.unit, unitOperator: actor.username },
  }),
  notice: () => undefined,
};

export const unitOnSite: AgentAction<'unit_on_site'> = {
  effects: (_command, current, actor, now) => ({
    set: { dispatch: { ...current.dispatch, onSiteAt: now } },
    details: { unit: current.dispatch?.unit, unitOperator: actor.username },
  }),
  notice: () => undefined,
};
