/**
 * What the panel asks, turned into a complete agent action: an assignment names an active operator
 * (the report joins their team) or a known team; a reply template becomes its text in the citizen's
 * language with the placeholders filled in (ticket, category, zone, team).
 */
import type { ReportStore, ReportView, TemplateStore } from '../../domain/ports';
import { renderTemplate, templateFits, type TemplateValues } from '../../domain/reply-template';
import type { AgentActionCommand } from './agent-action.types';

/** A command as the panel sends it: a question may come as a template instead of a text. */
export type PanelCommand =
  | Exclude<AgentActionCommand, { action: 'ask_info' } | { action: 'close' }>
  | { action: 'ask_info'; version: number; message?: string; templateId?: string }
  | {
      action: 'close';
      version: number;
      outcome: Extract<AgentActionCommand, { action: 'close' }>['outcome'];
      note?: string;
      templateId?: string;
    };

export type ResolveDeps = {
  reports: Pick<ReportStore, 'get'>;
  templates: Pick<TemplateStore, 'get'>;
  operatorByName(username: string): Promise<{ disabled: boolean; team?: string } | null>;
  teams: ReadonlyArray<{ id: string; name: { it: string; en: string } }>;
  categoryLabel(id: string, lang: 'it' | 'en'): string;
  zoneName(id: string | undefined): string | undefined;
  /** Whether the staff bot can reach this operator (linked and active); absent when there is no staff bot. */
  isLinkedUnit?(username: string): Promise<boolean>;
};

/** The language a report's citizen reads: the template variant they get. */
export const citizenLanguage = (report: { language?: string }): 'it' | 'en' => (report.language === 'en' ? 'en' : 'it');

/** A template's placeholders for a report, in the citizen's language. */
export function templateValuesOf(
  report: Pick<ReportView, 'ticketCode' | 'categoryId' | 'zone' | 'team'>,
  lang: 'it' | 'en',
  deps: Pick<ResolveDeps, 'categoryLabel' | 'zoneName' | 'teams'>,
): TemplateValues {
  return {
    ticket: report.ticketCode,
    category: deps.categoryLabel(report.categoryId, lang),
    zone: deps.zoneName(report.zone),
    team: report.team ? deps.teams.find((t) => t.id === report.team)?.name[lang] : undefined,
  };
}

export type Resolved =
  | { ok: true; command: AgentActionCommand }
  | {
      ok: false;
      reason: 'unknown_operator' | 'unknown_unit' | 'unknown_team' | 'unknown_template' | 'template_mismatch' | 'report_not_found';
      detail: string;
    };

export async function resolveCommand(deps: ResolveDeps, reportId: string, command: PanelCommand): Promise<Resolved> {
  if (command.action === 'assign') {
    if (command.assignee) {
      const target = await deps.operatorByName(command.assignee);
      if (!target || target.disabled) return { ok: false, reason: 'unknown_operator', detail: command.assignee };
      return { ok: true, command: { ...command, team: target.team } };
    }
    if (!deps.teams.some((t) => t.id === command.team)) return { ok: false, reason: 'unknown_team', detail: String(command.team) };
    return { ok: true, command };
  }
  if (command.action === 'dispatch' && command.unitOperator && !(await deps.isLinkedUnit?.(command.unitOperator)))
    return { ok: false, reason: 'unknown_unit', detail: command.unitOperator };
  if (command.action !== 'ask_info' && command.action !== 'close') return { ok: true, command };
  if (!command.templateId) {
    if (command.action === 'ask_info') return { ok: true, command: { ...command, message: command.message ?? '' } };
    return { ok: true, command };
  }
  const [template, report] = await Promise.all([deps.templates.get(command.templateId), deps.reports.get(reportId)]);
  if (!report) return { ok: false, reason: 'report_not_found', detail: reportId };
  if (!template) return { ok: false, reason: 'unknown_template', detail: command.templateId };
  const outcome = command.action === 'close' ? command.outcome : undefined;
  if (template.purpose !== command.action || !templateFits(template, report, outcome))
    return { ok: false, reason: 'template_mismatch', detail: template.name };
  const lang = citizenLanguage(report);
  const text = renderTemplate(template.texts[lang], templateValuesOf(report, lang, deps));
  return command.action === 'ask_info'
    ? { ok: true, command: { action: 'ask_info', version: command.version, message: text, templateId: template.id } }
    : { ok: true, command: { ...command, citizenMessage: text, templateId: template.id } };
}
