/**
 * Per-file isolation on the shared servers: a fresh database name and Redis key prefix for each
 * test file (like BullMQ's own tests, which use a random queue name each).
 */
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';

export function uniqueName(prefix: string): string {
  return `${prefix}_${randomBytes(5).toString('hex')}`;
}

/** The MongoDB URL with its database replaced by a fresh one. */
export function freshMongoUrl(prefix = 'test'): string {
  const url = new URL(inject('mongoUrl'));
  url.pathname = `/${uniqueName(prefix)}`;
  return url.toString();
}

export function redisUrl(): string {
  return inject('redisUrl');
}
