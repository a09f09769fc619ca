/**
 * The buttons under a dispatch on the patrol's phone, and their callback data
 * (`u:<verb>:<reportId>[:<outcome>]`, within Telegram's 64 bytes). What is offered follows the
 * dispatch's progress: accept, then on site, then close with one of the panel's outcomes.
 */
import type { StaffButton } from '../../domain/ports';
import { OUTCOMES, type Outcome } from '../../domain/report';
import { OUTCOME_BUTTONS, staffTexts } from './staff-texts';

export type UnitVerb = 'acc' | 'site' | 'close' | 'out' | 'note' | 'back';
export type UnitCallback = { verb: UnitVerb; reportId: string; outcome?: Outcome };

const VERBS: readonly UnitVerb[] = ['acc', 'site', 'close', 'out', 'note', 'back'];

export const unitCallbackData = (verb: UnitVerb, reportId: string, outcome?: Outcome) =>
  `u:${verb}:${reportId}${outcome ? `:${outcome}` : ''}`;

export function parseUnitCallback(data: string): UnitCallback | null {
  const [prefix, verb, reportId, outcome] = data.split(':');
  if (prefix !== 'u' || !VERBS.includes(verb as UnitVerb) || !reportId || !/^[a-f0-9]{24}$/i.test(reportId)) return null;
  if (verb === 'out') return OUTCOMES.includes(outcome as Outcome) ? { verb, reportId, outcome: outcome as Outcome } : null;
  return { verb: verb as UnitVerb, reportId };
}

/** `stage`: what the unit has already said (dispatched: nothing yet). */
export function unitButtons(reportId: string, lang: 'it' | 'en', stage: 'dispatched' | 'accepted' | 'on_site'): StaffButton[][] {
  const t = staffTexts(lang);
  const progress: StaffButton[] =
    stage === 'dispatched'
      ? [{ text: t.accept, data: unitCallbackData('acc', reportId) }]
      : stage === 'accepted'
        ? [{ text: t.onSite, data: unitCallbackData('site', reportId) }]
        : [];
  return [
    [...progress, { text: t.close, data: unitCallbackData('close', reportId) }],
    [{ text: t.note, data: unitCallbackData('note', reportId) }],
  ];
}

export function outcomeButtons(reportId: string, lang: 'it' | 'en'): StaffButton[][] {
  return [
    ...OUTCOMES.map((o) => [{ text: OUTCOME_BUTTONS[lang][o], data: unitCallbackData('out', reportId, o) }]),
    [{ text: staffTexts(lang).back, data: unitCallbackData('back', reportId) }],
  ];
}

export const stageOf = (dispatch: { acceptedAt?: Date; onSiteAt?: Date } | undefined) =>
  dispatch?.onSiteAt ? ('on_site' as const) : dispatch?.acceptedAt ? ('accepted' as const) : ('dispatched' as const);
