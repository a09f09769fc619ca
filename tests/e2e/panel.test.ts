/**
 * The operator panel end to end, in headless Debian Chromium against the real service (web +
 * worker roles, real Redis and MongoDB-wire server). A citizen reports through the simulator API;
 * agents work the report in the panel; the citizen's chat shows what they did. The map's tile
 * server is a closed local port for the whole file: the panel must work with no tiles.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { createOperatorAccount } from '../../src/panel/operator-accounts';
import { CACHE_MS } from '../../src/panel/session-cache';
import { startTestApp, type TestApp } from '../support/test-app';
import { closedPort, ensurePanelBuilt, launchBrowser, saveScreenshot, watchPage, type TestBrowser } from '../support/browser';
import { FULL_REPORT_SCRIPT, TOWN_HALL, expectTicketCode, makeJpeg, type ScriptStep } from '../support/report-script';

const WAIT_MS = 10_000;
/** Inside Capannori (zone Guamo), about 5 km from the town hall. */
const GUAMO = { lat: 43.8, lng: 10.56 } as const;
const AGENT_A = { username: 'mario.rossi', displayName: 'Mario Rossi', password: 'agente-mario-2026!' };
const AGENT_B = { username: 'giulia.bianchi', displayName: 'Giulia Bianchi', password: 'agente-giulia-2026!' };
const ADMIN = { username: 'admin.comando', displayName: 'Comando PM', password: 'admin-comando-2026!' };

let app: TestApp;
let browser: TestBrowser;
type AgentPage = { context: BrowserContext; page: Page; seen: ReturnType<typeof watchPage> };
let agentA: AgentPage | undefined;

type ChatMessage = { text: string; choices?: string[]; purpose: string; at: string };

