/**
 * /readyz tells anyone whether the service is ready and what is down, but its details (channel
 * states, which host and pid hold a lock) only to the operator: a caller on loopback or one with
 * READYZ_TOKEN. On the old code every caller got every detail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';

const TOKEN = 'kq3N8v2Lk9XzR4tWb7YhJ1mPc6FgDs0A';
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ READYZ_TOKEN: TOKEN });
});
afterAll(async () => {
  await app?.stop();
});

// The test reaches the app through loopback, a trusted proxy by default: X-Forwarded-For names the caller.
const readyz = (headers: Record<string, string> = {}) =>
  fetch(`${app.url}/readyz`, { headers }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> }));

describe('/readyz details', () => {
  it('shows a caller from outside only the status and what is down', async () => {
    const outside = await readyz({ 'x-forwarded-for': '203.0.113.5' });
    expect(outside.status).toBe(200);
    expect(outside.body).toEqual({ status: 'ready', down: [] });
    const wrongToken = await readyz({ 'x-forwarded-for': '203.0.113.5', authorization: 'Bearer not-the-token' });
    expect(wrongToken.body).not.toHaveProperty('checks');
  });

  it('shows the details to the operator: with the token, or on loopback', async () => {
    const withToken = await readyz({ 'x-forwarded-for': '203.0.113.5', authorization: `Bearer ${TOKEN}` });
    expect(withToken.body).toHaveProperty('checks.mongodb', 'up');
    const local = await readyz();
    expect(local.body).toHaveProperty('checks.redis', 'up');
  });
});
