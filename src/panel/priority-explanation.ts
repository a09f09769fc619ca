/**
 * "Why this priority": each stored factor of a report's priority with its points, what it means and
 * the weight rule that gave them (config/priority.ts), in the agent's language. Built from the
 * factors stored with the score, so it explains the score the queue sorts by.
 */
import { categoryById } from '../../config/categories';
import type { PriorityWeights } from '../domain/priority';
import type { ReportView } from '../domain/ports';
import type { PanelLang } from './panel-messages';

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

type Explainer = (w: PriorityWeights, r: Pick<ReportView, 'categoryId'>) => { label: string; rule: string };

const EXPLAINERS: Record<PanelLang, Record<string, Explainer>> = {
  it: {
    severity: (w, r) => {
      const sev = categoryById(r.categoryId)?.severity;
      return {
        label: 'Gravità della categoria',
        rule: `${sev ? `Gravità ${sev} su 5. ` : ''}Punti per gravità da 1 a 5: ${([1, 2, 3, 4, 5] as const).map((s) => w.severity[s]).join(', ')}.`,
      };
    },
    reliability: (w) => ({
      label: 'Come lo sa il cittadino',
      rule: `Visto di persona ${signed(w.reliability.seen)}, sentito dire ${signed(w.reliability.heard)}, non sicuro ${signed(w.reliability.unsure)}: conta la conoscenza più diretta tra segnalazione e conferme.`,
    }),
    urgency: (w) => ({
      label: 'Parole urgenti nella descrizione',
      rule: `${signed(w.urgencyTerm)} per ogni parola urgente diversa (per esempio «adesso», «bambini»), al massimo ${w.urgencyCap}.`,
    }),
    photo: (w) => ({ label: 'Foto', rule: `${signed(w.photo)} se c’è almeno una foto.` }),
    confirmations: (w) => ({
      label: 'Conferme di altri cittadini',
      rule: `${signed(w.confirmation)} per ogni cittadino che conferma la stessa situazione, al massimo ${w.confirmationCap}.`,
    }),
    recency: (w) => ({
      label: 'Conferme ravvicinate',
      rule: `${signed(w.recency.points)} se l’ultima conferma è arrivata entro ${w.recency.fullWithinHours} h dalla segnalazione o conferma precedente, poi sempre meno fino a 0 dopo ${w.recency.noneAfterHours} h.`,
    }),
  },
  en: {
    severity: (w, r) => {
      const sev = categoryById(r.categoryId)?.severity;
      return {
        label: 'Category severity',
        rule: `${sev ? `Severity ${sev} of 5. ` : ''}Points for severity 1 to 5: ${([1, 2, 3, 4, 5] as const).map((s) => w.severity[s]).join(', ')}.`,
      };
    },
    reliability: (w) => ({
      label: 'How the citizen knows',
      rule: `Seen in person ${signed(w.reliability.seen)}, heard about it ${signed(w.reliability.heard)}, not sure ${signed(w.reliability.unsure)}: the most direct knowledge among report and confirmations counts.`,
    }),
    urgency: (w) => ({
      label: 'Urgent words in the description',
      rule: `${signed(w.urgencyTerm)} for each different urgent word (e.g. “now”, “children”), at most ${w.urgencyCap}.`,
    }),
    photo: (w) => ({ label: 'Photo', rule: `${signed(w.photo)} when there is at least one photo.` }),
    confirmations: (w) => ({
      label: 'Confirmations by other citizens',
      rule: `${signed(w.confirmation)} for each citizen confirming the same situation, at most ${w.confirmationCap}.`,
    }),
    recency: (w) => ({
      label: 'Confirmations close in time',
      rule: `${signed(w.recency.points)} when the latest confirmation came within ${w.recency.fullWithinHours} h of the report or confirmation before it, then less and less down to 0 after ${w.recency.noneAfterHours} h.`,
    }),
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
    const explain = EXPLAINERS[lang][factor];
    return { factor, points, ...(explain ? explain(weights, report) : { label: factor, rule: '' }) };
  });
  return { score: report.priority, total: factors.reduce((sum, f) => sum + f.points, 0), factors };
}
