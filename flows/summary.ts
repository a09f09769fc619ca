/** The summary the citizen confirms or corrects before sending. */
import type { DialogReply } from '../src/dialog/engine.types';
import type { Language } from '../src/dialog/state';
import { summaryMenu } from './choices';
import { promptsFor } from '../src/texts/citizen';
import type { ReportDraft } from './report-draft';
import { categoryLabel } from './steps/category.steps';

export function renderSummary(draft: ReportDraft, lang: Language): DialogReply {
  const p = promptsFor(lang);
  const t = p.summary;
  const location = draft.location;
  const where = location ? [location.address ?? p.location.pinWithoutAddress, location.zoneName].filter(Boolean).join(' · ') : '?';
  const lines = [
    t.title,
    `• ${t.fields.category}: ${categoryLabel(draft.categoryId, lang)}`,
    `• ${t.fields.reliability}: ${draft.reliability ? p.reliability.labels[draft.reliability] : '?'}`,
    `• ${t.fields.location}: ${where}`,
    ...(draft.observedWhen ? [`• ${t.when}: ${draft.observedWhen.text}`] : []),
    `• ${t.fields.photo}: ${t.photos(draft.photoRefs.length)}`,
    `• ${t.fields.description}: «${draft.description ?? ''}»`,
    '',
    t.question,
  ];
  return { text: lines.join('\n'), choices: summaryMenu.labels(lang) };
}
