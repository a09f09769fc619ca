/**
 * The per-citizen message limit: at most `perMinute` messages of one chat in any minute reach the
 * dialog. The first message over the limit gets one polite answer; later ones in the same minute are
 * stored (the inbox is the ledger) and marked processed without an answer. The count is read from
 * MongoDB by the message's own time, so a retried job decides the same way.
 */
import type { DialogTurn } from '../../dialog/engine.types';
import type { Language } from '../../domain/message';
import type { InboxRecord, InboxStore } from '../../domain/ports';

export type MessageLimit = { perMinute: number; notice(lang: Language): string };

const MINUTE_MS = 60_000;

const languageOf = (state: unknown): Language =>
  typeof state === 'object' && state !== null && (state as { language?: unknown }).language === 'en' ? 'en' : 'it';

/** undefined: the message goes to the dialog; else the turn to record instead (state unchanged). */
export async function messageLimitVerdict(
  limit: MessageLimit,
  inbox: Pick<InboxStore, 'countReceived'>,
  record: InboxRecord,
  state: unknown,
): Promise<DialogTurn<unknown> | undefined> {
  // A first contact is never limited: there is no saved dialog to keep unchanged.
  if (state === null || state === undefined) return undefined;
  const to = new Date(record.receivedAt);
  const count = await inbox.countReceived(record.channel, record.chatId, new Date(to.getTime() - MINUTE_MS), to);
  if (count <= limit.perMinute) return undefined;
  const lang = languageOf(state);
  const replies = count === limit.perMinute + 1 ? [{ text: limit.notice(lang) }] : [];
  return { state, replies, language: lang };
}
