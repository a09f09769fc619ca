/**
 * "Why this priority": each stored factor of a report's priority with its points, what it means and
 * the weight rule that gave them (config/priority.ts), in the agent's language. Built from the
 * factors stored with the score, so it explains the score the queue sorts by.
 */
import { categoryById } from '../../config/categories';
import type { PriorityWeights } from '../domain/priority';
import type { ReportView } from '../domain/ports';
import type { PanelLang } from './panel-messages';
import { panelTexts } from '../texts/panel';

export type PriorityFactorExplanation = {
  /** The factor's code: severity, reliability, urgency, photo, confirmations, recency. */
  factor: string;
  points: number;
  /** What the factor is. */
  label: string;
  /** How its points are given (the weights). */
  rule: string;
};

export type PriorityExplanation = {
  /** The stored priority (0-100). */
  score: number;
  /** The factors' sum before clamping to 0-100. */
  total: number;
  factors: PriorityFactorExplanation[];
};

const ORDER = ['severity', 'reliability', 'urgency', 'photo', 'confirmations', 'recency'];

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '0');

type Explainer = (w: PriorityWeights, r: Pick<ReportView, 'categoryId'>, lang: PanelLang) => { label: string; rule: string };

/** Each factor's label and rule in words (src/texts/panel priority.*.ts), with this deployment's weights. */
const EXPLAINERS: Record<string, Explainer> = {
  severity: (w, r, lang) => {
    const t = panelTexts[lang].priority.severity;
    const severity = categoryById(r.categoryId)?.severity;
    return { label: t.label, rule: t.rule({ severity, points: ([1, 2, 3, 4, 5] as const).map((s) => w.severity[s]).join(', ') }) };
  },
  reliability: (w, _r, lang) => {
    const t = panelTexts[lang].priority.reliability;
    return { label: t.label, rule: t.rule({ seen: signed(w.reliability.seen), heard: signed(w.reliability.heard), unsure: signed(w.reliability.unsure) }) };
  },
  urgency: (w, _r, lang) => {
    const t = panelTexts[lang].priority.urgency;
    return { label: t.label, rule: t.rule({ each: signed(w.urgencyTerm), cap: w.urgencyCap }) };
  },
  photo: (w, _r, lang) => {
    const t = panelTexts[lang].priority.photo;
    return { label: t.label, rule: t.rule({ points: signed(w.photo) }) };
  },
  confirmations: (w, _r, lang) => {
    const t = panelTexts[lang].priority.confirmations;
    return { label: t.label, rule: t.rule({ each: signed(w.confirmation), cap: w.confirmationCap }) };
  },
  recency: (w, _r, lang) => {
    const t = panelTexts[lang].priority.recency;
    return {
      label: t.label,
      rule: t.rule({ points: signed(w.recency.points), fullWithinHours: w.recency.fullWithinHours, noneAfterHours: w.recency.noneAfterHours }),
    };
  },
};

/** The explanation, or undefined for a report stored without factors. */
export function explainPriority(
  report: Pick<ReportView, 'priority' | 'priorityFactors' | 'categoryId'>,
  weights: PriorityWeights,
  lang: PanelLang,
): PriorityExplanation | undefined {
  const stored = report.priorityFactors;
  if (!stored || Object.keys(stored).length === 0) return undefined;
  const keys = [
    ...ORDER.filter((k) => k in stored),
    ...Object.keys(stored)
      .filter((k) => !ORDER.includes(k))
      .sort(),
  ];
  const factors = keys.map((factor) => {
    const points = Number(stored[factor]) || 0;
    const explain = EXPLAINERS[factor];
    return { factor, points, ...(explain ? explain(weights, report, lang) : { label: factor, rule: '' }) };
  });
  return { score: report.priority, total: factors.reduce((sum, f) => sum + f.points, 0), factors };
}
