/**
 * Staff accounts as an attacker and a careless colleague would try them: a stolen password without
 * the phone, a replayed code, a recovery code used twice, a weak new password, and sessions (and
 * live streams) that must end when the password changes, the account is disabled or the operator
 * logs out everywhere. Against a running app; on the code before this change there was no second
 * factor, no password change, and a changed password left every session and stream alive.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotp } from '../../src/panel/mfa';
import { startTestApp, type TestApp } from '../support/test-app';
import { PASSWORD, PanelClient, addOperator, eventually, loggedIn, openLiveStream } from '../integration/panel/panel-helpers';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ MFA_REQUIRED_ROLES: 'admin,supervisor' });
});
afterAll(async () => {
  await app?.stop();
});

/**
 * A code of the time step after `usedAt`'s: the service accepts each step once, and one step of
 * clock drift (as a phone running 30 s ahead would show it).
 */
const codeAfter = (secret: string, usedAt: number) => currentTotp(secret, usedAt + 30_000);

describe('two-step verification', () => {
  let secret = '';
  let recovery: string[] = [];
  let lastCodeAt = 0;

  it('makes a supervisor set it up before anything else opens, by QR code and a first code', async () => {
    await addOperator(app, 'sara.capo', 'supervisor', 'Sara Capo');
    const sara = new PanelClient(app.url);
    const login = await sara.login('sara.capo', PASSWORD);
    expect(login.status).toBe(200);
    expect(login.body.mfaEnrolmentRequired).toBe(true);
    const blocked = await sara.get('/api/reports');
    expect(blocked.status).toBe(403);
    expect(blocked.body.mfaEnrolmentRequired).toBe(true);

    const setup = await sara.post('/api/auth/mfa/setup');
    expect(setup.status).toBe(200);
    expect(setup.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\/.*sara\.capo.*secret=/);
    expect(setup.body.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    secret = setup.body.secret;
    // The secret is kept encrypted, not as the base32 the authenticator got.
    const stored = await app.mongo.collection('operators').findOne({ username: 'sara.capo' });
    expect(JSON.stringify(stored)).not.toContain(secret);

    expect((await sara.post('/api/auth/mfa/enable', { code: '000000' })).status).toBe(400);
    lastCodeAt = Date.now();
    const enabled = await sara.post('/api/auth/mfa/enable', { code: currentTotp(secret) });
    expect(enabled.status).toBe(200);
    recovery = enabled.body.recoveryCodes;
    expect(recovery).toHaveLength(10);
    expect(new Set(recovery).size).toBe(10);
    expect(JSON.stringify(await app.mongo.collection('operators').findOne({ username: 'sara.capo' }))).not.toContain(recovery[0]);
    expect((await sara.get('/api/reports')).status).toBe(200);
  });

  it('does not let the password alone in, nor a wrong or replayed code', async () => {
    const thief = new PanelClient(app.url);
    const step1 = await thief.login('sara.capo', PASSWORD);
    expect(step1.status).toBe(200);
    expect(step1.body).toMatchObject({ mfaRequired: true });
    expect(step1.body.operator).toBeUndefined();
    expect((await thief.get('/api/reports')).status).toBe(401);
    expect((await thief.post('/api/auth/login/mfa', { code: '123456' })).status).toBe(401);

    const code = codeAfter(secret, lastCodeAt);
    lastCodeAt = Date.now();
    const ok = await thief.post('/api/auth/login/mfa', { code });
    expect(ok.status).toBe(200);
    expect(ok.body.operator.username).toBe('sara.capo');
    expect((await thief.get('/api/reports')).status).toBe(200);

    // The same code, seen over a shoulder, does not open a second session.
    const replay = new PanelClient(app.url);
    await replay.login('sara.capo', PASSWORD);
    expect((await replay.post('/api/auth/login/mfa', { code })).status).toBe(401);
  });

  it('accepts each recovery code once', async () => {
    const lostPhone = new PanelClient(app.url);
    await lostPhone.login('sara.capo', PASSWORD);
    expect((await lostPhone.post('/api/auth/login/mfa', { code: recovery[3].toLowerCase() })).status).toBe(200);
    const again = new PanelClient(app.url);
    await again.login('sara.capo', PASSWORD);
    expect((await again.post('/api/auth/login/mfa', { code: recovery[3] })).status).toBe(401);
    expect((await lostPhone.get('/api/auth/me')).body.mfa).toEqual({ enabled: true, required: true, recoveryCodesLeft: 9 });
  });

  it('cannot be turned off for a role that requires it; an admin can reset it and the sessions end', async () => {
    const sara = new PanelClient(app.url);
    await sara.login('sara.capo', PASSWORD);
    await sara.post('/api/auth/login/mfa', { code: recovery[0] });
    expect((await sara.post('/api/auth/mfa/disable', { password: PASSWORD })).status).toBe(403);

    // The admin enrols too (the role requires it), then resets Sara's second factor.
    await addOperator(app, 'admin.uno', 'admin', 'Admin Uno');
    const admin = new PanelClient(app.url);
    await admin.login('admin.uno', PASSWORD);
    const setup = await admin.post('/api/auth/mfa/setup');
    expect((await admin.post('/api/auth/mfa/enable', { code: currentTotp(setup.body.secret) })).status).toBe(200);
    expect((await admin.post('/api/admin/operators/sara.capo/reset-mfa')).status).toBe(204);
    await eventually(async () => (await sara.get('/api/reports')).status === 401);
    const fresh = await new PanelClient(app.url).login('sara.capo', PASSWORD);
    expect(fresh.body.mfaEnrolmentRequired).toBe(true);
    const audit = await app.mongo.collection('audit_events').findOne({ action: 'operator.mfa_reset' });
    expect(audit).toMatchObject({ actor: 'admin.uno', details: { username: 'sara.capo' } });
  });

  it('is optional for agents unless the setting names them', async () => {
    const agent = await loggedIn(app, 'agente.libero', 'agent');
    expect((await agent.get('/api/reports')).status).toBe(200);
    expect((await agent.get('/api/auth/me')).body.mfa).toMatchObject({ enabled: false, required: false });
  });
});

describe('passwords and sessions', () => {
  it('refuses a weak new password with a hint, and the wrong current password', async () => {
    const luca = await loggedIn(app, 'luca.bianchi', 'agent', 'Luca Bianchi');
    const wrong = await luca.post('/api/auth/password', { currentPassword: 'not-the-password', newPassword: 'Tramonto-sul-Serchio-42' });
    expect(wrong.status).toBe(403);
    for (const weak of ['password1234', 'luca.bianchi2026', 'qwertyuiop12']) {
      const res = await luca.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: weak });
      expect(res.status, weak).toBe(400);
      expect(res.body.error).toMatch(/^Password troppo debole: \S/);
    }
    expect((await luca.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'short' })).status).toBe(400);
  });

  it('a password change ends every other session and live stream within seconds; this one goes on', async () => {
    const here = await loggedIn(app, 'giulia.neri', 'agent', 'Giulia Neri');
    const elsewhere = new PanelClient(app.url);
    expect((await elsewhere.login('giulia.neri', PASSWORD)).status).toBe(200);
    const stream = await openLiveStream(elsewhere);
    expect(stream.status).toBe(200);

    const changed = await here.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'Tramonto-sul-Serchio-42' });
    expect(changed.status).toBe(200);
    here.csrfToken = changed.body.csrfToken;
    expect((await here.get('/api/reports')).status).toBe(200);
    await eventually(async () => (await elsewhere.get('/api/reports')).status === 401);
    await eventually(async () => stream.ended(), 15_000);
    expect((await new PanelClient(app.url).login('giulia.neri', PASSWORD)).status).toBe(401);
    expect((await new PanelClient(app.url).login('giulia.neri', 'Tramonto-sul-Serchio-42')).status).toBe(200);
    const audit = await app.mongo.collection('audit_events').findOne({ action: 'auth.password_changed', actor: 'giulia.neri' });
    expect(audit).not.toBeNull();
  });

  it('"log out everywhere" ends all of the operator\'s sessions and streams, and no one else\'s', async () => {
    const phone = await loggedIn(app, 'marco.verdi', 'agent');
    const desk = new PanelClient(app.url);
    await desk.login('marco.verdi', PASSWORD);
    const deskStream = await openLiveStream(desk);
    const colleague = await loggedIn(app, 'anna.gialli', 'agent');
    expect((await phone.post('/api/auth/logout-everywhere')).status).toBe(204);
    expect((await phone.get('/api/reports')).status).toBe(401);
    await eventually(async () => (await desk.get('/api/reports')).status === 401);
    await eventually(async () => deskStream.ended(), 15_000);
    expect((await colleague.get('/api/reports')).status).toBe(200);
  });

  it("a logout ends that session's live stream, and disabling an account ends its streams", async () => {
    const a = await loggedIn(app, 'paolo.neri', 'agent');
    const stream = await openLiveStream(a);
    expect((await a.post('/api/auth/logout')).status).toBe(204);
    await eventually(async () => stream.ended(), 15_000);

    const b = await loggedIn(app, 'elena.blu', 'agent');
    const bStream = await openLiveStream(b);
    await app.storage.operators.setDisabled('elena.blu', true);
    await eventually(async () => bStream.ended(), 15_000);
    expect((await b.get('/api/reports')).status).toBe(401);
  });
});
