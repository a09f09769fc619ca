/**
 * The report flow written the usual telegraf way, for bench:dialog: a Scenes.WizardScene with the
 * in-memory session(), fed through bot.handleUpdate with no network (bot.botInfo set by hand, the
 * Bot API's callApi replaced: the allowed fake of the outside platform). Per message it does what
 * the engine does on these transcripts: emergency words, global commands, the same matchers,
 * prompts, territory checks and ReportStore.createOnce on confirmation. It skips what the engine's
 * flow adds (so the engine is measured carrying more): the words that work at any step besides
 * "annulla" (avvisi, data rights, the other commands), the first message read as a possible
 * one-message report, the "same situation nearby?" lookup, the daily limit and the abuse flags on
 * submit.
 */
import { Markup, Scenes, Telegraf, Telegram, session } from 'telegraf';
import type { Update } from 'telegraf/types';
import { CATEGORIES, categoryById } from '../config/categories';
import { reliabilityMenu, skipMenu, summaryMenu, consentMenu } from '../flows/choices';
import { categoryMenuOptions, engineNlp, matchChoice, urgencyTerms } from '../flows/nlp';
import { promptsFor } from '../src/texts/citizen';
import { checkDescription, MAX_DESCRIPTION_LENGTH } from '../flows/validators';
import { closedUntil, hoursText } from '../flows/hours';
import { computePriority } from '../src/domain/priority';
import { PRIORITY_WEIGHTS } from '../config/priority';
import type { DialogServices } from '../flows/services';
import type { Reliability } from '../src/domain/report';

type Draft = {
  categoryId?: string;
  reliability?: Reliability;
  point?: { lat: number; lng: number };
  zone?: string;
  photoRefs: string[];
  description?: string;
};
type Ctx = Scenes.WizardContext;

const t = promptsFor('it');
const keyboard = (choices: string[]) =>
  Markup.keyboard(choices.map((c) => [c]))
    .oneTime()
    .resize();
const textOf = (ctx: Ctx) => (ctx.message && 'text' in ctx.message ? ctx.message.text : undefined);
const draftOf = (ctx: Ctx) => ctx.wizard.state as Draft;

const COMMAND_WORDS = Object.fromEntries(
  Object.keys(t.commandWords).map((k) => [
    k,
    [...t.commandWords[k as keyof typeof t.commandWords], ...promptsFor('en').commandWords[k as keyof typeof t.commandWords]],
  ]),
);

