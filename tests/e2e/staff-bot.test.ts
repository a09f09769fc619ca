/**
 * The staff bot played in Chromium: a patrol officer links their Telegram account from "Il mio
 * account" with the code the page shows (written to a fake Bot API as their phone would); an agent
 * dispatches a report from its page choosing that phone; the phone gets the dispatch with buttons,
 * taps "Presa in carico", and the agent's page shows it on the timeline without a reload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createOperatorAccount } from '../../src/panel/operator-accounts';
import { startTestApp, type TestApp } from '../support/test-app';
import { startFakeTelegram, type FakeTelegram } from '../support/fake-telegram-api';
import { closedPort, ensurePanelBuilt, launchBrowser, saveScreenshot, watchPage, type TestBrowser } from '../support/browser';
import { eventually, seedReport } from '../integration/panel/panel-helpers';

const WAIT_MS = 10_000;
const STAFF_TOKEN = '987654321:STAFF-token_for-the-fake';
const AGENT = { username: 'carla.centrale', displayName: 'Carla Centrale', password: 'agente-carla-2026!' };
const PATROL = { username: 'pattuglia.uno', displayName: 'Pattuglia Uno', password: 'pattuglia-uno-2026!' };

let app: TestApp;
let fake: FakeTelegram;
let browser: TestBrowser;

beforeAll(async () => {
  ensurePanelBuilt();
  fake = await startFakeTelegram(STAFF_TOKEN);
  const tilePort = await closedPort();
  app = await startTestApp(
    { MAP_TILE_URL: `http://127.0.0.1:${tilePort}/{z}/{x}/{y}.png`, STAFF_TELEGRAM_BOT_TOKEN: STAFF_TOKEN, STAFF_TELEGRAM_API_ROOT: fake.apiRoot },
    { staffBot: { tickMs: 150, pagerEveryMs: 3_600_000, pollTimeoutSeconds: 1 } },
  );
  for (const [o, team] of [
    [AGENT, 'centrale'],
    [PATROL, 'pattuglie'],
  ] as const) {
    const r = await createOperatorAccount(app.storage.operators, { ...o, role: 'agent', team });
    if (!r.ok) throw new Error(r.detail);
  }
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await fake?.close();
});

async function signedIn(who: { username: string; password: string }): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  watchPage(page);
  await page.goto(`${app.url}/`);
  await page.getByLabel('Nome utente').fill(who.username);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: 'Accedi' }).click();
  await page.getByRole('heading', { level: 1, name: 'Coda segnalazioni' }).waitFor();
  return page;
}

describe('the staff bot from the panel', () => {
  it('a patrol links its phone with a code, gets a dispatch chosen in the panel and accepts it with a button', async () => {
    const patrol = await signedIn(PATROL);
    await patrol.getByRole('link', { name: 'Il mio account' }).click();
    await patrol.getByRole('heading', { name: 'Telegram (bot del personale)' }).waitFor();
    expect(await patrol.getByTestId('telegram-status').innerText()).toContain('Non collegato');
    await patrol.getByRole('button', { name: 'Genera un codice di collegamento' }).click();
    const shown = await patrol.getByTestId('telegram-code').innerText();
    const code = /: ([2-9A-HJ-NP-Z]{8})$/.exec(shown)?.[1];
    expect(code, shown).toBeTruthy();
    const phone = fake.citizen({ firstName: 'Pattuglia' });
    fake.push(phone.text(code!));
    await eventually(async () => fake.sentTo(phone.chatId).some((m) => String(m.text).includes('Account collegato: Pattuglia Uno')));
    await patrol.reload();
    // A reload of the account page (it answered a JSON 404 before: /account was not served).
    await patrol.getByTestId('telegram-status').getByText(/Collegato dal/).waitFor();
    await saveScreenshot(patrol, 'staff-telegram-linked');

    const report = await seedReport(app);
    const agent = await signedIn(AGENT);
    await agent.goto(`${app.url}/reports/${report.id}`);
    await agent.getByRole('button', { name: 'Prendi in carico' }).click();
    await agent.getByRole('button', { name: 'Invia una pattuglia' }).click();
    await agent.getByLabel('Pattuglia o unità').fill('Auto 12');
    await agent.getByLabel('Invia al telefono di (bot del personale)').selectOption({ label: 'Pattuglia Uno' });
    await agent.getByRole('button', { name: 'Conferma: Invia una pattuglia' }).click();
    await agent.getByTestId('action-result').waitFor();

    const dispatch = await eventually(async () => fake.sentTo(phone.chatId).find((m) => String(m.text).includes(report.ticketCode)));
    const markup = typeof dispatch.reply_markup === 'string' ? JSON.parse(dispatch.reply_markup) : dispatch.reply_markup;
    const accept = markup.inline_keyboard.flat().find((b: { text: string }) => b.text.includes('Presa in carico'));
    fake.push(phone.callback(accept.callback_data, 1));
    const timeline = agent.getByTestId('timeline');
    await timeline.getByText('La pattuglia ha preso in carico l’intervento').waitFor();
    await saveScreenshot(agent, 'staff-dispatch-accepted');
  });
});
