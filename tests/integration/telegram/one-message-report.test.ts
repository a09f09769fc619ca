/**
 * A one-message report on Telegram (issue 15 item 1), through the real service, the fake Bot API
 * and the fake Nominatim: a new citizen's first message is a photo whose caption is the whole
 * report; after the privacy notice the bot says what it understood (place geocoded, time words),
 * asks only how the citizen knows, shows the summary, and the report lands in MongoDB with the
 * photo, the caption as description, the geocoded street and the time words (when observed).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeNominatim, type FakeNominatim } from '../../support/fake-nominatim';
import { startFakeTelegram, type FakeTelegram, type Json } from '../../support/fake-telegram-api';
import { expectTicketCode, makeJpeg } from '../../support/report-script';
import { startTelegramApp, type TelegramHarness } from './telegram-harness';

const CAPTION = 'ci sono sacchi di rifiuti abbandonati in via Carlo Piaggia a Capannori da tre giorni';
const said = (replies: Json[]) => replies.map((r) => r.text).join('\n');

describe('a one-message report on Telegram', () => {
  let fake: FakeTelegram;
  let nominatim: FakeNominatim;
  let h: TelegramHarness;

  beforeAll(async () => {
    fake = await startFakeTelegram();
    nominatim = await startFakeNominatim();
    h = await startTelegramApp(fake, 'webhook', { GEOCODER_URL: nominatim.url });
  });
  afterAll(async () => {
    await h?.stop();
    await fake?.close();
    await nominatim?.close();
  });

  it('a photo with the report as caption: understood, one question, summary, sent', async () => {
    const citizen = fake.citizen({ firstName: 'Luca' });
    expect(said(await h.exchange(citizen.photo(await makeJpeg(), CAPTION)))).toContain('privacy');
    const understood = said(await h.exchange(citizen.text('Accetto')));
    for (const part of ['Ho capito:', 'Dove: Via Carlo Piaggia', 'Quando: da tre giorni', 'Foto: 1', 'Rifiuti abbandonati', 'Come lo sai?']) {
      expect(understood).toContain(part);
    }
    const summary = said(await h.exchange(citizen.text("L'ho visto io")));
    expect(summary).toContain('riepilogo');
    expect(summary).toContain('• Quando: da tre giorni');
    const sent = said(await h.exchange(citizen.text('Invia')));
    const ticket = expectTicketCode(sent);
    const report = await h.app.storage.reports.getByTicket(ticket);
    expect(report).toMatchObject({ categoryId: 'abandoned_waste', description: CAPTION, reliability: 'seen', channel: 'telegram' });
    expect(report!.location.address).toContain('Via Carlo Piaggia');
    expect(report!.photoRefs).toHaveLength(1);
    // The time words are a field of the stored report, read back from MongoDB: since three days
    // before the message (from the start of that day in Capannori's time zone).
    expect(report!.observedWhen).toMatchObject({ text: 'da tre giorni', kind: 'since' });
    const threeDaysBefore = Date.now() - 3 * 24 * 3_600_000;
    expect(Math.abs(report!.observedWhen!.from!.getTime() - threeDaysBefore)).toBeLessThan(26 * 3_600_000);
  });
});