async function citizenSays(chatId: string, body: object): Promise<{ text: string; choices?: string[] }[]> {
  const res = await fetch(`${app.url}/api/simulator/chats/${chatId}/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { replies?: { text: string }[]; error?: string };
  if (res.status !== 200) throw new Error(`simulator answered ${res.status}: ${json.error}`);
  return json.replies ?? [];
}

async function citizenChat(chatId: string): Promise<ChatMessage[]> {
  const res = await fetch(`${app.url}/api/simulator/chats/${chatId}/messages`);
  return ((await res.json()) as { messages: ChatMessage[] }).messages;
}

/** Replays the canonical report and returns its ticket code. */
async function submitFullReport(chatId: string): Promise<string> {
  const photo = (await makeJpeg()).toString('base64');
  let last: { text: string }[] = [];
  for (const step of FULL_REPORT_SCRIPT as ScriptStep[]) {
    const body = 'photo' in step ? { photo: { mimeType: 'image/jpeg', base64: photo } } : step;
    last = await citizenSays(chatId, body);
  }
  return expectTicketCode(last.map((r) => r.text).join('\n'));
}

async function createOperator(o: { username: string; displayName: string; password: string }, role: 'agent' | 'admin') {
  const r = await createOperatorAccount(app.storage.operators, { ...o, role });
  if (!r.ok) throw new Error(r.detail);
}

async function signIn(page: Page, who: { username: string; password: string }, path = '/') {
  await page.goto(`${app.url}${path}`);
  await page.getByLabel('Nome utente').fill(who.username);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: 'Accedi' }).click();
}

async function newAgentPage(who: { username: string; password: string }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  const seen = watchPage(page);
  await signIn(page, who);
  await page.getByRole('heading', { level: 1, name: 'Coda segnalazioni' }).waitFor();
  return { context, page, seen };
}

/** Other reports already in the queue, so the queue looks (and is laid out) like a working day's. */
async function seedQueue() {
  const seeds = [
    { categoryId: 'theft', reliability: 'seen', zone: 'marlia', address: 'Via delle Ville 12, Marlia', priority: 84, text: 'Due persone forzano il portone del magazzino.' },
    { categoryId: 'drug_dealing', reliability: 'heard', zone: 'lammari', address: 'Parco di Lammari, Via Carlo Piaggia', priority: 63, text: 'Scambi sospetti ogni sera vicino alle panchine.' },
    { categoryId: 'vandalism', reliability: 'seen', zone: 'lunata', address: 'Via Pesciatina 300, Lunata', priority: 54, text: 'Pensilina dell’autobus con il vetro rotto.' },
    { categoryId: 'abandoned_waste', reliability: 'seen', zone: 'segromigno-in-piano', address: 'Via di Tiglio, Segromigno in Piano', priority: 39, text: 'Sacchi di calcinacci lungo il fosso.' },
    { categoryId: 'street_lighting', reliability: 'unsure', zone: 'guamo', address: 'Via di Vorno, Guamo', priority: 12, text: 'Tre lampioni spenti in fila.' },
    { categoryId: 'noise', reliability: 'heard', zone: 'capannori-centro', address: undefined, priority: 20, text: 'Musica ad alto volume fino a tardi.' },
  ] as const;
  for (const [i, seed] of seeds.entries()) {
    const { report } = await app.storage.reports.createOnce({
      categoryId: seed.categoryId,
      reliability: seed.reliability,
      point: { lat: TOWN_HALL.lat + i * 0.004, lng: TOWN_HALL.lng - i * 0.003 },
      address: seed.address,
      zone: seed.zone,
      description: seed.text,
      photoRefs: [],
      channel: i % 2 ? 'telegram' : 'whatsapp',
      citizenRef: `seed-citizen-${i}`,
      language: 'it',
      priority: seed.priority,
      sourceMessageKey: `seed-${i}`,
    });
    if (i === 1) await app.storage.reports.applyTransition({ id: report.id, action: 'take', actor: AGENT_B.username, set: { assignee: AGENT_B.username } });
  }
}

/** Agent A's signed-in page, shared by the tests (each test can also run alone with -t). */
async function agentAPage(): Promise<AgentPage> {
  agentA ??= await newAgentPage(AGENT_A);
  return agentA;
}

const statusOf = (page: Page) => page.getByTestId('report-status').innerText();

beforeAll(async () => {
  ensurePanelBuilt();
  const tilePort = await closedPort();
  app = await startTestApp({ MAP_TILE_URL: `http://127.0.0.1:${tilePort}/{z}/{x}/{y}.png` });
  await createOperator(AGENT_A, 'agent');
  await createOperator(AGENT_B, 'agent');
  await createOperator(ADMIN, 'admin');
  await seedQueue();
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('operator panel in Chromium', () => {
  it('refuses a wrong password with a clear message, then lets the agent in', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT_MS);
    await signIn(page, { username: AGENT_A.username, password: 'not-the-password' });
    await expect.poll(() => page.getByTestId('login-error').innerText(), { timeout: WAIT_MS }).toContain('non corretti');
    // The focus goes back to the (emptied) password field.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('login-password');
    await saveScreenshot(page, 'login');
    await context.close();

    const { page: p } = await agentAPage();
    expect(p.url()).toBe(`${app.url}/`);
    await expect.poll(() => p.getByTestId('live-indicator').innerText(), { timeout: WAIT_MS }).toContain('tempo reale attivo');
    expect(await p.getByTestId('service-badge').innerText()).toMatch(/Servizio (aperto|chiuso)/);
    // Landmarks for screen readers.
    expect(await p.getByRole('banner').count()).toBe(1);
    expect(await p.getByRole('navigation', { name: 'Navigazione principale' }).count()).toBe(1);
    expect(await p.getByRole('main').count()).toBe(1);
  });

  it('shows a citizen report live, and the agent takes, asks, dispatches and closes it while the citizen is told', async () => {
    const { page, seen } = await agentAPage();
    await page.goto(`${app.url}/`);
    await page.getByRole('heading', { level: 1, name: 'Coda segnalazioni' }).waitFor();
    // Marks this document: if the page reloads, the mark is gone.
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

    const chatId = `e2e-${Date.now()}`;
    const ticket = await submitFullReport(chatId);

    const row = page.locator(`tr[data-ticket="${ticket}"]`);
    await row.waitFor({ state: 'visible' });
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    expect(await row.innerText()).toContain('Nuova');
    await expect.poll(() => page.getByTestId('announcer').innerText(), { timeout: WAIT_MS }).toContain(ticket);
    expect(Number(await page.getByTestId('count-new').locator('.chip-count').innerText())).toBeGreaterThanOrEqual(1);
    await saveScreenshot(page, 'queue');

    await row.getByRole('link', { name: ticket }).click();
    await page.getByRole('heading', { level: 1, name: `Segnalazione ${ticket}` }).waitFor();
    // The heading gets the focus on arrival (screen readers announce the new page).
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(await page.getByTestId('report-description').innerText()).toContain('bottiglie rotte');
    // Map: the pin is there although no tile can load, and the page says so.
    await page.locator('.leaflet-marker-icon').waitFor();
    await expect.poll(() => page.getByTestId('map-note').innerText(), { timeout: WAIT_MS }).toContain('non raggiungibile');
    expect(await page.getByTestId('report-map').innerText()).not.toContain('Error');
    // The photo is served to the signed-in agent through the API.
    const photo = page.getByRole('img', { name: 'Foto 1 inviata dal cittadino' });
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: WAIT_MS }).toBe(16);
    await saveScreenshot(page, 'detail');

    // Take in charge.
    await page.getByRole('button', { name: 'Prendi in carico' }).click();
    await expect.poll(() => statusOf(page), { timeout: WAIT_MS }).toBe('In esame');
    expect(await page.getByTestId('report-assignee').innerText()).toContain(AGENT_A.displayName);

    // Ask the citizen for details.
    const question = 'Le bottiglie sono sul marciapiede o dentro il giardino?';
    await page.getByRole('button', { name: 'Chiedi dettagli al cittadino' }).click();
    await page.getByLabel('Domanda per il cittadino').fill(question);
    await page.getByRole('button', { name: 'Conferma: Chiedi dettagli al cittadino' }).click();
    await expect.poll(() => statusOf(page), { timeout: WAIT_MS }).toBe('In attesa di dettagli');
    await expect.poll(async () => (await citizenChat(chatId)).some((m) => m.text.includes(question)), { timeout: WAIT_MS }).toBe(true);

    // The citizen answers in the chat: the answer lands on the report, which comes back to the agent.
    const answer = 'Dentro il giardino, vicino alla panchina.';
    await citizenSays(chatId, { text: answer });
    await page.getByTestId('citizen-info').getByText(answer).waitFor();
    await expect.poll(() => statusOf(page), { timeout: WAIT_MS }).toBe('In esame');

    // Dispatch a patrol.
    await page.getByRole('button', { name: 'Invia una pattuglia' }).click();
    await page.getByLabel('Pattuglia o unità').fill('Pattuglia 7 – Marlia');
    await page.getByRole('button', { name: 'Conferma: Invia una pattuglia' }).click();
    await expect.poll(() => statusOf(page), { timeout: WAIT_MS }).toBe('Pattuglia inviata');

    // Close with an outcome.
    await page.getByRole('button', { name: 'Chiudi con esito' }).click();
    await page.getByRole('radio', { name: 'Intervento effettuato' }).check();
    await page.getByLabel('Nota (facoltativa)').fill('Rimosse le bottiglie, avvisato il servizio rifiuti.');
    await page.getByRole('button', { name: 'Conferma: Chiudi con esito' }).click();
    await expect.poll(() => statusOf(page), { timeout: WAIT_MS }).toBe('Chiusa');
    expect(await page.getByTestId('action-result').innerText()).toContain('Chiusa');
    const timeline = await page.getByTestId('timeline').innerText();
    expect(timeline).toContain(AGENT_A.displayName);
    await saveScreenshot(page, 'detail-closed');

    // The citizen's chat: one update each for take, dispatch and close, after the ticket; then the
    // after-close question ("il problema è stato risolto?").
    const isUpdate = (m: { purpose: string; text: string }) =>
      m.purpose === 'status-update' && !m.text.includes(question) && !/è stato risolto\?/.test(m.text);
    await expect.poll(async () => (await citizenChat(chatId)).filter(isUpdate).length, { timeout: WAIT_MS }).toBe(3);
    await expect.poll(async () => (await citizenChat(chatId)).some((m) => /è stato risolto\?/.test(m.text)), { timeout: WAIT_MS }).toBe(true);
    const updates = (await citizenChat(chatId)).filter(isUpdate);
    for (const u of updates) expect(u.text).toContain(ticket);
    expect(updates[0].text).toMatch(/presa in carico/);
    expect(updates[1].text).toMatch(/pattuglia/i);
    expect(updates[2].text).toMatch(/intervenuta|chiusa/);
    // Nothing internal leaks to the citizen.
    for (const u of updates) {
      expect(u.text).not.toContain(AGENT_A.displayName);
      expect(u.text).not.toContain('Marlia');
    }
    // The identity stays hidden until asked for; asking is logged for supervisors and admins.
    expect(await page.getByTestId('identity').count()).toBe(0);
    // A reason is asked first and kept in the access log.
    expect(await page.getByRole('button', { name: 'Mostra identità' }).isDisabled()).toBe(true);
    await page.getByLabel('Motivo (resta nel registro degli accessi)').fill('richiamare il cittadino per il civico esatto');
    await page.getByRole('button', { name: 'Mostra identità' }).click();
    const identity = page.getByTestId('identity');
    await identity.waitFor();
    expect(await identity.innerText()).toContain(`Simulator ${chatId}`);
    const admin = await newAgentPage(ADMIN);
    await admin.page.goto(page.url());
    const log = admin.page.getByTestId('audit-log');
    await log.getByText('ha mostrato l’identità del cittadino').waitFor();
    expect(await log.innerText()).toContain(AGENT_A.displayName);
    expect(await log.innerText()).toContain('ha visto una foto');
    // The access log: who saw the identity, and why.
    await admin.page.getByRole('link', { name: 'Accessi ai dati' }).click();
    const access = admin.page.getByTestId('access-log');
    await access.getByText('richiamare il cittadino per il civico esatto').waitFor();
    expect(await access.innerText()).toContain(AGENT_A.displayName);
    await admin.context.close();
    // An agent does not see the log.
    expect(await page.getByTestId('audit-log').count()).toBe(0);

    expect(seen.errors).toEqual([]);
    expect(seen.dialogs).toEqual([]);
    expect(seen.cspViolations).toEqual([]);
  });

  it("refuses a second agent's take-in-charge and names who has the report", async () => {
    const { report } = await app.storage.reports.createOnce({
      categoryId: 'urban_decay',
      reliability: 'seen',
      point: { ...TOWN_HALL },
      address: 'Piazza Aldo Moro 1, Capannori',
      description: 'Cassonetti rovesciati davanti al municipio.',
      photoRefs: [],
      channel: 'simulator',
      citizenRef: 'e2e-citizen-take',
      language: 'it',
      priority: 2,
      sourceMessageKey: `e2e-take-${Date.now()}`,
    });
    const agentB = await newAgentPage(AGENT_B);
    // B's page stops hearing live updates, as if both agents pressed at the same moment.
    await agentB.context.route('**/api/events', (route) => route.abort());
    await agentB.page.goto(`${app.url}/reports/${report.id}`);
    await agentB.page.getByRole('button', { name: 'Prendi in carico' }).waitFor();

    const a = await agentAPage();
    await a.page.goto(`${app.url}/reports/${report.id}`);
    await a.page.getByRole('button', { name: 'Prendi in carico' }).click();
    await expect.poll(() => statusOf(a.page), { timeout: WAIT_MS }).toBe('In esame');

    await agentB.page.getByRole('button', { name: 'Prendi in carico' }).click();
    const refusal = agentB.page.getByTestId('action-result');
    await refusal.waitFor();
    expect(await refusal.getAttribute('role')).toBe('alert');
    const text = await refusal.innerText();
    expect(text).toContain('Azione non eseguita');
    expect(text).toContain(AGENT_A.displayName);
    // B now sees the current state and no take button.
    await expect.poll(() => statusOf(agentB.page), { timeout: WAIT_MS }).toBe('In esame');
    expect(await agentB.page.getByTestId('report-assignee').innerText()).toContain(AGENT_A.displayName);
    expect(await agentB.page.getByRole('button', { name: 'Prendi in carico' }).count()).toBe(0);
    expect((await app.storage.reports.get(report.id))?.assignee).toBe(AGENT_A.username);
    await agentB.context.close();
  });

  it('shows a description (and the citizen\'s time words) with <script> and <img onerror> as plain text', async () => {
    const hostile = 'Attenzione <script>alert(1)</script> e <img src=x onerror=alert(1)> davanti alla scuola';
    const { report } = await app.storage.reports.createOnce({
      categoryId: 'urban_decay',
      reliability: 'heard',
      point: { ...TOWN_HALL },
      address: '<b>Via</b> <img src=x onerror=alert(2)>',
      description: hostile,
      photoRefs: [],
      channel: 'simulator',
      citizenRef: 'e2e-citizen-xss',
      language: 'it',
      priority: 1,
      sourceMessageKey: `e2e-xss-${Date.now()}`,
      // The citizen's time words are shown as text too, with the period read from them.
      observedWhen: { text: 'stanotte <img src=x onerror=alert(3)>', kind: 'moment', from: new Date('2026-11-17T21:00:00Z'), to: new Date('2026-11-18T05:00:00Z') },
    });
    // As the worker does after creating a report: the web process's open-queue cache hears of it.
    await app.publish({ type: 'report.created', reportId: report.id });
    const { page, seen } = await agentAPage();
    await page.goto(`${app.url}/?status=new`);
    const row = page.locator(`tr[data-ticket="${report.ticketCode}"]`);
    await row.waitFor();
    expect(await row.innerText()).toContain('«stanotte <img src=x onerror=alert(3)>»');
    await page.goto(`${app.url}/reports/${report.id}`);
    const description = page.getByTestId('report-description');
    await description.waitFor();
    expect(await description.innerText()).toBe(hostile);
    expect(await page.getByTestId('report-address').innerText()).toBe('<b>Via</b> <img src=x onerror=alert(2)>');
    expect(await page.getByTestId('report-observed').innerText()).toContain('stanotte <img src=x onerror=alert(3)>');
    expect(await page.getByTestId('report-observed').innerText()).toContain('tra 17/11/2026, 22:00 e 18/11/2026, 06:00 circa');
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.locator('#main script').count()).toBe(0);
    expect(await page.locator('#main b').count()).toBe(0);
    expect(seen.dialogs).toEqual([]);
  });

  it('can be worked with the keyboard alone', async () => {
    const { page } = await agentAPage();
    await page.goto(`${app.url}/`);
    await page.getByRole('heading', { level: 1, name: 'Coda segnalazioni' }).waitFor();
    const focused = () => page.evaluate(() => ({ tag: document.activeElement?.tagName, id: document.activeElement?.id, text: (document.activeElement as HTMLElement | null)?.innerText ?? '' }));
    // The page's heading has the focus on arrival; before it come the header, then the skip link,
    // which jumps back to the main content.
    expect((await focused()).tag).toBe('H1');
    let back = await focused();
    for (let i = 0; i < 12 && back.text !== 'Vai al contenuto principale'; i++) {
      await page.keyboard.press('Shift+Tab');
      back = await focused();
    }
    expect(back.text).toBe('Vai al contenuto principale');
    await page.keyboard.press('Enter');
    expect((await focused()).id).toBe('main');
    // Tab on to the first report's link and open it.
    let reached: { tag?: string; text: string } = { text: '' };
    for (let i = 0; i < 40 && !/^VIC-/.test(reached.text); i++) {
      await page.keyboard.press('Tab');
      reached = await focused();
    }
    expect(reached.tag).toBe('A');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: `Segnalazione ${reached.text}` }).waitFor();
    expect((await focused()).tag).toBe('H1');
    // An action's form opens with the focus in its first field.
    const reject = page.getByRole('button', { name: 'Respingi', exact: true });
    await reject.focus();
    await page.keyboard.press('Enter');
    expect(await reject.getAttribute('aria-expanded')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('reason');
  });

  it('filters the queue by status and category, keeping the filters in the address', async () => {
    const { page } = await agentAPage();
    await page.goto(`${app.url}/`);
    const rows = page.getByTestId('queue-table').locator('tbody tr');
    await rows.first().waitFor();
    await page.getByLabel('Categoria').selectOption({ label: 'Furto o tentato furto/scasso' });
    await expect.poll(() => rows.count(), { timeout: WAIT_MS }).toBe(1);
    expect(await rows.first().innerText()).toContain('Via delle Ville 12');
    expect(page.url()).toContain('category=theft');
    // Status chips: only "In esame" -> the report Giulia Bianchi took.
    await page.getByLabel('Categoria').selectOption({ label: 'Tutte' });
    for (const label of ['Nuova', 'In attesa di dettagli', 'Pattuglia inviata']) await page.getByRole('checkbox', { name: new RegExp(`^${label}`) }).uncheck();
    await expect.poll(() => page.url(), { timeout: WAIT_MS }).toContain('status=in_review');
    await expect.poll(async () => (await rows.allInnerTexts()).every((t) => t.includes('In esame')), { timeout: WAIT_MS }).toBe(true);
    expect((await rows.allInnerTexts()).some((t) => t.includes(AGENT_B.displayName))).toBe(true);
    await page.reload();
    await rows.first().waitFor();
    expect(await page.getByRole('checkbox', { name: /^Nuova/ }).isChecked()).toBe(false);
    expect((await rows.allInnerTexts()).every((t) => t.includes('In esame'))).toBe(true);
    await page.getByRole('button', { name: 'Azzera filtri' }).click();
    await expect.poll(() => page.url(), { timeout: WAIT_MS }).toBe(`${app.url}/`);
  });

  it('sends the agent back to the login page, saying why, when the session has ended', async () => {
    const agent = await newAgentPage(AGENT_B);
    // The queue has loaded (otherwise its own request would meet the ended session first).
    const firstReport = agent.page.getByRole('link', { name: /^VIC-/ }).first();
    await firstReport.waitFor();
    // The session ends on the server (as after the idle timeout). Clearing the browser's cookies
    // instead would race: the session cookie rolls, so any answer still in flight sets it again.
    const ended = await app.mongo.collection('panel_sessions').deleteMany({ 'session.username': AGENT_B.username });
    expect(ended.deletedCount).toBeGreaterThan(0);
    // A web process keeps a session it just read for a few seconds (src/panel/session-cache.ts);
    // a change made straight in MongoDB, like this one, shows after that.
    await new Promise((r) => setTimeout(r, CACHE_MS));
    await firstReport.click();
    await agent.page.getByRole('heading', { level: 1, name: 'Accesso operatori' }).waitFor();
    expect(await agent.page.getByRole('status').filter({ hasText: 'sessione' }).innerText()).toContain('La sessione è scaduta');
    // Signing in again goes back to the page the agent wanted.
    const wanted = new URL(agent.page.url()).searchParams.get('next');
    expect(wanted).toMatch(/^\/reports\//);
    await agent.page.getByLabel('Nome utente').fill(AGENT_B.username);
    await agent.page.getByLabel('Password', { exact: true }).fill(AGENT_B.password);
    await agent.page.getByRole('button', { name: 'Accedi' }).click();
    await agent.page.getByRole('heading', { level: 1, name: /^Segnalazione VIC-/ }).waitFor();
    expect(new URL(agent.page.url()).pathname).toBe(wanted);
    await agent.context.close();
  });

  it('switches to English and keeps the choice', async () => {
    const { page } = await agentAPage();
    await page.goto(`${app.url}/`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Report queue' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Report queue' }).waitFor();
    await page.getByTestId('queue-table').waitFor();
    await saveScreenshot(page, 'queue-en');
    await page.getByRole('button', { name: 'Italiano' }).click();
    await page.getByRole('heading', { level: 1, name: 'Coda segnalazioni' }).waitFor();
  });

  it('lets an admin create an operator, who can then sign in, and shows the WhatsApp link state', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT_MS);
    const seen = watchPage(page);
    await signIn(page, ADMIN, '/admin');
    await page.getByRole('heading', { level: 1, name: 'Amministrazione' }).waitFor();
    await page.getByTestId('operators-table').getByRole('rowheader', { name: AGENT_A.username }).waitFor();
    await page.getByTestId('whatsapp-status').waitFor();

    await page.getByLabel('Nome utente').fill('luca.verdi');
    await page.getByLabel('Nome e cognome').fill('Luca Verdi');
    await page.getByLabel('Password iniziale').fill('agente-luca-2026!');
    await page.getByRole('button', { name: 'Crea operatore' }).click();
    await page.getByTestId('operators-table').getByRole('cell', { name: 'Luca Verdi' }).waitFor();
    expect(seen.errors).toEqual([]);
    await saveScreenshot(page, 'admin');
    await context.close();

    const luca = await newAgentPage({ username: 'luca.verdi', password: 'agente-luca-2026!' });
    // An agent has no administration link.
    expect(await luca.page.getByRole('link', { name: 'Amministrazione' }).count()).toBe(0);
    await luca.context.close();
  });
});

