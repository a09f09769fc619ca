/**
 * The supervisor's hot-zone view end to end, in headless Debian Chromium against the real service
 * (web + worker roles, real Redis and MongoDB-wire server): the top zone from seeded reports, then
 * a citizen's report through the simulator API updates the totals without a reload. Also the
 * indicators page and the queue's export button. The map's tile server is a closed local port:
 * the view must work with no tiles.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { NewReport } from '../../src/domain/ports';
import { createOperatorAccount } from '../../src/panel/operator-accounts';
import { startTestApp, type TestApp } from '../support/test-app';
import { closedPort, ensurePanelBuilt, launchBrowser, saveScreenshot, watchPage, type TestBrowser } from '../support/browser';
import { FULL_REPORT_SCRIPT, expectTicketCode, makeJpeg, type ScriptStep } from '../support/report-script';

const WAIT_MS = 10_000;
const DAY = 86_400_000;
const SUPERVISOR = { username: 'sara.conti', displayName: 'Sara Conti', password: 'supervisore-sara-2026!' };
const AGENT = { username: 'luca.neri', displayName: 'Luca Neri', password: 'agente-luca-2026!' };

let app: TestApp;
let browser: TestBrowser;
let supervisor: { context: BrowserContext; page: Page; seen: ReturnType<typeof watchPage> } | undefined;

type Seed = Pick<NewReport, 'categoryId' | 'zone' | 'address' | 'description'> & { at: { lat: number; lng: number } };

/** A working week in Capannori: Marlia stands out (vandalism), Lammari grows (thefts). */
const SEEDS: Seed[] = [
  { categoryId: 'vandalism', zone: 'marlia', at: { lat: 43.9035, lng: 10.5512 }, address: 'Via delle Ville 12, Marlia', description: 'Panchine divelte nel parco.' },
  { categoryId: 'vandalism', zone: 'marlia', at: { lat: 43.9052, lng: 10.5478 }, address: 'Piazza di Marlia', description: 'Scritte sui muri della scuola.' },
  { categoryId: 'vandalism', zone: 'marlia', at: { lat: 43.9018, lng: 10.5551 }, address: 'Via Paolinelli, Marlia', description: 'Cassonetti bruciati.' },
  { categoryId: 'theft', zone: 'marlia', at: { lat: 43.9041, lng: 10.5503 }, address: 'Via delle Ville 40, Marlia', description: 'Tentato furto in un garage.' },
  { categoryId: 'theft', zone: 'lammari', at: { lat: 43.8672, lng: 10.553 }, address: 'Via Carlo Piaggia, Lammari', description: 'Auto forzata nel parcheggio.' },
  { categoryId: 'theft', zone: 'lammari', at: { lat: 43.8688, lng: 10.5561 }, address: 'Via di Lammari', description: 'Furto di biciclette.' },
  { categoryId: 'abandoned_waste', zone: 'capannori-centro', at: { lat: 43.8435, lng: 10.58 }, address: 'Via del Popolo, Capannori', description: 'Sacchi lungo il fosso.' },
  { categoryId: 'street_lighting', zone: 'guamo', at: { lat: 43.7947, lng: 10.5602 }, address: 'Via di Vorno, Guamo', description: 'Lampioni spenti.' },
  { categoryId: 'noise', zone: 'lunata', at: { lat: 43.8438, lng: 10.5526 }, address: 'Via Pesciatina, Lunata', description: 'Musica alta.' },
];

async function seedTerritory() {
  for (const [i, s] of SEEDS.entries()) {
    const { report } = await app.storage.reports.createOnce({
      categoryId: s.categoryId,
      reliability: 'seen',
      point: s.at,
      address: s.address,
      zone: s.zone,
      description: s.description,
      photoRefs: [],
      channel: i % 2 ? 'telegram' : 'whatsapp',
      citizenRef: `seed-citizen-${i}`,
      language: 'it',
      priority: 40,
      sourceMessageKey: `territory-seed-${i}`,
    });
    // The week before, as the counters remember it: Lammari had one theft, Guamo two outages.
    if (i === 4 || i === 7) await app.storage.stats.recordCreated({ ...report, createdAt: new Date(Date.now() - 9 * DAY) });
    if (i === 7) await app.storage.stats.recordCreated({ ...report, createdAt: new Date(Date.now() - 10 * DAY) });
    // Handled reports, as the counters record their moves (minutes after creation).
    if (i < 3) {
      const after = (min: number) => new Date(report.createdAt.getTime() + (min + 17 * i) * 60_000);
      await app.storage.stats.recordTransition(report, 'take', after(12));
      await app.storage.stats.recordTransition(report, 'dispatch', after(35));
      await app.storage.stats.recordTransition({ ...report, outcome: { code: 'intervention_done' } }, 'close', after(80));
      // The citizens' answers to "Il problema è stato risolto?": two yes, one no.
      await app.storage.stats.recordResolution(report, i < 2 ? 'solved' : 'still_there');
    }
  }
}

