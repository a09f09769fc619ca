/**
 * Failed panel logins are visible to Prometheus: the HTTP histogram counts them by route pattern
 * and status (401), which the VicinatoLoginFailures alert in deploy/prometheus/alerts.yml reads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app';
import { addOperator, PanelClient, PASSWORD } from './panel-helpers';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await addOperator(app, 'mario.rossi', 'agent');
});
afterAll(async () => {
  await app.stop();
});

const loginSamples = async (status: string) => {
  const text = await (await fetch(`${app.url}/metrics`)).text();
  const line = text
    .split('\n')
    .find(
      (l) =>
        l.startsWith('vicinato_http_request_duration_seconds_count{') &&
        l.includes('route="/api/auth/login"') &&
        l.includes(`status="${status}"`),
    );
  return line ? Number(line.split(' ').pop()) : 0;
};

describe('login failures in /metrics', () => {
  it('counts wrong passwords and unknown users as 401 on /api/auth/login, and a success as 200', async () => {
    const client = new PanelClient(app.url);
    expect((await client.login('mario.rossi', 'wrong password here')).status).toBe(401);
    expect((await client.login('nobody.here', 'whatever password')).status).toBe(401);
    expect(await loginSamples('401')).toBe(2);
    expect((await client.login('mario.rossi', PASSWORD)).status).toBe(200);
    expect(await loginSamples('200')).toBe(1);
  });
});
