/**
 * Citizens who play the full report (report-script.ts) against real service processes, as the
 * platforms deliver them: over signed WhatsApp Cloud webhooks redelivered until they get a 200 (as
 * Meta does), or over Telegram long polling (the fake hands an update out until getUpdates confirms
 * its offset). Each citizen waits for the bot's answer to a step before the next one, like a person;
 * what the bot sent each citizen is read back from the platform fakes, in the order they took it.
 */
import type { FakeGraphApi, SentMessage } from './fake-graph-api';
import type { FakeTelegram, Json } from './fake-telegram-api';
import { FULL_REPORT_EXPECTED, FULL_REPORT_SCRIPT, makeJpeg, type ScriptStep } from './report-script';
import { messagesNotification, postWebhook, waMessage } from '../integration/whatsapp-cloud/meta-webhook';

/** One bot message as the citizen reads it: its text and the buttons, rows or keys it offers. */
export type Seen = { text: string; choices: string[] };

export type PlayedCitizen = {
  channel: 'whatsapp-cloud' | 'telegram';
  /** The chat id the service knows the citizen by (WhatsApp id or Telegram chat id). */
  chatId: string;
  /** Where the citizen stopped waiting for an answer, if they did. */
  stuckAt?: number;
  /** Webhook deliveries Meta had to repeat because the service did not answer 200. */
  redeliveries: number;
  /** Everything the bot sent this citizen, in order. */
  seen(): Seen[];
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Posts a notification until the service answers 200: Meta retries with backoff (shortened here). */
async function deliverLikeMeta(webUrl: string, body: unknown, onRetry: () => void): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const status = await postWebhook(webUrl, body).then(
      async (res) => (await res.arrayBuffer(), res.status),
      () => 0,
    );
    if (status === 200) return;
    onRetry();
    await sleep(Math.min(250 * 2 ** attempt, 3_000));
  }
}

function readWhatsapp(m: SentMessage): Seen & { ids: Array<{ id: string; title: string }>; list: boolean } {
  const i = m.body.interactive;
  const ids = [...(i?.action?.buttons ?? []).map((b) => b.reply), ...(i?.action?.sections ?? []).flatMap((s) => s.rows ?? [])].map((c) => ({
    id: c?.id ?? '',
    title: c?.title ?? '',
  }));
  return { text: m.body.text?.body ?? i?.body?.text ?? '', choices: ids.map((c) => c.title), ids, list: i?.type === 'list' };
}

function readTelegram(m: Json): Seen {
  const keys: Array<{ text: string; request_location?: boolean }> = m.reply_markup?.keyboard?.flat() ?? [];
  return { text: String(m.text ?? ''), choices: keys.filter((k) => !k.request_location).map((k) => k.text) };
}

export type PlayOptions = {
  /** How long a citizen waits for the answer to one step before giving up. */
  answerTimeoutMs: number;
  /** Pause between the answer and the citizen's next message (random in [min, max]). */
  thinkMs: [number, number];
};

/**
 * The n-th citizen's own spot in the zone "Capannori centro" (a grid about 280 m apart): reports of
 * the same category closer than its radius (100 m) would make the bot ask "is it the same one?".
 */
export function spot(n: number): { lat: number; lng: number } {
  const row = n % 9;
  const col = Math.floor(n / 9) % 8;
  return { lat: 43.8335 + row * 0.0025, lng: 10.5675 + col * 0.0035 };
}

async function play(
  citizen: PlayedCitizen,
  opts: PlayOptions & { spot: number },
  sendStep: (step: ScriptStep, offered: string[]) => Promise<void>,
): Promise<void> {
  const script = FULL_REPORT_SCRIPT.map((step) => ('location' in step ? { location: spot(opts.spot) } : step));
  for (const [i, step] of script.entries()) {
    const before = citizen.seen();
    await sendStep(step, before.at(-1)?.choices ?? []);
    const deadline = Date.now() + opts.answerTimeoutMs;
    while (
      !citizen
        .seen()
        .slice(before.length)
        .some((m) => m.text.includes(FULL_REPORT_EXPECTED[i]!))
    ) {
      if (Date.now() > deadline) {
        citizen.stuckAt = i;
        return;
      }
      await sleep(100);
    }
    await sleep(opts.thinkMs[0] + Math.random() * (opts.thinkMs[1] - opts.thinkMs[0]));
  }
}

/** A WhatsApp Cloud citizen: numbered answers press the offered button or list row. */
export async function playWhatsapp(
  webUrl: string,
  graph: FakeGraphApi,
  waId: string,
  opts: PlayOptions & { spot: number },
): Promise<PlayedCitizen> {
  const citizen: PlayedCitizen = {
    channel: 'whatsapp-cloud',
    chatId: waId,
    redeliveries: 0,
    seen: () => graph.sentTo(waId).map(readWhatsapp),
  };
  const who = { waId, name: `Cittadino ${waId.slice(-4)}` };
  await play(citizen, opts, async (step) => {
    let message;
    if ('location' in step) message = waMessage.location(step.location.lat, step.location.lng);
    else if ('photo' in step) message = waMessage.image(graph.addMedia(await makeJpeg()), 'foto del problema');
    else {
      const last = graph.sentTo(waId).at(-1);
      const offered = last ? readWhatsapp(last) : undefined;
      const n = /^\d+$/.test(step.text) ? Number(step.text) : 0;
      const pressed = n ? offered?.ids[n - 1] : offered?.ids.find((c) => c.title.toLowerCase() === step.text.toLowerCase());
      message = !pressed ? waMessage.text(step.text) : offered!.list ? waMessage.listReply(pressed) : waMessage.buttonReply(pressed);
    }
    await deliverLikeMeta(webUrl, messagesNotification(who, message), () => citizen.redeliveries++);
  });
  return citizen;
}

/** A Telegram citizen over long polling: numbered answers tap the offered keyboard key. */
export async function playTelegram(fake: FakeTelegram, opts: PlayOptions & { spot: number }): Promise<PlayedCitizen> {
  const tg = fake.citizen();
  const citizen: PlayedCitizen = {
    channel: 'telegram',
    chatId: String(tg.chatId),
    redeliveries: 0,
    seen: () => fake.sentTo(tg.chatId).map(readTelegram),
  };
  await play(citizen, opts, async (step, offered) => {
    if ('location' in step) return fake.push(tg.location(step.location.lat, step.location.lng));
    if ('photo' in step) return fake.push(tg.photo(await makeJpeg()));
    const n = /^\d+$/.test(step.text) ? Number(step.text) : 0;
    fake.push(tg.text(n && offered[n - 1] ? offered[n - 1]! : step.text));
  });
  return citizen;
}

/**
 * A transcript comparable between citizens: ticket codes (each citizen's own) made equal, and the
 * service-hours sentences (src/texts/citizen/it.ts) that change when a run crosses opening time.
 */
export function transcript(seen: Seen[]): string[] {
  const normalized = (text: string) =>
    text
      .replace(/VIC-\d{4}-\d{6}/g, 'VIC-YYYY-NNNNNN')
      .replace(/ Ora il servizio è chiuso: riapre [^.]*\./, '')
      .replace(
        /🌙 Ora il servizio è chiuso: la Polizia Municipale la esaminerà [^.]*\./,
        'La Polizia Municipale la esaminerà al più presto.',
      );
  return seen.map((m) => `${normalized(m.text)}${m.choices.length ? ` [${m.choices.join(' | ')}]` : ''}`);
}

export const TICKET_CODE = /VIC-\d{4}-\d{6}/g;
