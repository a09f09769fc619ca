/**
 * Labels of statuses, outcomes, channels and timeline actions, as agents read them: the API's texts
 * and, through the panel's dictionary, the front end's. The wording is in src/texts/panel
 * (labels.it.ts, labels.en.ts); this turns it into key -> language -> text tables. Type imports
 * only besides the texts, so the front end can import this file.
 */
import type { Channel } from '../domain/message';
import type { Outcome, ReportStatus } from '../domain/report';
import { panelTexts } from '../texts/panel';
import type { PanelLang } from './panel-messages';

type Labels<K extends string> = Record<K, Record<PanelLang, string>>;
type LabelGroup = keyof (typeof panelTexts)['it']['labels'];

function labelTable<K extends string>(group: LabelGroup): Labels<K> {
  const it = panelTexts.it.labels[group] as Record<K, string>;
  const en = panelTexts.en.labels[group] as Record<K, string>;
  return Object.fromEntries(Object.keys(it).map((key) => [key, { it: it[key as K], en: en[key as K] }])) as Labels<K>;
}

export const STATUS_LABELS: Labels<ReportStatus> = labelTable('status');
export const OUTCOME_LABELS: Labels<Outcome> = labelTable('outcome');
export const CHANNEL_LABELS: Labels<Channel> = labelTable('channel');
export const ACTION_LABELS: Labels<string> = labelTable('action');
export const RESOLUTION_LABELS: Labels<'solved' | 'not_solved' | 'still_there'> = labelTable('resolution');

export const labelOf = <K extends string>(labels: Labels<K>, key: K | string, lang: PanelLang): string =>
  (labels as Record<string, Record<PanelLang, string>>)[key]?.[lang] ?? key;
