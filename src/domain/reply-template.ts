/**
 * Reply templates: texts supervisors prepare for the questions and closing words agents send to
 * citizens, one variant per language (the citizen's language picks it), for a category or an outcome
 * or for all. Placeholders: {ticket}, {category}, {zone}, {team}; an unknown one is left as written.
 */
export const TEMPLATE_PURPOSES = ['ask_info', 'close'] as const;
export type TemplatePurpose = (typeof TEMPLATE_PURPOSES)[number];
export const TEMPLATE_PLACEHOLDERS = ['ticket', 'category', 'zone', 'team'] as const;
export type TemplateValues = Partial<Record<(typeof TEMPLATE_PLACEHOLDERS)[number], string>>;

export type ReplyTemplate = {
  id: string;
  name: string;
  purpose: TemplatePurpose;
  /** Only for reports of this category (any when absent). */
  categoryId?: string;
  /** Closing templates: only for this outcome (any when absent). */
  outcome?: string;
  texts: { it: string; en: string };
  updatedBy: string;
  updatedAt: Date;
};

export function renderTemplate(text: string, values: TemplateValues): string {
  return text.replace(/\{(ticket|category|zone|team)\}/g, (whole, key: keyof TemplateValues) => values[key] ?? whole);
}

/** Whether a template fits a report (its category) and, when closing, the chosen outcome. */
export function templateFits(t: Pick<ReplyTemplate, 'categoryId' | 'outcome'>, report: { categoryId: string }, outcome?: string): boolean {
  return (!t.categoryId || t.categoryId === report.categoryId) && (!t.outcome || !outcome || t.outcome === outcome);
}
