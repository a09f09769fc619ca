/**
 * A careless installer: the service started as the README's production section says. Production is
 * the default (no NODE_ENV), the simulator is off, the demo's accounts cannot sign in (their
 * passwords were printed on a developer's terminal), and session cookies are Secure `__Host-` ones.
 * On the old code NODE_ENV defaulted to development: the simulator was on (anyone could inject
 * reports or read a chat by id) and `admin.demo` signed in with the password written in the repository.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';
import { addOperator, PanelClient, PASSWORD } from '../integration/panel/panel-helpers';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({
    NODE_ENV: '', // unset: the default applies
    SESSION_SECRET: randomBytes(32).toString('base64'),
    CITIZEN_REF_SECRET: randomBytes(32).toString('base64'),
    PUBLIC_URL: 'https://segnalazioni.comune.example.it',
    DATA_ENCRYPTION_KEY: 'Jm3k9QxV2pLr7TzW5yNc8HbF1dGs4Ae6UoIiKlMnBvQ=',
  });
});
afterAll(async () => {
  await app?.stop();
});

describe('production by default', () => {
  it('does not serve the simulator', async () => {
    const res = await fetch(`${app.url}/api/simulator/chats/intruder/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'spaccio in piazza' }),
    });
    // Not served: the request falls through to the panel's API, which wants a signed-in operator.
    expect([401, 404]).toContain(res.status);
    expect(await app.mongo.collection('inbox_messages').countDocuments({})).toBe(0);
    expect((await fetch(`${app.url}/simulator`)).status).toBe(404);
  });

  it('refuses a demo account exactly as a wrong password, and lets a real operator in with a Secure __Host- cookie', async () => {
    await addOperator(app, 'admin.demo', 'admin');
    await addOperator(app, 'mario.rossi', 'agent');
    const demo = await new PanelClient(app.url).login('admin.demo', PASSWORD);
    const wrong = await new PanelClient(app.url).login('mario.rossi', 'not the password');
    expect(demo.status).toBe(401);
    expect(demo.body).toEqual(wrong.body);

    const res = await fetch(`${app.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'mario.rossi', password: PASSWORD }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('__Host-'));
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/; HttpOnly/i);
  });
});
