/**
 * The front end's main dictionary and label tables by language. The words live in src/texts/panel
 * (main.it.ts, main.en.ts, labels.*.ts); `{name}` marks a value filled in by `t`.
 */
import type { Channel, Outcome, Reliability, ReportStatus, Role } from '../api/types';
import { panelTexts } from '../../../../texts/panel';

export type MessageKey = keyof typeof panelTexts.it.main;
export type Dictionary = Record<MessageKey, string>;

type ByLanguage<K extends string> = Record<'it' | 'en', Record<K, string>>;
const labels = <K extends string>(group: keyof (typeof panelTexts)['it']['labels']): ByLanguage<K> => ({
  it: panelTexts.it.labels[group] as Record<K, string>,
  en: panelTexts.en.labels[group] as Record<K, string>,
});

export const STATUS_LABELS = labels<ReportStatus>('status');
export const OUTCOME_LABELS = labels<Outcome>('outcome');
export const RESOLUTION_LABELS = labels<'solved' | 'not_solved' | 'still_there'>('resolution');
export const RECURRENCE_LABELS = labels<'night' | 'evening' | 'morning' | 'afternoon' | 'day' | 'weekend'>('recurrence');
export const RELIABILITY_LABELS = labels<Reliability>('reliability');
export const CHANNEL_LABELS = labels<Channel>('channel');
export const ROLE_LABELS = labels<Role>('role');

export const DICTIONARIES: Record<'it' | 'en', Dictionary> = { it: panelTexts.it.main, en: panelTexts.en.main };
