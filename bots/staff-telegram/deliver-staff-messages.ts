/**
 * Sends the staff outbox: claims one message at a time (claim before send), looks up the operator's
 * chat at that moment (unlinked or disabled: not sent), sends the text with its buttons, the place
 * as a map pin and the chosen photos, then records the sent message ids (a reply to one of them is a
 * note on its report). Telegram's "retry after" and transient failures are retried; a refusal
 * (the operator blocked the bot) is recorded as failed.
 *
 * Rule for a send whose outcome was not recorded (the process died mid-send): the message is claimed
 * again after STALE_CLAIM_MS and sent once more. For operators a repeated dispatch is harmless and a
 * lost one is not, so staff messages are sent at least once.
 */
import type { MediaStore, StaffLinkStore, StaffOutbox, StaffOutboxItem } from '../../src/domain/ports';
import type { Logger } from '../../src/log/logger';
import { classifyApiError, type TelegramApi } from '../telegram/telegram-api';
import { inlineKeyboard } from './inline-keyboard';
import { uploadPhoto } from './upload-photo';

const STALE_CLAIM_MS = 60_000;
const MAX_ATTEMPTS = 30;
const backoffMs = (attempts: number) => Math.min(5 * 60_000, 1_000 * 2 ** Math.min(attempts, 9));

export type StaffDelivery = {
  /** Sends what is due; resolves when the outbox has nothing due. */
  drain(): Promise<number>;
};

export function createStaffDelivery(deps: {
  api: TelegramApi;
  /** Where photos are uploaded (the same bot as `api`). */
  upload: { apiRoot: string; token: string };
  outbox: StaffOutbox;
  links: StaffLinkStore;
  media: MediaStore;
  logger: Logger;
}): StaffDelivery {
  const { api, logger } = deps;

  const send = async (item: StaffOutboxItem, chatId: string): Promise<number[]> => {
    const ids: number[] = [];
    const sent = await api.sendMessage(chatId, item.text, {
      ...(item.buttons?.length ? { reply_markup: inlineKeyboard(item.buttons) } : {}),
      link_preview_options: { is_disabled: true },
    });
    ids.push(sent.message_id);
    if (item.place) ids.push((await api.sendVenue(chatId, item.place.lat, item.place.lng, item.place.title, item.place.address)).message_id);
    for (const ref of item.photos?.mediaRefs ?? []) {
      const photo = await deps.media.read(ref);
      if (photo) ids.push((await uploadPhoto(deps.upload, chatId, photo)).message_id);
    }
    return ids;
  };

  const deliverOne = async (item: StaffOutboxItem) => {
    const chatId = await deps.links.chatOf(item.operator);
    if (!chatId) return deps.outbox.markFailed(item.id, 'operator not linked or disabled');
    try {
      await deps.outbox.markSent(item.id, await send(item, chatId));
    } catch (err) {
      const failure = classifyApiError(err);
      const description = 'description' in failure ? failure.description : failure.kind;
      if (failure.kind === 'rate_limited') return deps.outbox.markFailed(item.id, 'rate limited', new Date(Date.now() + failure.retryAfterMs));
      if (failure.kind === 'transient' && item.attempts < MAX_ATTEMPTS) {
        logger.warn(`staff message ${item.key} not sent, retrying: ${description}`);
        return deps.outbox.markFailed(item.id, description, new Date(Date.now() + backoffMs(item.attempts)));
      }
      logger.error(`staff message ${item.key} for ${item.operator} not sent: ${description}`);
      await deps.outbox.markFailed(item.id, description);
    }
  };

  return {
    async drain() {
      let n = 0;
      for (let item = await deps.outbox.claimNext(new Date(), STALE_CLAIM_MS); item; item = await deps.outbox.claimNext(new Date(), STALE_CLAIM_MS)) {
        await deliverOne(item);
        n++;
      }
      return n;
    },
  };
}
