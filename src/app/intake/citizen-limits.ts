/**
 * The per-citizen message limit: at most `perMinute` messages of one chat in any minute reach the
 * dialog. The first message over the limit gets one polite answer; later ones in the same minute are
 * stored (the inbox is the ledger) and marked processed without an answer. The count comes from the
 * receipt times saved with the conversation at each turn (no query of its own), by the message's own
 * time, so a retried job decides the same way.
 */
import type { DialogTurn } from '../../dialog/engine.types';
import type { Language } from '../../domain/message';
import type { ConversationRecord, InboxRecord } from '../../domain/ports';

export type MessageLimit = { perMinute: number; notice(lang: Language): string };

const MINUTE_MS = 60_000;

const languageOf = (state: unknown): Language =>
  typeof state === 'object' && state !== null && (state as { language?: unknown }).language === 'en' ? 'en' : 'it';

/** The chat's earlier messages received in the minute up to `at`. */
const inTheMinuteBefore = (receipts: Date[] | undefined, at: Date) =>
  (receipts ?? []).filter((t) => new Date(t).getTime() > at.getTime() - MINUTE_MS && new Date(t).getTime() <= at.getTime());

/** undefined: the message goes to the dialog; else the turn to record instead (state unchanged). */
export function messageLimitVerdict(
  limit: MessageLimit,
  record: InboxRecord,
  saved: Pick<ConversationRecord<unknown>, 'state' | 'recentReceipts'>,
): DialogTurn<unknown> | undefined {
  // A first contact is never limited: there is no saved dialog to keep unchanged.
  if (saved.state === null || saved.state === undefined) return undefined;
  const count = inTheMinuteBefore(saved.recentReceipts, new Date(record.receivedAt)).length + 1;
  if (count <= limit.perMinute) return undefined;
  const lang = languageOf(saved.state);
  const replies = count === limit.perMinute + 1 ? [{ text: limit.notice(lang) }] : [];
  return { state: saved.state, replies, language: lang };
}

/**
 * The receipt times to save with the turn of `record`: the last minute's, this one included, and no
 * more than the verdict can tell apart (perMinute + 1 earlier ones already mean "over the limit, silent").
 */
export function receiptsAfter(limit: MessageLimit, record: InboxRecord, saved: Pick<ConversationRecord<unknown>, 'recentReceipts'>): Date[] {
  const at = new Date(record.receivedAt);
  return [...inTheMinuteBefore(saved.recentReceipts, at), at].slice(-(limit.perMinute + 1));
}
