/**
 * winston logger: JSON in production, readable lines in development. Every line written inside a
 * request or a job carries its id (AsyncLocalStorage). Phone numbers, tokens and secrets are masked
 * before anything is written.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import winston from 'winston';

type LogContext = { requestId?: string; jobId?: string };
const contextStore = new AsyncLocalStorage<LogContext>();

/** Runs `fn` with ids that every log line inside it carries. */
export function withLogContext<T>(ctx: LogContext, fn: () => T): T {
  return contextStore.run({ ...contextStore.getStore(), ...ctx }, fn);
}

const SECRET_KEYS = /(token|secret|password|authorization|cookie|apikey|api_key|phone|wa_id)/i;
// Runs of 8+ digits, optionally with a leading +, are phone numbers or chat ids with numbers in them.
const PHONE = /\+?\d[\d\s-]{7,}\d/g;
// Telegram bot tokens inside URLs: /bot123456:AAAA.../
const BOT_TOKEN = /bot\d+:[\w-]+/g;

export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.replace(BOT_TOKEN, 'bot***').replace(PHONE, '***');
  if (depth > 5 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return { name: value.name, message: redact(value.message, depth + 1) };
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEYS.test(k) ? '***' : redact(v, depth + 1);
  return out;
}

const redactFormat = winston.format((info) => {
  const ctx = contextStore.getStore();
  if (ctx?.requestId) info.requestId = ctx.requestId;
  if (ctx?.jobId) info.jobId = ctx.jobId;
  for (const key of Object.keys(info)) {
    if (key === 'level' || key === 'timestamp') continue;
    info[key] = SECRET_KEYS.test(key) ? '***' : redact(info[key]);
  }
  return info;
});

export type Logger = winston.Logger;

export function createLogger(opts: { level: string; json: boolean; silent?: boolean }): Logger {
  const readable = winston.format.printf(({ level, message, timestamp, requestId, jobId, ...rest }) => {
    const id = requestId ? ` [req ${requestId}]` : jobId ? ` [job ${jobId}]` : '';
    const extra = Object.keys(rest).length ? ` ${JSON.stringify(rest)}` : '';
    return `${timestamp} ${level}${id}: ${message}${extra}`;
  });
  const logger = winston.createLogger({
    level: opts.level,
    silent: opts.silent,
    format: winston.format.combine(
      winston.format.timestamp(),
      redactFormat(),
      opts.json ? winston.format.json() : winston.format.combine(winston.format.colorize(), readable),
    ),
    transports: [new winston.transports.Console()],
  });
  return skippingDisabledLevels(logger);
}

/**
 * winston formats every line (timestamp, redaction, JSON) before its transports drop those below
 * the level: a debug line in production would cost as much as a written one. Lines of a disabled
 * level are dropped before that (the level is read at each call, so a changed level applies at once).
 */
function skippingDisabledLevels(logger: Logger): Logger {
  const byLevel = logger as unknown as Record<string, (...args: unknown[]) => Logger>;
  for (const level of Object.keys(logger.levels)) {
    const write = byLevel[level]!.bind(logger);
    byLevel[level] = (...args) => (logger.isLevelEnabled(level) ? write(...args) : logger);
  }
  return logger;
}