export function createWizardBot(services: DialogServices): { bot: Telegraf<Ctx>; sent: () => number } {
  let sent = 0;
  const bot = new Telegraf<Ctx>('123456:BENCH-TOKEN');
  bot.botInfo = {
    id: 123456,
    is_bot: true,
    first_name: 'Vicinato',
    username: 'vicinato_bench_bot',
    can_join_groups: false,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
  } as typeof bot.botInfo;
  // No network: handleUpdate builds a new Telegram client per update, so the Bot API call is
  // replaced on the client class (this process only) and answers like Telegram's sendMessage.
  (Telegram.prototype as unknown as { callApi: (m: string, p: { chat_id: number; text?: string }) => Promise<unknown> }).callApi = async (
    _m,
    p,
  ) => ({
    message_id: ++sent,
    date: 0,
    chat: { id: p.chat_id, type: 'private' },
    text: p.text,
  });

  const report = new Scenes.WizardScene<Ctx>(
    'report',
    async (ctx) => {
      const { municipality } = services;
      const now = new Date(ctx.message!.date * 1000);
      await ctx.reply(
        t.welcome({ town: municipality.name, hours: hoursText(municipality, 'it'), closedUntil: closedUntil(municipality, now, 'it') }),
      );
      await ctx.reply(t.consent.question({ controller: municipality.dataController }), keyboard(consentMenu.labels('it')));
      return ctx.wizard.next();
    },
    async (ctx) => {
      const answer = consentMenu.match(textOf(ctx) ?? '');
      if (answer === 'refuse') {
        await ctx.reply(t.consent.refused);
        return ctx.scene.leave();
      }
      if (answer !== 'accept') return void (await ctx.reply(t.consent.notUnderstood));
      (ctx.wizard.state as Draft).photoRefs = [];
      await ctx.reply(t.category.prompt, keyboard(CATEGORIES.map((c) => c.labels.it)));
      return ctx.wizard.next();
    },
    async (ctx) => {
      const match = matchChoice(textOf(ctx) ?? '', categoryMenuOptions());
      if (!match.ok) return void (await ctx.reply(t.category.notUnderstood, keyboard(CATEGORIES.map((c) => c.labels.it))));
      draftOf(ctx).categoryId = match.id;
      await ctx.reply(
        `${t.category.chosen(categoryById(match.id)!.labels.it)}\n\n${t.reliability.prompt}`,
        keyboard(reliabilityMenu.labels('it')),
      );
      return ctx.wizard.next();
    },
    async (ctx) => {
      const reliability = reliabilityMenu.match(textOf(ctx) ?? '');
      if (!reliability) return void (await ctx.reply(t.reliability.notUnderstood));
      draftOf(ctx).reliability = reliability;
      await ctx.reply(t.location.prompt, Markup.keyboard([Markup.button.locationRequest('📍')]).oneTime());
      return ctx.wizard.next();
    },
    async (ctx) => {
      const location = ctx.message && 'location' in ctx.message ? ctx.message.location : undefined;
      if (!location) return void (await ctx.reply(t.location.pinOnly));
      const point = { lat: location.latitude, lng: location.longitude };
      if (!services.territory.contains(point)) return void (await ctx.reply(t.location.outside({ town: services.municipality.name })));
      const reverse = await services.geocoder.reverse(point);
      Object.assign(draftOf(ctx), { point, zone: services.territory.zoneOf(point)?.id });
      await ctx.reply(
        `${t.location.received({ address: reverse.ok ? reverse.address : t.location.pinWithoutAddress })}\n\n${t.photo.prompt}`,
        keyboard(skipMenu.labels('it')),
      );
      return ctx.wizard.next();
    },
    async (ctx) => {
      const photo = ctx.message && 'photo' in ctx.message ? ctx.message.photo : undefined;
      if (photo) draftOf(ctx).photoRefs = [photo[photo.length - 1].file_id];
      else if (skipMenu.match(textOf(ctx) ?? '') !== 'skip') return void (await ctx.reply(t.photo.expected));
      await ctx.reply(t.description.prompt(MAX_DESCRIPTION_LENGTH));
      return ctx.wizard.next();
    },
    async (ctx) => {
      const checked = checkDescription(textOf(ctx) ?? '');
      if (!checked.ok) return void (await ctx.reply(t.description.tooShort));
      draftOf(ctx).description = checked.value;
      await ctx.reply(`${t.summary.title}\n${checked.value}\n\n${t.summary.question}`, keyboard(summaryMenu.labels('it')));
      return ctx.wizard.next();
    },
    async (ctx) => {
      if (summaryMenu.match(textOf(ctx) ?? '') !== 'send') return void (await ctx.reply(t.summary.notUnderstood));
      const d = draftOf(ctx);
      const category = categoryById(d.categoryId!)!;
      const priority = computePriority({
        severity: category.severity,
        reliability: d.reliability!,
        urgencyTerms: urgencyTerms(d.description!),
        photoCount: d.photoRefs.length,
      }, PRIORITY_WEIGHTS);
      const { report: saved } = await services.reports.createOnce({
        categoryId: category.id,
        reliability: d.reliability!,
        point: d.point!,
        zone: d.zone,
        description: d.description!,
        photoRefs: d.photoRefs,
        channel: 'telegram',
        citizenRef: `tg-${ctx.from!.id}`,
        language: 'it',
        priority: priority.score,
        priorityFactors: priority.factors,
        sourceMessageKey: `telegram:${ctx.chat!.id}:${ctx.message!.message_id}`,
      });
      await ctx.reply(
        t.submitted({
          ticket: saved.ticketCode,
          closedUntil: closedUntil(services.municipality, new Date(ctx.message!.date * 1000), 'it'),
        }),
      );
      return ctx.scene.leave();
    },
  );

  const stage = new Scenes.Stage<Ctx>([report]);
  bot.use(session());
  // What the engine does before any step: emergency words first, then global commands.
  bot.use(async (ctx, next) => {
    const text = ctx.message && 'text' in ctx.message ? ctx.message.text : undefined;
    if (text && engineNlp.isEmergency(text)) await ctx.reply(t.emergency);
    if (text && engineNlp.matchKeyword(text, COMMAND_WORDS) === 'cancel') return void (await ctx.reply(t.cancelled));
    return next();
  });
  bot.use(stage.middleware());
  bot.on('message', (ctx) => ctx.scene.enter('report'));
  return { bot, sent: () => sent };
}

let updateId = 0;

/** A private-chat Telegram update carrying a text, a location or a photo. */
export function telegramUpdate(
  chatId: number,
  messageId: number,
  content: { text: string } | { location: { lat: number; lng: number } } | { photo: true },
): Update {
  const base = {
    message_id: messageId,
    date: Date.parse('2026-11-18T09:30:00Z') / 1000,
    chat: { id: chatId, type: 'private' as const, first_name: 'Bench' },
    from: { id: chatId, is_bot: false, first_name: 'Bench', language_code: 'it' },
  };
  const body =
    'text' in content
      ? { text: content.text }
      : 'location' in content
        ? { location: { latitude: content.location.lat, longitude: content.location.lng } }
        : { photo: [{ file_id: `photo-${chatId}-${messageId}`, file_unique_id: `u${messageId}`, width: 16, height: 16 }] };
  return { update_id: ++updateId, message: { ...base, ...body } } as Update;
}
