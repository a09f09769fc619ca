/**
 * The job queues page (Bull Board) inside the panel: only admins, read-only by default, its assets
 * served by the service itself, and, when changes are allowed, every change through the panel's CSRF
 * check.
 */
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app';
import { PanelClient, loggedIn } from './panel-helpers';

const BOARD = '/api/admin/queues';

describe('job queues page, read-only (the default)', () => {
  let app: TestApp;
  let admin: PanelClient;
  beforeAll(async () => {
    app = await startTestApp();
    admin = await loggedIn(app, 'board.admin', 'admin');
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('refuses a caller without a session (401) and an agent or supervisor (403)', async () => {
    const anonymous = new PanelClient(app.url);
    expect((await anonymous.get(`${BOARD}/`)).status).toBe(401);
    expect((await anonymous.get(`${BOARD}/api/queues`)).status).toBe(401);
    for (const role of ['agent', 'supervisor'] as const) {
      const client = await loggedIn(app, `board.${role}`, role);
      const page = await client.get(`${BOARD}/`);
      expect(page.status).toBe(403);
      expect(page.text).not.toContain('<html');
      expect((await client.get(`${BOARD}/api/queues`)).status).toBe(403);
      expect((await client.get(`${BOARD}/static/favicon-32x32.png`)).status).toBe(403);
    }
  });

  it('shows an admin the service queues, read-only', async () => {
    const res = await admin.get(`${BOARD}/api/queues?activeQueue=inbound&status=latest&page=1`);
    expect(res.status).toBe(200);
    const queues = res.body.queues as Array<{ name: string; readOnlyMode: boolean }>;
    expect(queues.map((q) => q.name).sort()).toEqual(['advisories', 'inbound', 'outbound-simulator']);
    expect(queues.every((q) => q.readOnlyMode)).toBe(true);
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('serves the page and every asset it names from the service, with nothing from another host', async () => {
    const page = await admin.get(`${BOARD}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain(`<base href="${BOARD}/"`);
    // No link, script or stylesheet to another host (the board's template names Google Fonts).
    expect(page.text).not.toMatch(/(href|src)="(https?:)?\/\//i);
    const assets = [...page.text.matchAll(/(?:href|src)="(static\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
    expect(assets.some((a) => a.endsWith('.css'))).toBe(true);
    for (const asset of assets) expect((await admin.get(`${BOARD}/${asset}`)).status, asset).toBe(200);
    // The panel's strict policy holds on the board too, but for the inline styles its front end sets.
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("style-src 'self' 'unsafe-inline';");
    // Only there: the rest of the API keeps styles 'self'-only.
    expect((await admin.get('/api/auth/me')).headers.get('content-security-policy')).toContain("style-src 'self';");
  });

  it('refuses a change (retry, clean, pause) even with a valid CSRF token, and the queue is left as it was', async () => {
    for (const path of ['/api/queues/inbound/retry/failed', '/api/queues/inbound/clean/completed', '/api/queues/inbound/pause', '/api/queues/pause']) {
      const res = await admin.request('PUT', `${BOARD}${path}`, { body: {} });
      expect(res.status, path).toBe(403);
      expect(res.body.error).toContain('sola lettura');
    }
    const redis = new Redis(app.config.REDIS_URL, { maxRetriesPerRequest: null });
    const inbound = new Queue('inbound', { connection: redis, prefix: app.config.REDIS_PREFIX });
    try {
      expect(await inbound.isPaused()).toBe(false);
    } finally {
      await inbound.close();
      await redis.quit();
    }
  });
});

describe('job queues page with QUEUE_BOARD_WRITE=true', () => {
  let app: TestApp;
  let admin: PanelClient;
  beforeAll(async () => {
    app = await startTestApp({ QUEUE_BOARD_WRITE: 'true' });
    admin = await loggedIn(app, 'board.writer', 'admin');
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('lets an admin pause a queue only with the CSRF token the page hands to its script', async () => {
    const page = await admin.get(`${BOARD}/`);
    expect(page.status).toBe(200);
    const token = admin.cookies.get('XSRF-TOKEN');
    expect(token).toBeTruthy();

    // Without a token (a forged cross-site request carries the cookies but cannot set the header).
    const forged = await admin.request('PUT', `${BOARD}/api/queues/advisories/pause`, { body: {}, csrf: false });
    expect(forged.status).toBe(403);

    const redis = new Redis(app.config.REDIS_URL, { maxRetriesPerRequest: null });
    const advisories = new Queue('advisories', { connection: redis, prefix: app.config.REDIS_PREFIX });
    try {
      expect(await advisories.isPaused()).toBe(false);
      // As the board's front end sends it: the cookie's value in X-XSRF-TOKEN.
      const paused = await admin.request('PUT', `${BOARD}/api/queues/advisories/pause`, {
        body: {},
        csrf: false,
        headers: { 'x-xsrf-token': decodeURIComponent(token!) },
      });
      expect(paused.status).toBe(200);
      expect(await advisories.isPaused()).toBe(true);
      await advisories.resume();
    } finally {
      await advisories.close();
      await redis.quit();
    }
  });
});
