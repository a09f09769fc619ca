/**
 * Tells a fault of the infrastructure (MongoDB or Redis unreachable, timed out, in an election; a
 * chat lock that could not be taken) from a fault of the message itself (an engine bug, an invalid
 * stored payload). Only the latter uses up a job's attempts: an outage, however long, is waited
 * out, and the message is processed once the servers are back. It lives in the domain because both
 * the queue adapter and the use cases ask it, and it depends on nothing (it reads names and codes).
 */
const MONGO_TRANSIENT_NAMES = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
  'MongoWaitQueueTimeoutError',
]);
const REDIS_TRANSIENT_NAMES = new Set(['MaxRetriesPerRequestError']);
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
]);
// Server answers of a MongoDB replica set in an election or stepping down.
const MONGO_TRANSIENT_CODES = new Set([6, 7, 89, 91, 189, 262, 9001, 10107, 11600, 11602, 13435, 13436]);

/** Another worker holds the chat (or held it when it died: the lock expires): wait, don't count it. */
export class ChatBusyError extends Error {
  override name = 'ChatBusyError';
}

type ErrorLike = {
  name?: string;
  message?: string;
  code?: unknown;
  cause?: unknown;
  errorLabels?: unknown;
  errorLabelSet?: unknown;
  hasErrorLabel?: (l: string) => boolean;
};

export function isInfrastructureFault(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 3) return false;
  const e = err as ErrorLike;
  if (e.name === 'ChatBusyError' || e.name === 'ConcurrentUpdateError') return true;
  if (e.name && (MONGO_TRANSIENT_NAMES.has(e.name) || REDIS_TRANSIENT_NAMES.has(e.name))) return true;
  if (
    typeof e.hasErrorLabel === 'function' &&
    (e.hasErrorLabel('RetryableWriteError') || e.hasErrorLabel('TransientTransactionError') || e.hasErrorLabel('ResetPool'))
  )
    return true;
  if (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) return true;
  if (typeof e.code === 'number' && e.name?.startsWith('Mongo') && MONGO_TRANSIENT_CODES.has(e.code)) return true;
  const message = e.message ?? '';
  // Mongoose queues operations while disconnected and fails them after bufferTimeoutMS.
  if (/buffering timed out after/.test(message)) return true;
  // ioredis: a command on a connection that is down or was closed.
  if (/^Connection is closed\.?$|Stream isn't writeable|Reached the max retries per request limit/.test(message)) return true;
  return isInfrastructureFault(e.cause, depth + 1);
}

/** How long to wait before the n-th retry of an infrastructure fault: 250 ms doubling, at most 30 s. */
export function infrastructureRetryDelayMs(retry: number): number {
  return Math.min(30_000, 250 * 2 ** Math.min(Math.max(retry, 0), 7));
}
