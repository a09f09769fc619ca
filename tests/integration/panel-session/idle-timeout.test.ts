/**
 * The idle timeout counts only what the operator does: the panel's automatic refreshes (marked
 * X-Background-Request: 1) and the live event stream do not keep an unattended panel signed in.
 * The service runs with a 6-second idle timeout (PANEL_IDLE_TIMEOUT_MINUTES=0.1).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app';
import { loggedIn, openLiveStream, type PanelClient } from '../panel/panel-helpers';

const IDLE_MS = 6_000;
const BACKGROUND = { 'X-Background-Request': '1' };

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ PANEL_IDLE_TIMEOUT_MINUTES: '0.1' });
});
afterAll(async () => {
  await app?.stop();
});

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Requests every half second until `forMs` have passed; returns every status seen, in order. */
async function keepRequesting(client: PanelClient, forMs: number, headers: Record<string, string>): Promise<number[]> {
  const statuses: number[] = [];
  const until = Date.now() + forMs;
  while (Date.now() < until) {
    statuses.push((await client.get('/api/reports', { headers })).status);
    await pause(500);
  }
  return statuses;
}

describe('panel idle timeout', () => {
  it('logs out an unattended panel even while it refreshes itself in the background', async () => {
    const client = await loggedIn(app, 'idle.background', 'agent');
    const live = await openLiveStream(client);
    try {
      expect(live.status).toBe(200);
      const statuses = await keepRequesting(client, IDLE_MS + 2_000, BACKGROUND);
      // Authenticated at first, then refused once the operator has done nothing for the idle time.
      expect(statuses[0]).toBe(200);
      expect(statuses.at(-1)).toBe(401);
      expect(statuses.indexOf(401)).toBeGreaterThan(0);
      expect(statuses.slice(statuses.indexOf(401)).every((s) => s === 401)).toBe(true);
    } finally {
      live.close();
    }
    // The session is over: the operator's own next request does not bring it back.
    const me = await client.get('/api/auth/me');
    expect(me.status).toBe(401);
    expect(me.body.error).toMatch(/sessione|login/i);
  }, 30_000);

  it('keeps the session of an operator who keeps working', async () => {
    const client = await loggedIn(app, 'idle.active', 'agent');
    const statuses = await keepRequesting(client, IDLE_MS + 2_000, {});
    expect(statuses.every((s) => s === 200)).toBe(true);
    // Background refreshes after real activity are fine while the idle time has not passed.
    expect((await client.get('/api/reports', { headers: BACKGROUND })).status).toBe(200);
    expect((await client.get('/api/auth/me')).status).toBe(200);
  }, 30_000);
});
