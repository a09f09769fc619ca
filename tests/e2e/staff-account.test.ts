/**
 * A supervisor's account in Chromium: the first sign-in asks for two-step verification and nothing
 * else opens until it is set up by QR code; the recovery codes are shown once; the next sign-in asks
 * for the code; "My account" changes the password, and "log out everywhere" signs out the other
 * browser too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createOperatorAccount } from '../../src/panel/operator-accounts';
import { currentTotp } from '../../src/panel/mfa';
import { startTestApp, type TestApp } from '../support/test-app';
import { closedPort, ensurePanelBuilt, launchBrowser, saveScreenshot, watchPage, type TestBrowser } from '../support/browser';

const WAIT_MS = 10_000;
const SUPERVISOR = { username: 'sara.capo', displayName: 'Sara Capo', password: 'supervisore-sara-2026!' };
const NEW_PASSWORD = 'Tramonto-sul-Serchio-42';

let app: TestApp;
let browser: TestBrowser;

beforeAll(async () => {
  ensurePanelBuilt();
  const tilePort = await closedPort();
  app = await startTestApp({ MAP_TILE_URL: `http://127.0.0.1:${tilePort}/{z}/{x}/{y}.png`, MFA_REQUIRED_ROLES: 'admin,supervisor' });
  const r = await createOperatorAccount(app.storage.operators, { ...SUPERVISOR, role: 'supervisor' });
  if (!r.ok) throw new Error(r.detail);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function signIn(page: Page, password: string) {
  await page.goto(`${app.url}/`);
  await page.getByLabel('Nome utente').fill(SUPERVISOR.username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Accedi' }).click();
}

describe("a supervisor's account in the panel", () => {
  let secret = '';
  let usedAt = 0;
  let recovery: string[] = [];

  it('sets up two-step verification by QR code at the first sign-in, before anything else', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT_MS);
    const seen = watchPage(page);
    await signIn(page, SUPERVISOR.password);
    await page.getByRole('heading', { level: 1, name: 'Attiva la verifica in due passaggi' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Coda segnalazioni' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Mostra il codice QR' }).click();
    await page.getByTestId('mfa-qr').waitFor();
    secret = (await page.getByTestId('mfa-secret').innerText()).trim();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    usedAt = Date.now();
    await page.getByLabel('Codice').fill(currentTotp(secret, usedAt));
    await page.getByRole('button', { name: 'Attiva' }).click();
    const codes = page.getByTestId('recovery-codes');
    await codes.waitFor();
    recovery = (await codes.innerText()).split('\n').filter(Boolean);
    expect(recovery).toHaveLength(10);
    await saveScreenshot(page, 'mfa-recovery-codes');
    await page.getByRole('button', { name: 'Li ho conservati, continua' }).click();
    await page.getByRole('heading', { level: 1, name: 'Coda segnalazioni' }).waitFor();
    expect(seen.errors).toEqual([]);
    expect(seen.cspViolations).toEqual([]);
    await context.close();
  });

  it('asks for the code at the next sign-in, refuses a wrong one, and lets the right one in', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT_MS);
    await signIn(page, SUPERVISOR.password);
    await page.getByRole('heading', { name: 'Verifica in due passaggi' }).waitFor();
    await page.getByLabel('Codice').fill('000000');
    await page.getByRole('button', { name: 'Verifica' }).click();
    expect(await page.getByTestId('mfa-error').innerText()).toContain('Codice non valido');
    // The next time step's code (a phone clock 30 s ahead): each step is accepted once.
    await page.getByLabel('Codice').fill(currentTotp(secret, usedAt + 30_000));
    await page.getByRole('button', { name: 'Verifica' }).click();
    await page.getByRole('heading', { level: 1, name: 'Coda segnalazioni' }).waitFor();
    await context.close();
  });

  it('changes the password in "My account", and "log out everywhere" signs the other browser out', async () => {
    const here = await browser.newContext();
    const page = await here.newPage();
    page.setDefaultTimeout(WAIT_MS);
    await signIn(page, SUPERVISOR.password);
    // A recovery code (the phone is elsewhere); each works once.
    await page.getByLabel('Codice').fill(recovery[0]);
    await page.getByRole('button', { name: 'Verifica' }).click();
    await page.getByRole('heading', { level: 1, name: 'Coda segnalazioni' }).waitFor();

    await page.getByRole('link', { name: 'Il mio account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Il mio account' }).waitFor();
    expect(await page.getByTestId('mfa-state').innerText()).toBe('La verifica in due passaggi è attiva.');
    await page.getByLabel('Password attuale').first().fill(SUPERVISOR.password);
    await page.getByLabel('Nuova password').fill('password1234');
    await page.getByRole('button', { name: 'Cambia password' }).click();
    await page.getByText(/Password troppo debole/).waitFor();
    await page.getByLabel('Password attuale').first().fill(SUPERVISOR.password);
    await page.getByLabel('Nuova password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Cambia password' }).click();
    await page.getByText('Password cambiata. Le altre sessioni sono state chiuse.').waitFor();

    // A second browser signed in with the new password…
    const there = await browser.newContext();
    const other = await there.newPage();
    other.setDefaultTimeout(WAIT_MS);
    await signIn(other, NEW_PASSWORD);
    await other.getByLabel('Codice').fill(recovery[1]);
    await other.getByRole('button', { name: 'Verifica' }).click();
    await other.getByRole('heading', { level: 1, name: 'Coda segnalazioni' }).waitFor();

    // …is signed out by "log out everywhere" from the first.
    await page.getByRole('button', { name: 'Esci da tutti i dispositivi' }).click();
    await page.getByRole('button', { name: 'Accedi' }).waitFor();
    await other.reload();
    await other.getByRole('button', { name: 'Accedi' }).waitFor();
    await here.close();
    await there.close();
  });
});