describe('citizen simulator page in Chromium', () => {
  it('lets a citizen report by tapping choices, picking a place, attaching a photo, and shows later updates', async () => {
    const context = await browser.newContext({ viewport: { width: 480, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT_MS);
    const seen = watchPage(page);
    await page.goto(`${app.url}/simulator`);
    const chat = page.getByRole('log', { name: 'Conversazione con il bot' });
    const lastBot = () => chat.locator('.from-bot').last().innerText();
    const tap = async (label: string) => page.getByRole('group', { name: 'Risposte suggerite' }).getByRole('button', { name: label, exact: true }).click();

    await page.getByLabel('Scrivi un messaggio').fill('Buongiorno');
    await page.getByRole('button', { name: 'Invia', exact: true }).click();
    await expect.poll(lastBot, { timeout: WAIT_MS }).toContain('Accetti?');
    await tap('Accetto');
    await expect.poll(lastBot, { timeout: WAIT_MS }).toContain('Che cosa vuoi segnalare?');
    const firstCategory = await page.getByRole('group', { name: 'Risposte suggerite' }).getByRole('button').first().innerText();
    await tap(firstCategory);
    await expect.poll(lastBot, { timeout: WAIT_MS }).toContain('Come lo sai?');
    await tap("L'ho visto io");
    await expect.poll(lastBot, { timeout: WAIT_MS }).toContain('Dove?');

    // A click on the map (no tiles reachable) fills the coordinates; typed ones win.
    await page.getByRole('button', { name: 'Posizione', exact: true }).click();
    await page.locator('#map').click({ position: { x: 200, y: 120 } });
    await expect.poll(() => page.getByLabel('Latitudine').inputValue(), { timeout: WAIT_MS }).toMatch(/^\d+\.\d+$/);
    await saveScreenshot(page, 'simulator-location');
    // Far from the file's other reports, so the bot does not ask whether it is the same situation.
    await page.getByLabel('Latitudine').fill(String(GUAMO.lat));
    await page.getByLabel('Longitudine').fill(String(GUAMO.lng));
    await page.getByRole('button', { name: 'Invia posizione' }).click();
    await expect.poll(lastBot, { timeout: WAIT_MS }).toContain('Hai una foto?');

    await page.locator('#photo').setInputFiles({ name: 'rifiuti.jpg', mimeType: 'image/jpeg', buffer: await makeJpeg() });
    await expect.poll(lastBot, { timeout: WAIT_MS }).toContain('descrivi in breve');
    await page.getByLabel('Scrivi un messaggio').fill('Sacchi di rifiuti aperti accanto alla fermata dell’autobus.');
    await page.getByRole('button', { name: 'Invia', exact: true }).click();
    await expect.poll(lastBot, { timeout: WAIT_MS }).toContain('Ecco il riepilogo');
    await tap('Invia');
    await expect.poll(lastBot, { timeout: WAIT_MS }).toMatch(/VIC-\d{4}-\d{6}/);
    const ticket = expectTicketCode(await lastBot());
    // The citizen's own messages are shown too, in order.
    expect(await chat.locator('.from-me').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining('Buongiorno'), expect.stringContaining('Posizione inviata'), expect.stringContaining('Foto inviata')]),
    );

    // An agent takes it in charge: the update reaches the open chat by polling.
    const report = await app.storage.reports.getByTicket(ticket);
    const agent = await agentAPage();
    await agent.page.goto(`${app.url}/reports/${report!.id}`);
    await agent.page.getByRole('button', { name: 'Prendi in carico' }).click();
    await chat.locator('.is-update').filter({ hasText: ticket }).waitFor();
    await saveScreenshot(page, 'simulator');
    expect(seen.errors).toEqual([]);
    expect(seen.cspViolations).toEqual([]);
    await context.close();
  });
});
