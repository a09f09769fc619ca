/**
 * The whole service as a citizen meets it through the web simulator's HTTP API: the real queue,
 * worker, engine and MongoDB-wire server. A full report lands in MongoDB in status "new"; the same
 * message delivered twice is processed once; the chat history lists the conversation in order.
 */
import { citizenRefFactory } from '../../src/app/intake/citizen-ref';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FULL_REPORT_EXPECTED, FULL_REPORT_SCRIPT, TOWN_HALL, expectTicketCode, makeJpeg, type ScriptStep } from '../support/report-script';
import { startFakeNominatim, type FakeNominatim } from '../support/fake-nominatim';
import { startTestApp, type TestApp } from '../support/test-app';
import { storedKeys } from '../support/stored-keys';

type Reply = { text: string; choices?: string[]; requestLocation?: boolean };

let app: TestApp;
let nominatim: FakeNominatim;
let jpegBase64: string;

beforeAll(async () => {
  nominatim = await startFakeNominatim();
  app = await startTestApp({ GEOCODER_URL: nominatim.url, GEOCODER_USER_AGENT: 'Vicinato tests (tests@vicinato.example)' });
  jpegBase64 = (await makeJpeg()).toString('base64');
});
// Each test sends the canonical report at the same place: start each from a town with no open
// reports, so none meets another's report as a "same situation?" candidate.
afterEach(async () => {
  await app.mongo.collection('reports').deleteMany({});
});
afterAll(async () => {
  await app?.stop();
  await nominatim?.close();
});

const bodyOf = (step: ScriptStep) =>
  'text' in step
    ? { text: step.text }
    : 'location' in step
      ? { location: step.location }
      : { photo: { mimeType: 'image/jpeg', base64: jpegBase64 } };

async function post(chatId: string, body: object): Promise<{ status: number; replies: Reply[] }> {
  const res = await fetch(`${app.url}/api/simulator/chats/${chatId}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { replies?: Reply[] };
  return { status: res.status, replies: json.replies ?? [] };
}

describe('a citizen through the simulator', () => {
  it('completes the canonical report: it is stored in status "new" with the right fields, and the history lists the conversation in order', async () => {
    const chatId = 'sim-full-report';
    const said: Reply[] = [];
    for (const [index, step] of FULL_REPORT_SCRIPT.entries()) {
      const { status, replies } = await post(chatId, bodyOf(step));
      expect(status, JSON.stringify(replies)).toBe(200);
      expect(replies.map((r) => r.text).join('\n'), `after step ${index + 1}`).toContain(FULL_REPORT_EXPECTED[index]);
      said.push(...replies);
    }
    const ticket = expectTicketCode(said[said.length - 1].text);

    const report = await app.storage.reports.getByTicket(ticket);
    expect(report).toMatchObject({
      status: 'new',
      categoryId: 'urban_decay',
      reliability: 'seen',
      location: { point: TOWN_HALL, address: 'Piazza Aldo Moro 1, Capannori', zone: 'capannori-centro', zipcode: '55012' },
      description: expect.stringContaining('Il giardino dietro al municipio'),
      channel: 'simulator',
      language: 'it',
      priority: expect.any(Number),
    });
    expect(report!.photoRefs).toHaveLength(1);
    expect(report!.citizenRef).not.toContain(chatId);
    expect(JSON.stringify(report)).not.toContain(chatId);
    expect(await app.storage.inbox.listForReport(report!.id)).toHaveLength(1);

    const history = await fetch(`${app.url}/api/simulator/chats/${chatId}/messages`).then(
      (r) => r.json() as Promise<{ messages: Reply[] }>,
    );
    expect(history.messages.map((m) => m.text)).toEqual(said.map((r) => r.text));
    expect(history.messages[1].choices).toEqual(['Accetto', 'Non accetto']);
  });

  it('records every reply with the language it is written in (switching with "lingua" labels the next replies English)', async () => {
    const chatId = 'sim-language';
    await post(chatId, { text: 'ciao' });
    const { replies } = await post(chatId, { text: 'lingua' });
    expect(replies.map((r) => r.text).join('\n')).toContain('from now on we speak English');
    const records = await app.mongo.collection('outbound_messages').find({ channel: 'simulator', chatKey: storedKeys(app.config).chatKey('simulator', chatId) }).sort({ seq: 1 }).toArray();
    const languages = records.map((r) => r.language as string);
    expect(languages[0]).toBe('it');
    expect(languages.at(-1)).toBe('en');
    expect(languages.every((l) => l === 'it' || l === 'en')).toBe(true);
  });

  it('processes a message delivered twice (same messageId) once: one inbox record, one report, the same replies', async () => {
    const chatId = 'sim-redelivery';
    const steps = FULL_REPORT_SCRIPT.slice(0, -1);
    for (const step of steps) expect((await post(chatId, bodyOf(step))).status).toBe(200);

    const confirm = { text: 'Invia', messageId: 'sim-redelivery-confirm' };
    const first = await post(chatId, confirm);
    const again = await post(chatId, confirm);
    expect(again.status).toBe(200);
    expect(again.replies).toEqual(first.replies);
    const ticket = expectTicketCode(first.replies[0].text);

    const inbox = app.mongo.collection('inbox_messages');
    const keys = storedKeys(app.config);
    const chatKey = keys.chatKey('simulator', chatId);
    expect(await inbox.countDocuments({ chatKey })).toBe(FULL_REPORT_SCRIPT.length);
    expect(await inbox.countDocuments({ chatKey, messageId: keys.messageRef('simulator', 'sim-redelivery-confirm'), state: 'processed' })).toBe(1);
    // The report names the citizen only by the pseudonymous reference: no chat id, no phone number.
    const citizenRef = citizenRefFactory(app.config.CITIZEN_REF_SECRET)('simulator', chatId);
    expect(await app.mongo.collection('reports').countDocuments({ citizenRef })).toBe(1);
    const stored = await app.mongo.collection('reports').findOne({ ticketCode: ticket });
    expect(JSON.stringify(stored)).not.toContain(chatId);

    // The history shows the confirmation once.
    const history = await fetch(`${app.url}/api/simulator/chats/${chatId}/messages`).then(
      (r) => r.json() as Promise<{ messages: Reply[] }>,
    );
    expect(history.messages.filter((m) => m.text.includes(ticket))).toHaveLength(1);
  });

  it('looks up a typed address with the configured Nominatim and asks to confirm it', async () => {
    const chatId = 'sim-typed-address';
    for (const text of ['Ciao', 'Accetto', 'rifiuti', '1']) await post(chatId, { text });
    const found = await post(chatId, { text: 'Via del Popolo, Lammari' });
    expect(found.replies[0]).toMatchObject({ text: expect.stringContaining('Ho trovato: Via del Popolo, Lammari'), choices: ['Sì', 'No'] });
    const confirmed = await post(chatId, { text: 'sì' });
    expect(confirmed.replies[0].text).toContain('zona Lammari');
    expect(
      nominatim.requests.some((r) => r.path === '/search' && r.headers['user-agent'] === 'Vicinato tests (tests@vicinato.example)'),
    ).toBe(true);
  });
});
