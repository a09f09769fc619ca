/**
 * Handles one update, the same way for the webhook and for long polling: check its shape, fetch a
 * photo, then store the message with `ctx.receive`. It resolves only once the message is in the
 * inbox, and throws when it could not be stored, so the caller does not acknowledge the update and
 * Telegram delivers it again.
 */
import { redisKeys } from '../../src/queue/queue-names';
import type { ChannelContext } from '../channel-context';
import { fetchPhoto } from './fetch-photo';
import { fetchVoiceNote } from './fetch-voice-note';
import type { TelegramApi } from './telegram-api';
import { groupNotice } from './texts';
import { planUpdate } from './update-to-inbound';
import { updateSchema } from './update.schema';

export type UpdateOutcome =
  { kind: 'stored'; duplicate: boolean } | { kind: 'invalid'; reason: string } | { kind: 'group' | 'blocked' | 'ignored' };

export type UpdateHandler = (raw: unknown) => Promise<UpdateOutcome>;

const GROUP_NOTICE_TTL_S = 30 * 24 * 3600;

export function createUpdateHandler(deps: {
  ctx: ChannelContext;
  api: TelegramApi;
  /** The bot's @username once known (getMe), for the link in the group notice. */
  botUsername(): Promise<string | undefined>;
  now?: () => Date;
}): UpdateHandler {
  const { ctx, api } = deps;
  const now = deps.now ?? (() => new Date());
  const keys = redisKeys(ctx.config.REDIS_PREFIX);

  const answerCallback = async (id: string | undefined) => {
    if (!id) return;
    // Only stops the button's spinner: a failure loses nothing.
    await api.answerCbQuery(id).catch((err: Error) => ctx.logger.warn(`telegram answerCallbackQuery failed: ${err.message}`));
  };

  // Groups are told once (per 30 days) and nothing of theirs is stored: no inbox record, no
  // identity, no log of the text. Only the group's id sits in Redis, to keep the notice single.
  const noticeGroup = async (chatId: string) => {
    const key = keys.groupNotice('telegram', chatId);
    if ((await ctx.redis.set(key, '1', 'EX', GROUP_NOTICE_TTL_S, 'NX')) !== 'OK') return;
    try {
      await api.sendMessage(chatId, groupNotice(await deps.botUsername()));
    } catch (err) {
      await ctx.redis.del(key).catch(() => undefined);
      ctx.logger.warn(`telegram group notice not sent: ${(err as Error).message}`);
    }
  };

  return async (raw) => {
    const parsed = updateSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { kind: 'invalid', reason: `${issue?.path.join('.') || 'update'}: ${issue?.message ?? 'not a Telegram update'}` };
    }
    const plan = planUpdate(parsed.data, now(), { voiceNotes: Boolean(ctx.audio) });
    switch (plan.kind) {
      case 'inbound': {
        const sound = plan.media?.audio && ctx.audio ? { ...plan.media, audio: plan.media.audio } : undefined;
        const message = sound
          ? {
              ...plan.message,
              payload: await fetchVoiceNote(
                {
                  api,
                  audio: ctx.audio!,
                  limits: { maxBytes: ctx.config.VOICE_NOTE_MAX_BYTES, maxSeconds: ctx.config.VOICE_NOTE_MAX_SECONDS },
                  allowedHosts: ctx.config.MEDIA_ALLOWED_HOSTS,
                  onError: (err) => ctx.logger.warn(`telegram voice note download failed: ${err.message}`),
                },
                sound,
              ),
            }
          : plan.media
          ? {
              ...plan.message,
              payload: await fetchPhoto(
                {
                  api,
                  media: ctx.media,
                  maxBytes: ctx.config.MEDIA_MAX_BYTES,
                  allowedHosts: ctx.config.MEDIA_ALLOWED_HOSTS,
                  onError: (err) => ctx.logger.warn(`telegram photo download failed: ${err.message}`),
                },
                plan.media,
              ),
            }
          : plan.message;
        const { duplicate } = await ctx.receive(message);
        await answerCallback(plan.callbackQueryId);
        return { kind: 'stored', duplicate };
      }
      case 'group-notice':
        await noticeGroup(plan.chatId).catch((err: Error) => ctx.logger.warn(`telegram group notice: ${err.message}`));
        await answerCallback(plan.callbackQueryId);
        return { kind: 'group' };
      case 'blocked':
        await ctx.identities.markUnreachable('telegram', plan.chatId);
        return { kind: 'blocked' };
      case 'ignore':
        await answerCallback(plan.callbackQueryId);
        ctx.logger.debug(`telegram update ${parsed.data.update_id} ignored: ${plan.reason}`);
        return { kind: 'ignored' };
    }
  };
}
