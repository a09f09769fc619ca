/**
 * The queue and archive pages are shared by every agent of a web process (one query per change
 * instead of one per agent), and a change is seen at once: by the agent who made it, by the
 * others, and by another web process through the live events.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app';
import { PanelClient, PASSWORD, addOperator, eventually, seedReport } from './panel-helpers';

let web1: TestApp;
let web2: TestApp;
let mario: PanelClient;
let luca: PanelClient;

const ids = (r: { body: { items: Array<{ id: string; status: string }> } }) => r.body.items.map((i) => `${i.id}:${i.status}`);

beforeAll(async () => {
  web1 = await startTestApp();
  // A second web process on the same database, Redis prefix and events.
  web2 = await startTestApp({ MONGODB_URI: web1.config.MONGODB_URI, REDIS_PREFIX: web1.config.REDIS_PREFIX, SERVICES: 'web' });
  await addOperator(web1, 'mario.uno', 'agent');
  await addOperator(web1, 'luca.due', 'agent');
  mario = new PanelClient(web1.url);
  luca = new PanelClient(web2.url);
  expect((await mario.login('mario.uno', PASSWORD)).status).toBe(200);
  expect((await luca.login('luca.due', PASSWORD)).status).toBe(200);
});
afterAll(async () => {
  await web2?.stop();
  await web1?.stop();
});

describe('shared queue pages', () => {
  it('a take and a close are seen at once in both processes, in the queue and in the archive', async () => {
    const report = await seedReport(web1);
    await eventually(async () => ids(await luca.get('/api/reports?status=new&sort=newest')).includes(`${report.id}:new`));
    // Both processes now hold the pages; Mario takes the report on web1.
    await mario.get('/api/reports?status=closed&sort=newest');
    await luca.get('/api/reports?status=closed&sort=newest');
    const taken = await mario.post(`/api/reports/${report.id}/actions`, { action: 'take', version: report.version });
    expect(taken.status).toBe(200);
    expect(ids(await mario.get('/api/reports?status=new&sort=newest'))).not.toContain(`${report.id}:new`);
    await eventually(async () => !ids(await luca.get('/api/reports?status=new&sort=newest')).includes(`${report.id}:new`), 2_000);

    const closed = await mario.post(`/api/reports/${report.id}/actions`, {
      action: 'close',
      version: taken.body.report.version,
      outcome: 'intervention_done',
    });
    expect(closed.status).toBe(200);
    expect(ids(await mario.get('/api/reports?status=closed&sort=newest'))).toContain(`${report.id}:closed`);
    await eventually(async () => ids(await luca.get('/api/reports?status=closed&sort=newest')).includes(`${report.id}:closed`), 2_000);
  });

  it('twenty agents listing at once get the same page', async () => {
    await Promise.all(Array.from({ length: 5 }, () => seedReport(web1)));
    const pages = await Promise.all(Array.from({ length: 20 }, () => mario.get('/api/reports')));
    expect(new Set(pages.map((p) => JSON.stringify(p.body.items.map((i: { id: string }) => i.id)))).size).toBe(1);
    expect(pages.every((p) => p.status === 200)).toBe(true);
  });
});
