/** The one module that names queues, job names and Redis keys. */
import type { Channel } from '../domain/message';

export const QUEUE_INBOUND = 'inbound';
export const outboundQueueName = (channel: Channel) => `outbound-${channel}`;
/** Supervisors' advisories: one fan-out job per advisory. */
export const QUEUE_ADVISORIES = 'advisories';

export const JOB_PROCESS_MESSAGE = 'process-message';
export const JOB_SEND_MESSAGE = 'send-message';
export const JOB_FAN_OUT_ADVISORY = 'fan-out-advisory';

/** BullMQ job ids may not contain ':' nor be integers. */
export const safeJobId = (...parts: string[]) => parts.map((p) => p.replace(/[^A-Za-z0-9_.@-]/g, '_')).join('__');

export const redisKeys = (prefix: string) => ({
  chatLock: (channel: Channel, chatId: string) => `${prefix}:lock:chat:${channel}:${chatId}`,
  chatThrottle: (channel: Channel, chatId: string) => `${prefix}:throttle:${channel}:${chatId}`,
  roleLock: (role: string) => `${prefix}:lock:role:${role}`,
  /** Set when a group chat was told the bot works in private chats only, so it is told once. */
  groupNotice: (channel: Channel, chatId: string) => `${prefix}:group-notice:${channel}:${chatId}`,
  eventsChannel: `${prefix}:events`,
  /** JSON { state, qr?, updatedAt, detail? } written by the whatsapp role, read by the panel and /readyz. */
  whatsappStatus: `${prefix}:whatsapp:status`,
  /** Key prefix of the panel's login rate-limit counters (rate-limit-redis). */
  loginRateLimit: `${prefix}:ratelimit:login:`,
  loginThrottle: `${prefix}:throttle:login:`,
  /** Key prefix of a public endpoint's rate-limit counters (open311, simulator, webhook-<channel>). */
  publicRateLimit: (name: string) => `${prefix}:ratelimit:${name}:`,
});
