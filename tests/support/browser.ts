/**
 * Headless Debian Chromium for the end-to-end tests, driven by playwright-core (never
 * `playwright install`: the browser is /usr/bin/chromium from Debian). Each launch gets a fresh,
 * throw-away profile: playwright's launch() creates its own temporary user-data-dir and deletes it
 * on close (it refuses a --user-data-dir argument). No background traffic, no first-run UI.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-artifacts', 'screenshots');
/** The size the panel is designed for. */
export const PANEL_VIEWPORT = { width: 1366, height: 768 } as const;

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export type TestBrowser = {
  browser: Browser;
  /** A new isolated context (its own cookies and storage): one per simulated person. */
  newContext(options?: { viewport?: { width: number; height: number }; locale?: string }): Promise<BrowserContext>;
  close(): Promise<void>;
};

export async function launchBrowser(): Promise<TestBrowser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`${CHROMIUM_PATH} is missing: run \`bash script/bootstrap.sh --with-chromium\``);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 30_000,
  });
  return {
    browser,
    newContext: (options = {}) =>
      browser.newContext({ viewport: options.viewport ?? PANEL_VIEWPORT, locale: options.locale ?? 'it-IT', timezoneId: 'Europe/Rome' }),
    async close() {
      await browser.close().catch(() => undefined);
    },
  };
}

/**
 * Builds dist/panel when it is missing or older than its sources (script/test.sh does it before the
 * suite; a single-file run may not have). The script is a no-op in milliseconds when up to date.
 */
export function ensurePanelBuilt(): void {
  execFileSync('bash', [path.join(REPO_ROOT, 'script', 'build-panel.sh')], { cwd: REPO_ROOT, stdio: 'inherit', timeout: 120_000 });
}

/** Saves a full-page screenshot under test-artifacts/screenshots/<name>.png and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/**
 * What a page did that would be broken for a user: uncaught errors, JavaScript dialogs (dismissed),
 * and anything the Content-Security-Policy refused (Chromium reports it on the console).
 */
export function watchPage(page: Page): { errors: string[]; dialogs: string[]; cspViolations: string[] } {
  const seen = { errors: [] as string[], dialogs: [] as string[], cspViolations: [] as string[] };
  page.on('pageerror', (err) => seen.errors.push(err.message));
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) seen.cspViolations.push(msg.text());
  });
  page.on('dialog', (dialog) => {
    seen.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  return seen;
}

/** A TCP port on 127.0.0.1 that nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
