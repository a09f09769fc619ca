/** Login, logout, me, session cookie, throttling and CSRF, against the real service. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_MS } from '../../../src/panel/session-cache';
import { startTestApp, type TestApp } from '../../support/test-app';
import { PASSWORD, PanelClient, addOperator, loggedIn } from './panel-helpers';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.stop();
});

describe('login', () => {
  it('logs in, tells who I am with a CSRF token, and logs out', async () => {
    await addOperator(app, 'mario.rossi', 'agent', 'Mario Rossi');
    const client = new PanelClient(app.url);
    const login = await client.login('Mario.Rossi', PASSWORD);
    expect(login.status).toBe(200);
    expect(login.body.operator).toEqual({ id: expect.any(String), username: 'mario.rossi', displayName: 'Mario Rossi', role: 'agent', language: 'it' });
    expect(login.body.csrfToken).toEqual(expect.any(String));
    expect(JSON.stringify(login.body)).not.toContain('passwordHash');

    const me = await client.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.operator.username).toBe('mario.rossi');
    expect(me.body.csrfToken).toEqual(expect.any(String));

    const logout = await client.post('/api/auth/logout');
    expect(logout.status).toBe(204);
    const after = await client.get('/api/auth/me');
    expect(after.status).toBe(401);
    expect(after.body.error).toMatch(/login/i);
  });

  it('sets an httpOnly SameSite session cookie that expires after the idle timeout', async () => {
    await addOperator(app, 'cookie.check', 'agent');
    const res = await fetch(`${app.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'cookie.check', password: PASSWORD }),
    });
    const session = res.headers.getSetCookie().find((c) => c.startsWith('vicinato.sid='));
    expect(session).toBeDefined();
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    expect(session).not.toMatch(/Secure/i); // plain HTTP outside production
    const expires = Date.parse(/Expires=([^;]+)/i.exec(session!)![1]);
    expect(Math.round((expires - Date.now()) / 60_000)).toBe(app.config.PANEL_IDLE_TIMEOUT_MINUTES);
  });

  it('ends a session idle for longer than the timeout on the server side too', async () => {
    const client = await loggedIn(app, 'idle.check', 'agent');
    expect((await client.get('/api/auth/me')).status).toBe(200);
    const sessions = app.mongo.collection('panel_sessions');
    const stored = await sessions.findOne({ 'session.username': 'idle.check' });
    expect(stored?.expires).toBeInstanceOf(Date);
    // As if the last request had been PANEL_IDLE_TIMEOUT_MINUTES ago (and so longer ago than the
    // few seconds a web process keeps a session it just read: src/panel/session-cache.ts).
    await sessions.updateOne({ _id: stored!._id }, { $set: { expires: new Date(Date.now() - 1000) } });
    await new Promise((r) => setTimeout(r, CACHE_MS));
    const res = await client.get('/api/reports');
    expect(res.status).toBe(401);
  });

  it('gives a new session id at login (no session fixation)', async () => {
    await addOperator(app, 'fixation.check', 'agent');
    const client = new PanelClient(app.url);
    await client.login('fixation.check', PASSWORD);
    const first = client.cookies.get('vicinato.sid');
    await client.login('fixation.check', PASSWORD);
    const second = client.cookies.get('vicinato.sid');
    expect(first).toBeDefined();
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
  });

  it('answers the same 401 for an unknown user and a wrong password', async () => {
    await addOperator(app, 'luca.bianchi', 'agent');
    const wrong = await new PanelClient(app.url).login('luca.bianchi', 'not the password at all');
    const unknown = await new PanelClient(app.url).login('nobody.here', 'not the password at all');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error).toBe('Nome utente o password non corretti.');
  });

  it('refuses a disabled operator', async () => {
    await addOperator(app, 'gone.away', 'agent');
    await app.storage.operators.setDisabled('gone.away', true);
    expect((await new PanelClient(app.url).login('gone.away', PASSWORD)).status).toBe(401);
  });

  it('slows a guesser with growing delays instead of locking the account, with the same answer as a wrong password', async () => {
    await addOperator(app, 'anna.verdi', 'agent');
    const guesser = new PanelClient(app.url);
    const from = (address: string) => ({ 'x-forwarded-for': address }); // the test talks through loopback, a trusted proxy
    const login = (client: PanelClient, password: string, address: string) =>
      client.request('POST', '/api/auth/login', { body: { username: 'anna.verdi', password }, headers: from(address) });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await login(guesser, `wrong password ${i}`, '203.0.113.7')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401]);
    // Now throttled from that address: even the right password gets the wrong password's answer.
    const throttled = await login(guesser, PASSWORD, '203.0.113.7');
    const unknown = await new PanelClient(app.url).login('nobody.at.all', 'whatever it is');
    expect(throttled.status).toBe(401);
    expect(throttled.body).toEqual(unknown.body);
    expect(throttled.headers.get('retry-after')).toBeNull();
    // The operator, from the office, signs in at once: nothing an attacker does locks her out.
    expect((await login(new PanelClient(app.url), PASSWORD, '198.51.100.20')).status).toBe(200);
    // And from the guesser's address once the delay (1 s after the sixth failure) has passed.
    await new Promise((r) => setTimeout(r, 1_200));
    expect((await login(guesser, PASSWORD, '203.0.113.7')).status).toBe(200);
    // No lock is stored on the account.
    expect(await app.mongo.collection('operators').findOne({ username: 'anna.verdi', lockedUntil: { $gt: new Date() } })).toBeNull();
  });

  it('counts a parallel burst of guesses before checking any password', async () => {
    await addOperator(app, 'burst.target', 'agent');
    const attempt = (password: string) =>
      new PanelClient(app.url).request('POST', '/api/auth/login', {
        body: { username: 'burst.target', password },
        headers: { 'x-forwarded-for': '203.0.113.99' },
      });
    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => attempt(`guess number ${i}`)));
    expect(burst.every((r) => r.status === 401)).toBe(true);
    // Every guess of the burst was counted: the right password right after it is throttled too.
    const right = await attempt(PASSWORD);
    expect(right.status).toBe(401);
    expect(right.body).toEqual(burst[0]!.body);
  });

  it('refuses a login body that is not two plain strings', async () => {
    const client = new PanelClient(app.url);
    const injected = await client.post('/api/auth/login', { username: { $ne: null }, password: { $ne: null } });
    expect(injected.status).toBe(400);
    const extra = await client.post('/api/auth/login', { username: 'a', password: 'b', role: 'admin' });
    expect(extra.status).toBe(400);
    const malformed = await client.request('POST', '/api/auth/login', { rawBody: '{"username": ' });
    expect(malformed.status).toBe(400);
  });
});

describe('CSRF', () => {
  it('refuses a state-changing request without the token, or with a wrong one, with 403', async () => {
    const client = await loggedIn(app, 'csrf.check', 'agent');
    const missing = await client.post('/api/auth/logout', undefined, { csrf: false });
    expect(missing.status).toBe(403);
    expect(missing.body.error).toBe('invalid CSRF token');
    const wrong = await client.post('/api/auth/logout', undefined, { csrf: 'forged-token' });
    expect(wrong.status).toBe(403);
    // Still logged in: nothing happened.
    expect((await client.get('/api/auth/me')).status).toBe(200);
    expect((await client.post('/api/auth/logout')).status).toBe(204);
  });

  it('refuses the token of another session', async () => {
    const alice = await loggedIn(app, 'alice.csrf', 'agent');
    const bob = await loggedIn(app, 'bob.csrf', 'agent');
    const res = await alice.post('/api/auth/logout', undefined, { csrf: bob.csrfToken });
    expect(res.status).toBe(403);
  });
});
