/**
 * An admin's tools in the panel's navigation: "Code di lavoro" opens the service's job queues in
 * Bull Board, read-only, under the panel's security policy, with no request to another host;
 * "Documentazione API" shows the OpenAPI description generated from the routes' schemas.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';
import { closedPort, ensurePanelBuilt, launchBrowser, saveScreenshot, watchPage, type TestBrowser } from '../support/browser';
import { PASSWORD, addOperator } from '../integration/panel/panel-helpers';

const WAIT_MS = 15_000;
let app: TestApp;
let browser: TestBrowser;

beforeAll(async () => {
  ensurePanelBuilt();
  const tilePort = await closedPort();
  app = await startTestApp({ MAP_TILE_URL: `http://127.0.0.1:${tilePort}/{z}/{x}/{y}.png` });
  await addOperator(app, 'anna.admin', 'admin', 'Anna Admin');
  await addOperator(app, 'marco.agente', 'agent', 'Marco Agente');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function signIn(username: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  await page.goto(`${app.url}/`);
  await page.getByLabel('Nome utente').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Accedi' }).click();
  await page.getByRole('heading', { level: 1, name: 'Coda segnalazioni' }).waitFor();
  return { context, page };
}

describe('the job queues page', () => {
  it('opens from the navigation for an admin and lists the queues, read-only, from this host only', async () => {
    const { context, page } = await signIn('anna.admin');
    const seen = watchPage(page);
    const outside: string[] = [];
    page.on('request', (req) => {
      if (!req.url().startsWith(app.url) && !req.url().startsWith('data:')) outside.push(req.url());
    });
    await page.getByRole('navigation').getByRole('link', { name: 'Code di lavoro' }).click();
    await page.waitForURL(`${app.url}/api/admin/queues/`);
    for (const name of ['inbound', 'outbound-simulator', 'advisories']) await page.getByText(name, { exact: true }).first().waitFor();
    await saveScreenshot(page, 'queue-board');
    expect(await page.getByRole('button', { name: /retry|pause|clean/i }).count()).toBe(0);
    expect(seen.errors).toEqual([]);
    expect(seen.cspViolations).toEqual([]);
    expect(outside).toEqual([]);
    await context.close();
  });

  it('is not in an agent’s navigation', async () => {
    const { context, page } = await signIn('marco.agente');
    expect(await page.getByRole('link', { name: 'Code di lavoro' }).count()).toBe(0);
    await context.close();
  });
});

describe('the API reference page', () => {
  it('shows an admin the generated description, grouped by area, with the schemas of a request', async () => {
    const { context, page } = await signIn('anna.admin');
    const seen = watchPage(page);
    await page.getByRole('navigation').getByRole('link', { name: 'Documentazione API' }).click();
    await page.getByRole('heading', { level: 1, name: 'Documentazione API' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Open311' }).waitFor();
    const action = page.getByTestId('api-op-reportAction');
    await action.locator('summary').click();
    await expect.poll(() => action.innerText()).toContain('"action"');
    expect(await action.innerText()).toContain('/api/reports/{id}/actions');
    await saveScreenshot(page, 'api-docs');
    expect(seen.errors).toEqual([]);
    expect(seen.cspViolations).toEqual([]);
    await context.close();
  });
});