async function citizenSays(chatId: string, body: object): Promise<{ text: string }[]> {
  const res = await fetch(`${app.url}/api/simulator/chats/${chatId}/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { replies?: { text: string }[]; error?: string };
  if (res.status !== 200) throw new Error(`simulator answered ${res.status}: ${json.error}`);
  return json.replies ?? [];
}

/** The canonical citizen report (town hall, Capannori centro); returns its ticket code. */
async function submitFullReport(chatId: string): Promise<string> {
  const photo = (await makeJpeg()).toString('base64');
  let last: { text: string }[] = [];
  for (const step of FULL_REPORT_SCRIPT as ScriptStep[]) last = await citizenSays(chatId, 'photo' in step ? { photo: { mimeType: 'image/jpeg', base64: photo } } : step);
  return expectTicketCode(last.map((r) => r.text).join('\n'));
}

async function signIn(page: Page, who: { username: string; password: string }, path: string) {
  await page.goto(`${app.url}${path}`);
  await page.getByLabel('Nome utente').fill(who.username);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: 'Accedi' }).click();
}

async function supervisorPage() {
  if (supervisor) return supervisor;
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  const seen = watchPage(page);
  await signIn(page, SUPERVISOR, '/territorio');
  await page.getByRole('heading', { level: 1, name: 'Zone calde' }).waitFor();
  supervisor = { context, page, seen };
  return supervisor;
}

const zoneRow = (page: Page, zone: string) => page.getByTestId(`hotzone-${zone}`);
const cell = (page: Page, zone: string, name: 'received' | 'weighted' | 'trend') => zoneRow(page, zone).getByTestId(name).innerText();

beforeAll(async () => {
  ensurePanelBuilt();
  const tilePort = await closedPort();
  app = await startTestApp({ MAP_TILE_URL: `http://127.0.0.1:${tilePort}/{z}/{x}/{y}.png` });
  for (const [who, role] of [
    [SUPERVISOR, 'supervisor'],
    [AGENT, 'agent'],
  ] as const) {
    const r = await createOperatorAccount(app.storage.operators, { ...who, role });
    if (!r.ok) throw new Error(r.detail);
  }
  await seedTerritory();
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('hot zones in Chromium', () => {
  it('shows the top zone and the trends from the seeded reports, on a map without tiles', async () => {
    const { page } = await supervisorPage();
    expect(page.url()).toBe(`${app.url}/territorio`);
    await zoneRow(page, 'marlia').waitFor();
    // Marlia: 3 vandalism (severity 3) + 1 theft (4) = weight 13, first; nothing the week before.
    const first = page.getByTestId('hotzone-table').locator('tbody tr').first();
    expect(await first.getAttribute('data-testid')).toBe('hotzone-marlia');
    expect(await cell(page, 'marlia', 'weighted')).toBe('13');
    expect(await cell(page, 'marlia', 'received')).toBe('4');
    expect(await cell(page, 'marlia', 'trend')).toContain('nuova');
    // Lammari: 2 thefts now (8) against 1 (4): up 100%. Guamo: 1 outage now against 2: down 50%.
    expect(await cell(page, 'lammari', 'trend')).toMatch(/▲\s*\+100\s?%/);
    expect(await cell(page, 'guamo', 'trend')).toMatch(/▼\s*−50\s?%/);
    expect(await page.getByTestId('window-summary').innerText()).toMatch(/\(7 giorni\), confrontato con i 7 giorni precedenti/);
    // The map: zone totals written on it, and a note that no tiles could be loaded.
    await expect.poll(() => page.locator('.zone-total-label [data-zone="marlia"]').innerText(), { timeout: WAIT_MS }).toBe('4');
    await expect.poll(() => page.getByTestId('map-note').innerText(), { timeout: WAIT_MS }).toContain('non raggiungibile');
    // Heat circles are drawn on the map's canvas.
    expect(await page.locator('[data-testid="hotzone-map"] canvas').count()).toBeGreaterThan(0);
  });

  it('updates the totals live when a citizen reports, without reloading the page', async () => {
    const { page, seen } = await supervisorPage();
    await zoneRow(page, 'capannori-centro').waitFor();
    expect(await cell(page, 'capannori-centro', 'received')).toBe('1');
    const totalsBefore = await page.getByTestId('hotzone-totals').innerText();
    expect(totalsBefore).toContain('9 segnalazioni');
    // Marks this document: if the page reloads, the mark is gone.
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

    // The canonical report: "Degrado urbano" (severity 2) at the town hall, in Capannori centro.
    await submitFullReport(`territory-e2e-${Date.now()}`);

    await expect.poll(() => cell(page, 'capannori-centro', 'received'), { timeout: WAIT_MS }).toBe('2');
    expect(await cell(page, 'capannori-centro', 'weighted')).toBe('4');
    expect(await page.getByTestId('hotzone-totals').innerText()).toContain('10 segnalazioni');
    await expect.poll(() => page.locator('.zone-total-label [data-zone="capannori-centro"]').innerText(), { timeout: WAIT_MS }).toBe('2');
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    await expect.poll(() => page.getByTestId('announcer').innerText(), { timeout: WAIT_MS }).toContain('Zone calde aggiornate');
    await saveScreenshot(page, 'territory');
    expect(seen.errors).toEqual([]);
    expect(seen.cspViolations).toEqual([]);
  });

  it('filters by category and window from the keyboard, keeping the choice in the address', async () => {
    const { page } = await supervisorPage();
    await page.getByText('Categorie:').click();
    await page.getByRole('checkbox', { name: 'Furto o tentato furto/scasso' }).check();
    await page.getByText('Categorie:').click();
    await expect.poll(() => page.getByTestId('hotzone-table').locator('tbody tr').count(), { timeout: WAIT_MS }).toBe(2);
    expect(await cell(page, 'lammari', 'weighted')).toBe('8');
    expect(page.url()).toContain('category=theft');
    await page.getByRole('radio', { name: '30 giorni' }).focus();
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByTestId('window-summary').innerText(), { timeout: WAIT_MS }).toContain('(30 giorni)');
    // Thirty days hold last week's theft too.
    await expect.poll(() => cell(page, 'lammari', 'received'), { timeout: WAIT_MS }).toBe('3');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Zone calde' }).waitFor();
    expect(await page.getByRole('radio', { name: '30 giorni' }).isChecked()).toBe(true);
    await page.getByRole('radio', { name: '7 giorni' }).check();
    await page.getByText('Categorie:').click();
    await page.getByRole('button', { name: 'Tutte le categorie' }).click();
    await zoneRow(page, 'marlia').waitFor();
    await page.getByText('Categorie:').click();
  });

  it('speaks English when the supervisor switches language', async () => {
    const { page } = await supervisorPage();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hot zones' }).waitFor();
    expect(await page.getByRole('link', { name: 'Indicators' }).count()).toBe(1);
    expect(await cell(page, 'marlia', 'trend')).toContain('new');
    expect(await page.getByTestId('window-summary').innerText()).toMatch(/\(7 days\), compared with the previous 7 days/);
    expect(await page.getByRole('radio', { name: '30 days' }).count()).toBe(1);
    await saveScreenshot(page, 'territory-en');
    await page.getByRole('button', { name: 'Italiano' }).click();
    await page.getByRole('heading', { level: 1, name: 'Zone calde' }).waitFor();
  });

  it('shows the indicators and lets the supervisor export the queue as CSV', async () => {
    const { page, seen } = await supervisorPage();
    await page.getByRole('link', { name: 'Indicatori' }).click();
    await page.getByRole('heading', { level: 1, name: 'Indicatori del servizio' }).waitFor();
    const table = page.getByTestId('indicators-table');
    await table.waitFor();
    expect(await table.innerText()).toMatch(/Ricevute/i);
    await page.getByLabel('Raggruppa per').selectOption('zone');
    await expect.poll(() => table.innerText(), { timeout: WAIT_MS }).toContain('Marlia');
    expect(await table.innerText()).toMatch(/Risolte secondo i cittadini/i);
    const marlia = table.getByRole('row').filter({ hasText: 'Marlia' });
    expect(await marlia.getByTestId('solved-share').innerText()).toBe('67% (2/3)');
    await saveScreenshot(page, 'indicators');

    // The retention policy, stated where supervisors review accesses to personal data.
    await page.getByRole('link', { name: 'Accessi ai dati' }).click();
    const policy = page.getByTestId('retention-policy');
    await policy.waitFor();
    expect(await policy.innerText()).toContain('Foto delle segnalazioni chiuse: 12 mesi');

    await page.getByRole('link', { name: 'Coda' }).click();
    await page.getByRole('heading', { level: 1, name: 'Coda segnalazioni' }).waitFor();
    await page.getByTestId('export-buttons').waitFor();
    await saveScreenshot(page, 'queue-export');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Esporta CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^segnalazioni-\d{8}-\d{4}\.csv$/);
    expect(seen.errors).toEqual([]);
    expect(seen.cspViolations).toEqual([]);
  });

  it('is not offered to agents', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT_MS);
    await signIn(page, AGENT, '/territorio');
    await page.getByRole('heading', { level: 1, name: 'Accesso non consentito' }).waitFor();
    expect(await page.getByRole('link', { name: 'Zone calde' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Coda' }).click();
    await page.getByRole('heading', { level: 1, name: 'Coda segnalazioni' }).waitFor();
    expect(await page.getByRole('button', { name: 'Esporta CSV' }).count()).toBe(0);
    await context.close();
  });
});
