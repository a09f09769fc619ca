/**
 * One update of the staff bot. Who writes is looked up on every update (a disabled or unlinked
 * operator is refused at once); only private chats count. A code links the chat; a reply to a
 * dispatch is a note on its report; a button is an answer to a dispatch (src/app/staff/unit-actions.ts).
 * It throws when MongoDB cannot be reached, so long polling keeps the update and tries again.
 */
import type { StaffOutbox, StaffLinkStore, AuditLog } from '../../src/domain/ports';
import type { Logger } from '../../src/log/logger';
import { redeemStaffLinkCode, linkCodeIn } from '../../src/app/staff/link-staff-telegram';
import { staffTexts } from '../../src/app/staff/staff-texts';
import { parseUnitCallback } from '../../src/app/staff/unit-buttons';
import { addUnitNote, handleUnitCallback, type UnitActionDeps } from '../../src/app/staff/unit-actions';
import type { TelegramApi } from '../telegram/telegram-api';
import { inlineKeyboard } from './inline-keyboard';
import { staffUpdateSchema } from './staff-update.schema';

export type StaffUpdateDeps = {
  api: TelegramApi;
  links: StaffLinkStore;
  outbox: StaffOutbox;
  audit: AuditLog;
  units: UnitActionDeps;
  logger: Logger;
};

export function createStaffUpdateHandler(deps: StaffUpdateDeps) {
  const { api, logger } = deps;
  /** Replies outside the outbox (to a chat that is not, or no longer, linked): best effort. */
  const say = (chatId: number, text: string) => api.sendMessage(chatId, text).then(
    () => undefined,
    (err: Error) => logger.warn(`staff bot reply failed: ${err.message}`),
  );

  return async function handleStaffUpdate(raw: unknown): Promise<{ kind: 'handled' | 'ignored' } | { kind: 'invalid'; reason: string }> {
    const parsed = staffUpdateSchema.safeParse(raw);
    if (!parsed.success) return { kind: 'invalid', reason: 'not an update the staff bot reads' };
    const update = parsed.data;

    if (update.callback_query) {
      const cb = update.callback_query;
      const answer = (text: string) => api.answerCbQuery(cb.id, text || undefined).catch(() => undefined);
      if (cb.message && cb.message.chat.type !== 'private') return { kind: 'ignored' };
      const operator = await deps.links.operatorByChat(String(cb.from.id));
      if (!operator) {
        await answer(staffTexts('it').notLinked);
        return { kind: 'handled' };
      }
      const parsedData = parseUnitCallback(cb.data ?? '');
      if (!parsedData) {
        await answer('');
        return { kind: 'ignored' };
      }
      const reply = await handleUnitCallback(deps.units, operator, parsedData);
      await answer(reply.answer);
      if (reply.buttons && cb.message)
        await api
          .editMessageReplyMarkup(cb.message.chat.id, cb.message.message_id, undefined, inlineKeyboard(reply.buttons))
          .catch((err: Error) => logger.debug?.(`staff bot keyboard not updated: ${err.message}`));
      if (reply.prompt)
        await deps.outbox.enqueue({
          key: `note-prompt:${update.update_id}`,
          operator: operator.username,
          reportId: reply.prompt.reportId,
          text: reply.prompt.text,
        });
      return { kind: 'handled' };
    }

    const message = update.message;
    if (!message || message.chat.type !== 'private' || !message.text || message.from?.is_bot) return { kind: 'ignored' };
    const chatId = String(message.chat.id);
    const operator = await deps.links.operatorByChat(chatId);

    if (linkCodeIn(message.text)) {
      const linked = await redeemStaffLinkCode({ links: deps.links, audit: deps.audit }, { text: message.text, chatId });
      if (linked)
        await deps.outbox.enqueue({ key: `linked:${update.update_id}`, operator: linked.username, text: staffTexts(linked.language).linked(linked.displayName) });
      else await say(message.chat.id, staffTexts(operator?.language ?? 'it').badCode);
      return { kind: 'handled' };
    }
    if (!operator) {
      await say(message.chat.id, staffTexts('it')[/^\/start\b/i.test(message.text) ? 'welcome' : 'notLinked']);
      return { kind: 'handled' };
    }
    const t = staffTexts(operator.language);
    const reportId = message.reply_to_message
      ? await deps.outbox.reportOfMessage(operator.username, message.reply_to_message.message_id)
      : null;
    const text = reportId ? await addUnitNote(deps.units, operator, { reportId, text: message.text }) : t.replyToNote;
    await deps.outbox.enqueue({ key: `reply:${update.update_id}`, operator: operator.username, text });
    return { kind: 'handled' };
  };
}
