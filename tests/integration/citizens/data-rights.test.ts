/**
 * Data rights through the whole service (simulator HTTP API -> inbox -> Redis queue -> worker ->
 * engine -> outbound), on real Redis and MongoDB: the erasure's answer is delivered although the
 * chat's history is erased in the same turn, and the agent sees the right on the report.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeNominatim, type FakeNominatim } from '../../support/fake-nominatim';
import { startTestApp, type TestApp } from '../../support/test-app';
import { citizenSays, chatMessages, loggedIn, newChatId, refOf, submitReportAsCitizen } from '../panel/panel-helpers';

let app: TestApp;
let nominatim: FakeNominatim;

beforeAll(async () => {
  nominatim = await startFakeNominatim();
  app = await startTestApp({ GEOCODER_URL: nominatim.url, GEOCODER_USER_AGENT: 'Vicinato tests (tests@vicinato.example)' });
});
afterAll(async () => {
  await app?.stop();
  await nominatim?.close();
});

describe('data rights through the simulator', () => {
  it('IT: «cancella i miei dati» erases the person end to end; the agent sees it on the report and its timeline', async () => {
    const chatId = newChatId();
    const citizenRef = refOf(app, chatId);
    const report = await submitReportAsCitizen(app, chatId);
    expect(await app.storage.identities.get(citizenRef)).not.toBeNull();

    expect((await citizenSays(app, chatId, 'i miei dati')).join('\n')).toContain(report.ticketCode);
    expect((await citizenSays(app, chatId, 'cancella i miei dati')).join('\n')).toContain('Confermi la cancellazione?');
    const done = (await citizenSays(app, chatId, 'Sì, cancella')).join('\n');
    expect(done).toContain('Fatto: ho cancellato il tuo contatto');

    expect(await app.storage.identities.get(citizenRef)).toBeNull();
    // Only the message that asked for the erasure is left (its answer had to be recorded); retention removes it.
    expect(await app.mongo.collection('inbox_messages').countDocuments({ citizenRef })).toBe(1);
    const history = await chatMessages(app, chatId);
    expect(history.map((m) => m.text).join('\n')).not.toContain(report.ticketCode);
    expect(history.map((m) => m.text).join('\n')).toContain('Fatto: ho cancellato');
    const conversation = await app.mongo.collection('conversations').findOne({ citizenRef });
    expect(conversation?.state).toMatchObject({ step: 'welcome' });
    expect(conversation?.state.consent).toBeUndefined();

    const agent = await loggedIn(app, 'agente-rights', 'agent');
    const detail = await agent.get(`/api/reports/${report.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.report.citizenRights.map((r: { right: string }) => r.right)).toEqual(['access', 'erasure']);
    const texts = detail.body.timeline.map((t: { text: string }) => t.text).join('\n');
    expect(texts).toContain('Il cittadino ha cancellato i suoi dati');
    expect(texts).toContain('Il cittadino ha chiesto quali dati conserviamo');
    expect(JSON.stringify(detail.body)).not.toContain(citizenRef);

    // Writing again is a first contact: the welcome and the privacy notice.
    expect((await citizenSays(app, chatId, 'ciao')).join('\n')).toContain('Accetti?');
  });
});
