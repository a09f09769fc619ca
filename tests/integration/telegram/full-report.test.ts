/**
 * A citizen files a full report on Telegram, in webhook mode and in long-polling mode, through the
 * real service: the canonical script (tests/support/report-script.ts) with a location pin and a
 * photo, answered with keyboards; the report lands in MongoDB and the citizen gets the ticket code.
 * The confirming message is delivered twice, as Telegram may do: still one report.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categoryById } from '../../../config/categories';
import { citizenRefFactory } from '../../../src/app/intake/citizen-ref';
import { whereStored } from '../../support/scan-collections';
import { startFakeTelegram, type FakeCitizen, type FakeTelegram, type Json, type Update } from '../../support/fake-telegram-api';
import {
  FULL_REPORT_EXPECTED,
  FULL_REPORT_SCRIPT,
  TOWN_HALL,
  expectTicketCode,
  makeJpeg,
  type ScriptStep,
} from '../../support/report-script';
import { startTelegramApp, type Mode, type TelegramHarness } from './telegram-harness';

const buttons = (reply: Json): Array<{ text: string; request_location?: boolean }> => reply.reply_markup?.keyboard?.flat() ?? [];

describe.each<Mode>(['webhook', 'polling'])('a full report on Telegram (%s)', (mode) => {
  let fake: FakeTelegram;
  let h: TelegramHarness;

  beforeAll(async () => {
    fake = await startFakeTelegram();
    h = await startTelegramApp(fake, mode);
  });
  afterAll(async () => {
    await h?.stop();
    await fake?.close();
  });

  /** The update the citizen's app sends for a script step: a numbered answer is a tap on that button. */
  const updateFor = async (citizen: FakeCitizen, step: ScriptStep, offered: string[]): Promise<Update> => {
    if ('location' in step) return citizen.location(step.location.lat, step.location.lng);
    if ('photo' in step) return citizen.photo(await makeJpeg());
    const n = /^\d+$/.test(step.text) ? Number(step.text) : 0;
    if (n) {
      expect(offered.length, `buttons offered before answering ${n}`).toBeGreaterThanOrEqual(n);
      return citizen.text(offered[n - 1]!);
    }
    if (offered.length) expect(offered).toContain(step.text);
    return citizen.text(step.text);
  };

  it('lands in MongoDB with a location and a photo, and the citizen gets the ticket code', async () => {
    const citizen = fake.citizen({ firstName: 'Anna', lastName: 'Verdi', username: 'annav' });
    const started = Date.now();
    let last: Array<Json> = [];
    let confirm: Update | undefined;
    const tapped: string[] = [];
    for (const [i, step] of FULL_REPORT_SCRIPT.entries()) {
      const offered = last.length ? buttons(last.at(-1)!) : [];
      if ('location' in step) expect(offered).toContainEqual({ text: '📍 Invia la mia posizione', request_location: true });
      const update = await updateFor(
        citizen,
        step,
        offered.filter((b) => !b.request_location).map((b) => b.text),
      );
      if (update.message?.text && offered.some((b) => b.text === update.message.text)) tapped.push(update.message.text);
      if (i === FULL_REPORT_SCRIPT.length - 1) confirm = update;
      last = await h.exchange(update);
      const said = last.map((r) => r.text).join('\n');
      expect(said, `reply to step ${i + 1} (${JSON.stringify(step)})`).toContain(FULL_REPORT_EXPECTED[i]);
    }
    expect(tapped).toEqual(['Accetto', categoryById('urban_decay')!.labels.it, "L'ho visto io", 'Invia']);
    const elapsed = Date.now() - started;

    // The confirmation again (a lost 200, a restart before the offset was confirmed): one report.
    if (mode === 'webhook') await h.deliver(confirm!);
    else h.fake.redeliver(confirm!);
    const after = await h.exchange(citizen.text('stato'));
    expect(after.length).toBeGreaterThan(0);

    const sent = fake.sentTo(citizen.chatId);
    const withCode = sent.filter((s) => /VIC-\d{4}-\d{6}/.test(s.text));
    const ticketCode = expectTicketCode(withCode[0]!.text);
    expect(withCode.filter((s) => s.text.includes(ticketCode) && s.text.includes('Segnalazione inviata'))).toHaveLength(1);

    const report = await h.app.storage.reports.getByTicket(ticketCode);
    const citizenRef = citizenRefFactory(h.app.config.CITIZEN_REF_SECRET)('telegram', String(citizen.chatId));
    expect(report).toMatchObject({
      status: 'new',
      categoryId: 'urban_decay',
      channel: 'telegram',
      citizenRef,
      reliability: 'seen',
      description: FULL_REPORT_SCRIPT.flatMap((s) => ('text' in s && s.text.length > 40 ? [s.text] : []))[0],
    });
    expect(report!.location.point.lat).toBeCloseTo(TOWN_HALL.lat, 4);
    expect(report!.location.point.lng).toBeCloseTo(TOWN_HALL.lng, 4);
    expect(report!.location.zone).toBeTruthy();
    expect(report!.photoRefs).toHaveLength(1);
    expect(report!.photoRefs[0]).toMatch(/^img_[a-f0-9]{32}\.jpg$/);
    expect(await h.app.storage.reports.listByCitizen(citizenRef, 10)).toHaveLength(1);

    // The identity store, not the report, knows who the citizen is.
    expect(await h.app.storage.identities.get(citizenRef)).toMatchObject({
      channel: 'telegram',
      chatId: String(citizen.chatId),
      displayName: 'Anna Verdi',
      username: 'annav',
      reachable: true,
    });
    // ...encrypted: the Telegram user id, the name and the handle are nowhere in the database as they are.
    for (const personal of [String(citizen.chatId), 'Anna Verdi', 'annav']) expect(await whereStored(h.app.mongo, personal)).toEqual([]);
    console.log(
      `full report on Telegram (${mode}): ${FULL_REPORT_SCRIPT.length} citizen messages, ${sent.length} bot messages, ${elapsed} ms`,
    );
  });
});
