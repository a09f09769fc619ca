/**
 * A piece of a shift in Chromium: an agent leaves an internal note naming a colleague, who sees
 * "For me" light up live and reads it; the citizen gets nothing of it. A supervisor selects reports
 * in the queue and rejects them with one reason; each citizen is told once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { createOperatorAccount } from '../../src/panel/operator-accounts';
import type { OperatorRole } from '../../src/storage';
import { startTestApp, type TestApp } from '../support/test-app';
import { closedPort, ensurePanelBuilt, launchBrowser, saveScreenshot, watchPage, type TestBrowser } from '../support/browser';
import { chatMessages, eventually, newChatId, seedReport, submitReportAsCitizen } from '../integration/panel/panel-helpers';

const WAIT_MS = 10_000;
const MARIO = { username: 'mario.rossi', displayName: 'Mario Rossi', password: 'agente-mario-2026!' };
const GIULIA = { username: 'giulia.bianchi', displayName: 'Giulia Bianchi', password: 'agente-giulia-2026!' };
const SARA = { username: 'sara.capo', displayName: 'Sara Capo', password: 'supervisore-sara-2026!' };

let app: TestApp;
let browser: TestBrowser;

beforeAll(async () => {
  ensurePanelBuilt();
  const tilePort = await closedPort();
  // Every new report counts as urgent here, so the citizen's ordinary report below sets off the alert.
  app = await startTestApp({ MAP_TILE_URL: `http://127.0.0.1:${tilePort}/{z}/{x}/{y}.png`, PANEL_ALERT_PRIORITY: '1' });
  for (const [o, role, team] of [
    [MARIO, 'agent', 'centrale'],
    [GIULIA, 'agent', 'pattuglie'],
    [SARA, 'supervisor', 'centrale'],
  ] as const) {
    const r = await createOperatorAccount(app.storage.operators, { ...o, role: role as OperatorRole, team });
    if (!r.ok) throw new Error(r.detail);
  }
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function signedIn(who: {
  username: string;
  password: string;
}): Promise<{ context: BrowserContext; page: Page; seen: ReturnType<typeof watchPage> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  const seen = watchPage(page);
  await page.goto(`${app.url}/`);
  await page.getByLabel('Nome utente').fill(who.username);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: 'Accedi' }).click();
  await page.getByRole('heading', { level: 1, name: 'Coda segnalazioni' }).waitFor();
  return { context, page, seen };
}

describe('a shift in the panel', () => {
  it('an internal note names a colleague, who finds it under "Per me"; the citizen never sees it', async () => {
    const report = await seedReport(app);
    const mario = await signedIn(MARIO);
    const giulia = await signedIn(GIULIA);
    await giulia.page.getByRole('link', { name: 'Per me', exact: true }).waitFor();

    await mario.page.goto(`${app.url}/reports/${report.id}`);
    const note = 'Il bar all’angolo ha le telecamere, @giulia.bianchi chiedi tu le immagini';
    await mario.page.getByLabel('Nuova nota interna').fill(note);
    await mario.page.getByRole('button', { name: 'Aggiungi nota' }).click();
    const timeline = mario.page.getByTestId('timeline');
    await timeline.getByText(note).waitFor();
    expect(await timeline.locator('.kind-note').first().innerText()).toContain('Nota interna');

    // Live, without a reload: Giulia's navigation counts the unread mention.
    await giulia.page.getByRole('link', { name: 'Per me (1 da leggere)' }).click();
    const list = giulia.page.getByTestId('for-me');
    await list.getByText(note).waitFor();
    expect(await list.innerText()).toContain(`Mario Rossi su ${report.ticketCode}`);
    await saveScreenshot(giulia.page, 'for-me');
    await list.getByRole('link', { name: `Mario Rossi su ${report.ticketCode}` }).click();
    await giulia.page.getByRole('heading', { level: 1, name: new RegExp(report.ticketCode) }).waitFor();
    await giulia.page.getByRole('link', { name: 'Per me', exact: true }).waitFor();

    expect((await chatMessages(app, report.chatId)).some((m) => m.text.includes('telecamere'))).toBe(false);
    for (const p of [mario, giulia]) {
      expect(p.seen.errors).toEqual([]);
      await p.context.close();
    }
  });

  it('a supervisor rejects several reports at once with one reason; each citizen is told once', async () => {
    const spam = await Promise.all([seedReport(app, { description: 'prova uno' }), seedReport(app, { description: 'prova due' })]);
    const sara = await signedIn(SARA);
    for (const r of spam) await sara.page.getByRole('checkbox', { name: `Seleziona ${r.ticketCode}` }).check();
    const bar = sara.page.getByTestId('bulk-bar');
    expect(await bar.getByRole('heading').innerText()).toBe('Azione su 2 segnalazioni selezionate');
    await bar.getByLabel('Azione').selectOption('reject');
    await bar.getByLabel('Motivo (uguale per tutte)').fill('Messaggi di prova inviati per errore');
    await bar.getByRole('button', { name: 'Applica' }).click();
    await bar.getByTestId('bulk-result').getByText('2 di 2 aggiornate.').waitFor();
    await saveScreenshot(sara.page, 'bulk-reject');
    for (const r of spam) {
      expect((await app.storage.reports.get(r.id))?.status).toBe('rejected');
      const rejections = (await app.storage.audit.listForReport(r.id)).filter((e) => e.action === 'reject');
      expect(rejections.map((e) => [e.actor, e.reason])).toEqual([['sara.capo', 'Messaggi di prova inviati per errore']]);
      await eventually(async () => (await chatMessages(app, r.chatId)).filter((m) => m.purpose === 'status-update').length === 1);
    }
    expect(sara.seen.errors).toEqual([]);
    await sara.context.close();
  });

  it('a supervisor assigns a report to an agent of another team, who finds it under "Me"', async () => {
    const report = await seedReport(app, { description: 'da assegnare' });
    const sara = await signedIn(SARA);
    await sara.page.goto(`${app.url}/reports/${report.id}`);
    await sara.page.getByRole('button', { name: 'Assegna' }).click();
    const form = sara.page.getByRole('form', { name: 'Assegna' });
    await form.getByLabel('Un operatore').check();
    await form.getByLabel('Operatore', { exact: true }).selectOption({ label: 'Giulia Bianchi (Pattuglie)' });
    await form.getByLabel('Motivo').fill('Zona delle pattuglie di Marlia');
    await form.getByRole('button', { name: /Conferma/ }).click();
    await sara.page.getByTestId('timeline').getByText('Assegnata: Giulia Bianchi, Pattuglie — Zona delle pattuglie di Marlia').waitFor();
    await sara.context.close();

    const giulia = await signedIn(GIULIA);
    await giulia.page.getByLabel('In carico a').selectOption('mine');
    const row = giulia.page.locator(`tr[data-report-id="${report.id}"]`);
    await row.waitFor();
    expect(await row.innerText()).toContain('Pattuglie');
    // Only her report once the "mine" listing has replaced the default one.
    await expect.poll(() => giulia.page.locator('tbody tr').count(), { timeout: WAIT_MS }).toBe(1);
    await giulia.context.close();
  });

  it("a supervisor writes a reply template; an agent asks the citizen with it, in the citizen's language", async () => {
    const sara = await signedIn(SARA);
    await sara.page.getByRole('link', { name: 'Modelli' }).click();
    await sara.page.getByLabel('Nome').fill('Numero civico');
    await sara.page.getByLabel('Testo in italiano').fill('Per la segnalazione {ticket}: qual è il numero civico più vicino?');
    await sara.page.getByLabel('Testo in inglese').fill('About report {ticket}: what is the nearest house number?');
    await sara.page.getByRole('button', { name: 'Salva modello' }).click();
    await sara.page.getByTestId('templates').getByRole('rowheader', { name: 'Numero civico' }).waitFor();
    await sara.context.close();

    const report = await seedReport(app);
    const mario = await signedIn(MARIO);
    await mario.page.goto(`${app.url}/reports/${report.id}`);
    await mario.page.getByRole('button', { name: 'Prendi in carico' }).click();
    await mario.page
      .getByTestId('action-result')
      .getByText(/Prendi in carico/)
      .waitFor();
    await mario.page.getByRole('button', { name: 'Chiedi dettagli al cittadino' }).click();
    await mario.page.getByLabel('Modello di risposta').selectOption({ label: 'Numero civico' });
    await mario.page
      .getByText(`Il cittadino leggerà: «Per la segnalazione ${report.ticketCode}: qual è il numero civico più vicino?»`)
      .waitFor();
    await mario.page.getByRole('button', { name: /Conferma/ }).click();
    await mario.page
      .getByTestId('action-result')
      .getByText(/Chiedi dettagli/)
      .waitFor();
    await eventually(async () =>
      (await chatMessages(app, report.chatId)).some((m) =>
        m.text.includes(`Per la segnalazione ${report.ticketCode}: qual è il numero civico più vicino?`),
      ),
    );
    expect(mario.seen.errors).toEqual([]);
    await mario.context.close();
  });

  it('an agent blocks an abusive citizen from the report page, with a reason, and it is on the timeline', async () => {
    const report = await seedReport(app);
    const mario = await signedIn(MARIO);
    await mario.page.goto(`${app.url}/reports/${report.id}`);
    const panel = mario.page.getByTestId('citizen-care');
    await panel.getByText('Blocca il cittadino').click();
    await panel.getByLabel('Motivo del blocco').fill('Insulti ripetuti agli operatori');
    await panel.getByLabel('Durata (giorni)').fill('7');
    await panel.getByRole('button', { name: 'Blocca' }).click();
    await panel.getByText('Cittadino bloccato per 7 giorni.').waitFor();
    await mario.page
      .getByTestId('timeline')
      .getByText(/Insulti ripetuti agli operatori/)
      .waitFor();
    expect(await app.mongo.collection('citizen_blocks').countDocuments({ citizenRef: report.citizenRef })).toBe(1);
    await mario.context.close();
  });

  it('an urgent new report plays a tone and shows a desktop notification in a panel that turned alerts on', async () => {
    const context = await browser.newContext();
    await context.grantPermissions(['notifications'], { origin: app.url });
    // What the browser was asked to show and play, as the agent would see and hear it.
    await context.addInitScript(() => {
      const w = window as unknown as { shown: Array<{ title: string; body?: string }>; tones: number };
      w.shown = [];
      w.tones = 0;
      const Real = window.Notification;
      class Recorded extends Real {
        constructor(title: string, options?: NotificationOptions) {
          super(title, options);
          w.shown.push({ title, body: options?.body });
        }
      }
      Object.defineProperty(Recorded, 'permission', { get: () => Real.permission });
      window.Notification = Recorded as typeof Notification;
      const start = OscillatorNode.prototype.start;
      OscillatorNode.prototype.start = function (...args: Parameters<typeof start>) {
        w.tones += 1;
        return start.apply(this, args);
      };
    });
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT_MS);
    await page.goto(`${app.url}/`);
    await page.getByLabel('Nome utente').fill(GIULIA.username);
    await page.getByLabel('Password', { exact: true }).fill(GIULIA.password);
    await page.getByRole('button', { name: 'Accedi' }).click();
    await page.getByRole('button', { name: 'Attiva avvisi sonori e notifiche' }).click();
    await page.getByText('Avvisi attivi').waitFor();
    await page.waitForTimeout(500);

    const { ticketCode: ticket } = await submitReportAsCitizen(app, newChatId());
    const shown = await eventually(async () => {
      const list = await page.evaluate(() => (window as unknown as { shown: Array<{ title: string; body?: string }> }).shown);
      return list.length ? list : undefined;
    });
    expect(shown).toHaveLength(1);
    expect(shown[0].title).toBe(`Nuova segnalazione urgente ${ticket}`);
    expect(shown[0].body).toMatch(/, priorità \d+$/);
    expect(await page.evaluate(() => (window as unknown as { tones: number }).tones)).toBeGreaterThan(0);
    // After a reload the choice is remembered.
    await page.reload();
    await page.getByText('Avvisi attivi').waitFor();
    await context.close();
  });
});
