/**
 * Sessions and accounts are kept a few seconds in each web process (src/panel/session-cache.ts),
 * and revocation still takes effect at the very next request, in the other web process too: a
 * logout, disabling the account, a password change, "log out everywhere". Each check reads the
 * session in web2 first (so web2 holds it), revokes through web1, then asks web2 at once: no
 * waiting, no retry. Without the revocation generation (a cache on time alone), web2 would keep
 * serving the revoked session for up to 5 s and these fail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_MS } from '../../src/panel/session-cache';
import { startTestApp, type TestApp } from '../support/test-app';
import { PASSWORD, PanelClient, addOperator, loggedIn } from '../integration/panel/panel-helpers';

let web1: TestApp;
let web2: TestApp;
beforeAll(async () => {
  web1 = await startTestApp({ MFA_REQUIRED_ROLES: 'none' });
  // A second web process on the same database and Redis (prefix included).
  web2 = await startTestApp({
    MONGODB_URI: web1.config.MONGODB_URI,
    REDIS_PREFIX: web1.config.REDIS_PREFIX,
    SERVICES: 'web',
    MFA_REQUIRED_ROLES: 'none',
  });
});
afterAll(async () => {
  await web2?.stop();
  await web1?.stop();
});

/** The same browser session, sent to the other web process. */
const inWeb2 = (client: PanelClient) => {
  const other = new PanelClient(web2.url);
  for (const [k, v] of client.cookies) other.cookies.set(k, v);
  other.csrfToken = client.csrfToken;
  return other;
};

describe('sessions cached in a web process', () => {
  it('are served from the cache while nothing is revoked (the same answers)', async () => {
    const anna = await loggedIn(web1, 'anna.cache', 'agent');
    const there = inWeb2(anna);
    for (let i = 0; i < 3; i++) expect((await there.get('/api/auth/me')).body.operator.username).toBe('anna.cache');
    expect(CACHE_MS).toBeGreaterThan(1_000);
  });

  it('a logout in web1 ends the session in web2 at its next request', async () => {
    const marco = await loggedIn(web1, 'marco.cache', 'agent');
    const there = inWeb2(marco);
    expect((await there.get('/api/reports')).status).toBe(200);
    expect((await there.get('/api/reports')).status).toBe(200);
    const stolen = new Map(marco.cookies);
    expect((await marco.post('/api/auth/logout')).status).toBe(204);
    for (const [k, v] of stolen) there.cookies.set(k, v);
    expect((await there.get('/api/reports')).status).toBe(401);
  });

  it('disabling an account in web1 ends its sessions in web2 at their next request', async () => {
    const admin = await loggedIn(web1, 'admin.cache', 'admin');
    const elena = await loggedIn(web1, 'elena.cache', 'agent');
    const there = inWeb2(elena);
    expect((await there.get('/api/reports')).status).toBe(200);
    expect((await there.get('/api/reports')).status).toBe(200);
    expect((await admin.post('/api/admin/operators/elena.cache/disable')).status).toBe(204);
    expect((await there.get('/api/reports')).status).toBe(401);
  });

  it('a password change in web1 ends the other sessions in web2 at their next request; "log out everywhere" too', async () => {
    const desk = await loggedIn(web1, 'giulia.cache', 'agent');
    const phone = new PanelClient(web1.url);
    expect((await phone.login('giulia.cache', PASSWORD)).status).toBe(200);
    const phoneThere = inWeb2(phone);
    expect((await phoneThere.get('/api/reports')).status).toBe(200);
    const changed = await desk.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'Tramonto-sul-Serchio-42' });
    expect(changed.status).toBe(200);
    expect((await phoneThere.get('/api/reports')).status).toBe(401);

    await addOperator(web1, 'paolo.cache', 'agent');
    const a = new PanelClient(web1.url);
    const b = new PanelClient(web1.url);
    expect((await a.login('paolo.cache', PASSWORD)).status).toBe(200);
    expect((await b.login('paolo.cache', PASSWORD)).status).toBe(200);
    const bThere = inWeb2(b);
    expect((await bThere.get('/api/reports')).status).toBe(200);
    expect((await a.post('/api/auth/logout-everywhere')).status).toBe(204);
    expect((await bThere.get('/api/reports')).status).toBe(401);
  });
});
