/**
 * Voice notes kept for the police (VOICE_NOTES_KEEP_AUDIO=true): a report dictated by voice through
 * the simulator links its voice notes to the report; an agent sees them on the timeline and plays
 * them through an audited route (access log "voice.view"), like photos. A voice note of another
 * report, a made-up name, or a deployment that does not keep audio: 404.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSpeechToText, type FakeSpeechToText } from '../../support/fake-speech-to-text';
import { TOWN_HALL, expectTicketCode } from '../../support/report-script';
import { startTestApp, type TestApp } from '../../support/test-app';
import { loggedIn } from './panel-helpers';

const VOICE = readFileSync(path.join(__dirname, '../../fixtures/voice/rifiuti-it.ogg'));
let stt: FakeSpeechToText;
let app: TestApp;

beforeAll(async () => {
  stt = await startFakeSpeechToText();
  app = await startTestApp({ SPEECH_TO_TEXT_URL: stt.url, VOICE_NOTES_KEEP_AUDIO: 'true' });
});
afterAll(async () => {
  await app?.stop();
  await stt?.close();
});

async function send(chatId: string, body: object): Promise<string> {
  const res = await fetch(`${app.url}/api/simulator/chats/${chatId}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { replies?: Array<{ text: string }> };
  expect(res.status).toBe(200);
  return (json.replies ?? []).map((r) => r.text).join('\n');
}
const voice = { voice: { base64: VOICE.toString('base64') } };

describe('kept voice notes in the panel', () => {
  it('are linked to the report they dictated, listed on its timeline and played through an audited route', async () => {
    const chat = 'voice-panel';
    await send(chat, { text: 'Buongiorno' });
    await send(chat, { text: 'Accetto' });
    stt.say('it', 'rifiuti abbandonati');
    expect(await send(chat, voice)).toContain('Ho capito');
    expect(await send(chat, { text: 'Sì' })).toContain('Come lo sai?');
    await send(chat, { text: '1' });
    expect(await send(chat, { location: { ...TOWN_HALL } })).toContain('Hai una foto?');
    stt.say('it', 'sacchi neri aperti accanto al cassonetto da tre giorni');
    await send(chat, { text: 'salta' });
    expect(await send(chat, voice)).toContain('Ho capito');
    expect(await send(chat, { text: 'Sì' })).toContain('Ecco il riepilogo');
    const ticket = expectTicketCode(await send(chat, { text: 'Invia' }));
    const report = (await app.storage.reports.getByTicket(ticket))!;
    expect(report.description).toBe('sacchi neri aperti accanto al cassonetto da tre giorni');

    const agent = await loggedIn(app, 'agente.voce', 'agent');
    const detail = await agent.get(`/api/reports/${report.id}`);
    expect(detail.status).toBe(200);
    const notes = (detail.body.timeline as Array<{ text: string; audioUrl?: string }>).filter((e) => e.audioUrl);
    expect(notes.map((n) => n.text), 'both voice notes the report was dictated with').toEqual(['🎤 Messaggio vocale', '🎤 Messaggio vocale']);

    const played = await fetch(app.url + notes[0]!.audioUrl!, { headers: { cookie: agent.cookieHeader() } });
    expect(played.status).toBe(200);
    expect(played.headers.get('content-type')).toBe('audio/ogg');
    expect(played.headers.get('cache-control')).toBe('private, no-store');
    expect(Buffer.from(await played.arrayBuffer()).equals(VOICE)).toBe(true);
    const audit = await app.storage.audit.listForReport(report.id);
    expect(audit.filter((e) => e.action === 'voice.view').map((e) => e.actor)).toEqual(['agente.voce']);

    // Not without a session; not a name the store did not give; not through another report.
    expect((await fetch(app.url + notes[0]!.audioUrl!)).status).toBe(401);
    const madeUp = notes[0]!.audioUrl!.replace(/aud_[a-f0-9]+/, `aud_${'0'.repeat(32)}`);
    expect((await fetch(app.url + madeUp, { headers: { cookie: agent.cookieHeader() } })).status).toBe(404);
  });
});
