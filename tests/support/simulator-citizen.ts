/**
 * A citizen in the web simulator: plays the canonical report (optionally from another place), then
 * answers whatever the bot asks. Returns the bot's replies to the last message.
 */
import { FULL_REPORT_SCRIPT, makeJpeg, type ScriptStep } from './report-script';
import type { TestApp } from './test-app';

/** A point in Lammari, about 3 km from the town hall: not "nearby" any report made there. */
export const LAMMARI = { lat: 43.868, lng: 10.555 } as const;

/** Sends one message in a simulator chat; returns the bot's replies. */
export async function simulatorSend(app: TestApp, chatId: string, step: ScriptStep): Promise<string[]> {
  const body = 'photo' in step ? { photo: { mimeType: 'image/jpeg', base64: (await makeJpeg()).toString('base64') } } : step;
  const res = await fetch(`${app.url}/api/simulator/chats/${chatId}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 200) throw new Error(`simulator answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { replies: Array<{ text: string }> }).replies.map((r) => r.text);
}

/** The full report script, with the location replaced by `at` when given; the replies to "Invia". */
export async function playReport(app: TestApp, chatId: string, opts: { at?: { lat: number; lng: number }; description?: string } = {}) {
  let last: string[] = [];
  for (const step of FULL_REPORT_SCRIPT) {
    let s: ScriptStep = step;
    if (opts.at && 'location' in step) s = { location: { ...opts.at } };
    if (opts.description && 'text' in step && step.text.startsWith('Il giardino')) s = { text: opts.description };
    last = await simulatorSend(app, chatId, s);
  }
  return last;
}

export const say = (app: TestApp, chatId: string, text: string) => simulatorSend(app, chatId, { text });
