/**
 * Issue 7 in the panel, in headless Chromium against the real service: a supervisor reads a
 * report's confirmations (without who sent them) and why its priority is what it is, then sends an
 * advisory to a zone from /avvisi and sees it delivered to the subscribed citizen's chat; an
 * advisory still being sent in the background shows "in invio" until it is done, without a reload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PRIORITY_WEIGHTS } from '../../config/priority';
import { createOperatorAccount } from '../../src/panel/operator-accounts';
import { startTestApp, type TestApp } from '../support/test-app';
import { closedPort, ensurePanelBuilt, launchBrowser, saveScreenshot, watchPage, type TestBrowser } from '../support/browser';
import { expectTicketCode } from '../support/report-script';
import { playReport, say } from '../support/simulator-citizen';

const WAIT_MS = 10_000;
const SUPERVISOR = { username: 'sara.capo', displayName: 'Sara Capo', password: 'supervisore-sara-2026!' };

let app: TestApp;
let browser: TestBrowser;

async function signIn(page: Page, path: string) {
  await page.goto(`${app.url}${path}`);
  await page.getByLabel('Nome utente').fill(SUPERVISOR.username);
  await page.getByLabel('Password', { exact: true }).fill(SUPERVISOR.password);
  await page.getByRole('button', { name: 'Accedi' }).click();
}

beforeAll(async () => {
  ensurePanelBuilt();
  const tilePort = await closedPort();
  app = await startTestApp({ MAP_TILE_URL: `http://127.0.0.1:${tilePort}/{z}/{x}/{y}.png` });
  const r = await createOperatorAccount(app.storage.operators, { ...SUPERVISOR, role: 'supervisor' });
  if (!r.ok) throw new Error(r.detail);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('confirmations, priority and advisories in Chromium', () => {
  it('shows a report’s confirmation and the breakdown of its priority', async () => {
    const ticket = expectTicketCode((await playReport(app, 'e2e-reporter')).join('\n'));
    const report = (await app.storage.reports.getByTicket(ticket))!;
    expect((await playReport(app, 'e2e-confirmer', { description: 'Confermo, ci sono ancora i vetri.' })).join('\n')).toContain('È la stessa situazione?');
    await say(app, 'e2e-confirmer', 'Sì');

    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT_MS);
    const seen = watchPage(page);
    await signIn(page, `/reports/${report.id}`);
    const confirmations = page.getByTestId('confirmations');
    await confirmations.getByRole('heading', { name: 'Conferme di altri cittadini (1)' }).waitFor();
    expect(await confirmations.innerText()).toContain('Confermo, ci sono ancora i vetri.');
    expect(await confirmations.innerText()).toContain('Visto di persona');
    expect(await confirmations.getByRole('img').count()).toBe(1);
    expect(await page.locator('body').innerText()).not.toContain('e2e-confirmer');

    const why = page.getByTestId('priority-why');
    await why.getByRole('heading', { name: 'Perché questa priorità' }).waitFor();
    const row = why.getByRole('row', { name: /Conferme di altri cittadini/ });
    expect(await row.innerText()).toContain(`+${PRIORITY_WEIGHTS.confirmation}`);
    const stored = (await app.storage.reports.get(report.id))!;
    expect(await page.getByTestId('priority-why-total').innerText()).toBe(String(stored.priority));
    await why.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'report-confirmations-priority');
    expect(seen.errors).toEqual([]);
    expect(seen.cspViolations).toEqual([]);
    await context.close();
  });

  it('sends an advisory to a zone and shows it delivered', async () => {
    // A citizen subscribes to Lammari through the bot.
    await say(app, 'e2e-subscriber', 'Buongiorno');
    await say(app, 'e2e-subscriber', 'Accetto');
    await say(app, 'e2e-subscriber', 'avvisi');
    await say(app, 'e2e-subscriber', 'Una zona');
    expect((await say(app, 'e2e-subscriber', 'Lammari')).join('\n')).toContain('zona Lammari');

    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT_MS);
    const seen = watchPage(page);
    await signIn(page, '/');
    await page.getByRole('link', { name: 'Avvisi' }).click();
    await page.getByRole('heading', { level: 1, name: 'Avvisi ai cittadini' }).waitFor();

    // Nothing chosen: a clear reason, nothing sent.
    await page.getByRole('button', { name: 'Rivedi e invia' }).click();
    await page.getByRole('alert').filter({ hasText: 'Scegli almeno una zona.' }).waitFor();

    await page.getByRole('checkbox', { name: 'Lammari' }).check();
    const text = 'Truffa del finto tecnico del gas: non aprite e chiamate il 112.';
    await page.getByLabel('Testo dell’avviso').fill(text);
    expect(await page.getByTestId('advisory-counter').innerText()).toBe(`${text.length} di 1000 caratteri`);
    await page.getByRole('button', { name: 'Rivedi e invia' }).click();
    const confirm = page.getByTestId('advisory-confirm');
    expect(await confirm.innerText()).toContain('iscritti di: Lammari');
    await saveScreenshot(page, 'advisory-confirm');
    await confirm.getByRole('button', { name: 'Invia l’avviso' }).click();
    // The notice on the page (the screen-reader announcer repeats it in a hidden live region).
    await page.getByText('Avviso inviato: lo riceveranno 1 chat.').and(page.locator(':not([data-testid="announcer"])')).first().waitFor();

    const row = page.getByTestId('advisories-table').getByRole('row').filter({ hasText: text });
    await row.waitFor();
    await row.locator('[data-fanout="sent"]').filter({ hasText: 'inviato' }).waitFor();
    await expect
      .poll(
        async () => {
          await page.getByRole('button', { name: 'Aggiorna' }).click();
          return row.locator('[data-state="sent"]').innerText();
        },
        { timeout: WAIT_MS },
      )
      .toBe('inviati: 1');
    await saveScreenshot(page, 'advisories-list');

    const chat = (await (await fetch(`${app.url}/api/simulator/chats/e2e-subscriber/messages`)).json()) as { messages: Array<{ text: string; purpose: string }> };
    expect(chat.messages.filter((m) => m.purpose === 'advisory').map((m) => m.text)).toEqual([expect.stringContaining(text)]);
    expect(seen.errors).toEqual([]);
    expect(seen.cspViolations).toEqual([]);
    await context.close();
  });

  it('shows an advisory “in invio” until its background send is done, without a reload', async () => {
    // Recorded but not yet sent (its background job has not finished).
    const text = 'Lavori sulla rete idrica: acqua sospesa domani dalle 8 alle 12.';
    const { advisory } = await app.storage.advisories.create({ zones: ['lammari'], text, author: SUPERVISOR.username });

    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT_MS);
    const seen = watchPage(page);
    await signIn(page, '/avvisi');
    const row = page.getByTestId('advisories-table').getByRole('row').filter({ hasText: text });
    await row.locator('[data-fanout="sending"]').filter({ hasText: 'in invio' }).waitFor();
    expect(await row.locator('td.num').innerText()).toBe('–');

    // The job finishes: the page shows it without anyone pressing "Aggiorna".
    await app.storage.advisories.markSent(advisory.id, { recipients: 12, failedRecipients: 2 });
    await row.locator('[data-fanout="sent"]').filter({ hasText: 'inviato' }).waitFor();
    expect(await row.locator('td.num').innerText()).toContain('12');
    expect(await row.locator('td.num').innerText()).toContain('2 senza chat');
    await row.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'advisories-sending-done');
    expect(seen.errors).toEqual([]);
    expect(seen.cspViolations).toEqual([]);
    await context.close();
  });
});
