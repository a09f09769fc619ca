/** How a report's priority is worked out, factor by factor: in English, with exactly the Italian keys. */
import type { PriorityTexts } from './priority.it';

export const priorityEn: PriorityTexts = {
  severity: {
    label: 'Category severity',
    rule: (p) => `${p.severity ? `Severity ${p.severity} of 5. ` : ''}Points for severity 1 to 5: ${p.points}.`,
  },
  reliability: {
    label: 'How the citizen knows',
    rule: (p) =>
      `Seen in person ${p.seen}, heard about it ${p.heard}, not sure ${p.unsure}: the most direct knowledge among report and confirmations counts.`,
  },
  urgency: {
    label: 'Urgent words in the description',
    rule: (p) => `${p.each} for each different urgent word (e.g. “now”, “children”), at most ${p.cap}.`,
  },
  photo: { label: 'Photo', rule: (p) => `${p.points} when there is at least one photo.` },
  confirmations: {
    label: 'Confirmations by other citizens',
    rule: (p) => `${p.each} for each citizen confirming the same situation, at most ${p.cap}.`,
  },
  recency: {
    label: 'Confirmations close in time',
    rule: (p) =>
      `${p.points} when the latest confirmation came within ${p.fullWithinHours} h of the report or confirmation before it, then less and less down to 0 after ${p.noneAfterHours} h.`,
  },
};
