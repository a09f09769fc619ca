/** The login is rate-limited per client address, with counters in Redis shared by every web process. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { RATE_LIMIT_FAILURES } from '../../../src/panel/login-limits';
import { startTestApp, type TestApp } from '../../support/test-app';
import { PASSWORD, PanelClient, addOperator } from './panel-helpers';
import { createClient } from './redis-client';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.stop();
});

it('answers 429 after too many failed logins from one address, counting only failures', async () => {
  await addOperator(app, 'rate.ok', 'agent');
  const client = new PanelClient(app.url);
  // Successful logins do not count.
  for (let i = 0; i < 3; i++) expect((await client.login('rate.ok', PASSWORD)).status).toBe(200);
  const statuses: number[] = [];
  for (let i = 0; i < RATE_LIMIT_FAILURES; i++) statuses.push((await client.login(`nobody.${i}`, 'wrong password')).status);
  expect(statuses).toEqual(Array(RATE_LIMIT_FAILURES).fill(401));
  const limited = await client.login('rate.ok', PASSWORD);
  expect(limited.status).toBe(429);
  expect(limited.body.error).toMatch(/Troppi tentativi di accesso/);

  const redis = createClient(app.config.REDIS_URL);
  const keys = await redis.keys(`${app.config.REDIS_PREFIX}:ratelimit:login:*`);
  await redis.quit();
  expect(keys.length).toBe(1);
});
