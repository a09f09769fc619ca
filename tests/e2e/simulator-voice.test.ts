/**
 * The simulator page in Chromium sends a voice note (an .ogg file, as recorded on a phone) to the
 * running service with a fake speech-to-text server: the citizen sees «Ho capito: …», taps "Sì" and
 * the dialog moves on. No script errors, no CSP violations.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, watchPage, type TestBrowser } from '../support/browser';
import { startFakeSpeechToText, type FakeSpeechToText } from '../support/fake-speech-to-text';
import { startTestApp, type TestApp } from '../support/test-app';

const WAIT_MS = 10_000;
let app: TestApp;
let stt: FakeSpeechToText;
let browser: TestBrowser;

beforeAll(async () => {
  stt = await startFakeSpeechToText();
  app = await startTestApp({ SPEECH_TO_TEXT_URL: stt.url });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await stt?.close();
});

describe('citizen simulator page: voice note', () => {
  it('sends an .ogg voice note, shows the transcript to confirm, and "Sì" answers the question', async () => {
    const context = await browser.newContext({ viewport: { width: 480, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT_MS);
    const seen = watchPage(page);
    await page.goto(`${app.url}/simulator`);
    const chat = page.getByRole('log', { name: 'Conversazione con il bot' });
    const lastBot = () => chat.locator('.from-bot').last().innerText();
    const tap = (label: string) => page.getByRole('group', { name: 'Risposte suggerite' }).getByRole('button', { name: label, exact: true }).click();

    await page.getByLabel('Scrivi un messaggio').fill('Buongiorno');
    await page.getByRole('button', { name: 'Invia', exact: true }).click();
    await expect.poll(lastBot, { timeout: WAIT_MS }).toContain('Accetti?');
    await tap('Accetto');
    await expect.poll(lastBot, { timeout: WAIT_MS }).toContain('Che cosa vuoi segnalare?');

    stt.say('it', 'rifiuti abbandonati vicino alla scuola');
    const ogg = readFileSync(path.join(import.meta.dirname, '../fixtures/voice/rifiuti-it.ogg'));
    await page.locator('#voice').setInputFiles({ name: 'vocale.ogg', mimeType: 'audio/ogg', buffer: ogg });
    await expect.poll(lastBot, { timeout: WAIT_MS }).toContain('Ho capito: «rifiuti abbandonati vicino alla scuola». È corretto?');
    expect(await chat.locator('.from-me').last().innerText()).toContain('Vocale inviato (vocale.ogg)');
    expect(stt.calls.at(-1)?.bytes.equals(ogg)).toBe(true);
    await tap('Sì');
    await expect.poll(lastBot, { timeout: WAIT_MS }).toContain('Come lo sai?');
    expect(seen.errors).toEqual([]);
    expect(seen.cspViolations).toEqual([]);
    await context.close();
  });
});
