/**
 * The area alerts menu ("avvisi"), a side dialog: subscribe near a place (a pin and a radius) or
 * to a zone, list, remove one. It needs the privacy consent like a report; when it ends, a report
 * in progress continues where it was. Subscribing is idempotent per message (a retried turn finds
 * the subscription it made), and a citizen has at most MAX_SUBSCRIPTIONS.
 */
import { messageKey } from '../message-key';
import type { StepOutcome } from '../../src/dialog/flow.types';
import type { GeoPoint } from '../../src/domain/message';
import type { NewSubscription, Subscription } from '../../src/domain/ports';
import { MAX_SUBSCRIPTIONS, SAME_PLACE_METERS, alertPlace, describeSubscription, metersBetween, parseRadius, radiusLabel } from '../alerts';
import { alertsMenu, radiusMenu } from '../choices';
import { matchChoice } from '../nlp';
import { streetOnly } from '../places';
import type { ReportDraft } from '../report-draft';
import { STEP, textOf, type ReportStep, type ReportStepContext } from '../report-steps';

type Outcome = StepOutcome<ReportDraft>;

const sourceKey = (ctx: ReportStepContext) => messageKey(ctx.message);

/** The citizen's subscriptions other than one this very message made (a retried turn must not count it). */
async function otherSubscriptions(ctx: ReportStepContext): Promise<Subscription[]> {
  const all = await ctx.services.subscriptions.listByCitizen(ctx.citizenRef);
  return all.filter((sub) => sub.sourceMessageKey !== sourceKey(ctx));
}

/** Back to where "avvisi" was written (the engine hands back to a report in progress). */
const done = (ctx: ReportStepContext, text: string): Outcome => ({
  ok: true,
  next: STEP.idle,
  draft: { ...ctx.draft, alert: undefined },
  replies: [{ text }],
});

const backToMenu = (ctx: ReportStepContext, text: string): Outcome => ({
  ok: true,
  next: STEP.alertsMenu,
  draft: { ...ctx.draft, alert: undefined },
  replies: [{ text }],
});

async function subscribe(
  ctx: ReportStepContext,
  sub: Omit<NewSubscription, 'citizenRef' | 'channel' | 'language' | 'sourceMessageKey'>,
  what: string,
): Promise<Outcome> {
  const t = textOf(ctx).alerts;
  const others = await otherSubscriptions(ctx);
  const same = others.some((o) =>
    sub.kind === 'zone'
      ? o.kind === 'zone' && o.zoneId === sub.zoneId
      : o.kind === 'area' &&
        o.radiusMeters === sub.radiusMeters &&
        !!o.center &&
        !!sub.center &&
        metersBetween(o.center, sub.center) <= SAME_PLACE_METERS,
  );
  if (same) return done(ctx, t.already(what));
  if (others.length >= MAX_SUBSCRIPTIONS) return done(ctx, t.limit(MAX_SUBSCRIPTIONS));
  await ctx.services.subscriptions.add({
    ...sub,
    citizenRef: ctx.citizenRef,
    channel: ctx.message.channel,
    language: ctx.lang,
    sourceMessageKey: sourceKey(ctx),
  });
  return done(ctx, t.subscribed(what));
}

/** A pin for an area subscription: inside the municipality, with its zone and street. */
async function placeFromPin(ctx: ReportStepContext, point: GeoPoint): Promise<Outcome> {
  const { territory, geocoder, municipality } = ctx.services;
  const t = textOf(ctx).alerts;
  if (!territory.contains(point)) return { ok: false, reason: t.location.outside(municipality.name) };
  const zone = territory.zoneOf(point);
  const reverse = await geocoder.reverse(point);
  const street = reverse.ok ? streetOnly(reverse.address) : undefined;
  return {
    ok: true,
    next: STEP.alertsRadius,
    draft: {
      ...ctx.draft,
      alert: { center: point, ...(zone ? { zoneId: zone.id, zoneName: zone.name } : {}), ...(street ? { street } : {}) },
    },
  };
}

async function atLimit(ctx: ReportStepContext): Promise<Outcome | undefined> {
  const count = (await ctx.services.subscriptions.listByCitizen(ctx.citizenRef)).length;
  return count >= MAX_SUBSCRIPTIONS ? backToMenu(ctx, textOf(ctx).alerts.limit(MAX_SUBSCRIPTIONS)) : undefined;
}

export const alertsMenuStep: ReportStep = {
  id: STEP.alertsMenu,
  needsConsent: true,
  accepts: ['text', 'location'],
  prompt: (ctx) => ({ text: textOf(ctx).alerts.menu.prompt, choices: alertsMenu.labels(ctx.lang) }),
  help: (ctx) => textOf(ctx).alerts.menu.help,
  async handle(ctx) {
    const t = textOf(ctx).alerts;
    const { payload } = ctx.message;
    // A pin straight away: the place to subscribe to.
    if (payload.kind === 'location') return (await atLimit(ctx)) ?? placeFromPin(ctx, payload.point);
    const action = ctx.text ? alertsMenu.match(ctx.text) : undefined;
    switch (action) {
      case 'place':
        return (await atLimit(ctx)) ?? { ok: true, next: STEP.alertsLocation, draft: { ...ctx.draft, alert: undefined } };
      case 'zone':
        return (await atLimit(ctx)) ?? { ok: true, next: STEP.alertsZone, draft: { ...ctx.draft, alert: undefined } };
      case 'list': {
        const subs = await ctx.services.subscriptions.listByCitizen(ctx.citizenRef);
        const lines = subs.map((sub, i) => `${i + 1}. ${describeSubscription(sub, ctx.services.territory, ctx.lang)}`);
        return backToMenu(ctx, subs.length ? [t.list.title, ...lines].join('\n') : t.list.none);
      }
      case 'remove': {
        const subs = await ctx.services.subscriptions.listByCitizen(ctx.citizenRef);
        if (subs.length === 0) return backToMenu(ctx, t.list.none);
        const choices = subs.map((sub) => ({ id: sub.id, what: describeSubscription(sub, ctx.services.territory, ctx.lang) }));
        return { ok: true, next: STEP.alertsRemove, draft: { ...ctx.draft, alert: { choices } } };
      }
      case 'close':
        return done(ctx, t.closed);
      default:
        return { ok: false, reason: t.menu.notUnderstood };
    }
  },
};

export const alertsLocationStep: ReportStep = {
  id: STEP.alertsLocation,
  needsConsent: true,
  accepts: ['location', 'text'],
  prompt: (ctx) => ({ text: textOf(ctx).alerts.location.prompt, requestLocation: true }),
  help: (ctx) => textOf(ctx).alerts.location.help,
  async handle(ctx) {
    const { payload } = ctx.message;
    if (payload.kind === 'location') return placeFromPin(ctx, payload.point);
    return { ok: false, reason: textOf(ctx).alerts.location.expected };
  },
};

export const alertsRadiusStep: ReportStep = {
  id: STEP.alertsRadius,
  parent: STEP.alertsLocation,
  needsConsent: true,
  accepts: ['text', 'location'],
  prompt: (ctx) => ({
    text: textOf(ctx).alerts.radius.prompt(alertPlace(ctx.draft.alert, ctx.lang)),
    choices: radiusMenu.labels(ctx.lang),
  }),
  help: (ctx) => textOf(ctx).alerts.radius.help,
  async handle(ctx) {
    const t = textOf(ctx).alerts;
    const { payload } = ctx.message;
    // Another pin instead of a distance: that place, then the distance again.
    if (payload.kind === 'location') return placeFromPin(ctx, payload.point);
    const alert = ctx.draft.alert;
    if (!alert?.center) return { ok: true, next: STEP.alertsLocation };
    const meters = ctx.text ? parseRadius(ctx.text) : undefined;
    if (!meters) return { ok: false, reason: t.radius.notUnderstood };
    const what = t.area({ radius: radiusLabel(meters), place: alertPlace(alert, ctx.lang) });
    return subscribe(
      ctx,
      {
        kind: 'area',
        center: alert.center,
        radiusMeters: meters,
        ...(alert.zoneId ? { zoneId: alert.zoneId } : {}),
        ...(alert.street ? { label: alert.street } : {}),
      },
      what,
    );
  },
};

/** Zone names and their parts ("Guamo, Vorno e Massa Macinaia" is also "Vorno"). */
function zoneOptions(ctx: ReportStepContext) {
  return ctx.services.territory.zones().map((zone) => ({
    id: zone.id,
    labels: [
      zone.name,
      ...zone.name
        .split(/,|\s+e\s+/)
        .map((part) => part.trim())
        .filter((part) => part && part !== zone.name),
    ],
  }));
}

export const alertsZoneStep: ReportStep = {
  id: STEP.alertsZone,
  needsConsent: true,
  accepts: ['text'],
  prompt: (ctx) => ({ text: textOf(ctx).alerts.zone.prompt, choices: ctx.services.territory.zones().map((zone) => zone.name) }),
  help: (ctx) => textOf(ctx).alerts.zone.help,
  async handle(ctx) {
    const t = textOf(ctx).alerts;
    const match = matchChoice(ctx.text ?? '', zoneOptions(ctx));
    const zone = match.ok ? ctx.services.territory.zones().find((z) => z.id === match.id) : undefined;
    if (!zone) return { ok: false, reason: t.zone.notUnderstood };
    return subscribe(ctx, { kind: 'zone', zoneId: zone.id }, t.zoneName(zone.name));
  },
};

export const alertsRemoveStep: ReportStep = {
  id: STEP.alertsRemove,
  needsConsent: true,
  accepts: ['text'],
  prompt: (ctx) => ({ text: textOf(ctx).alerts.remove.prompt, choices: (ctx.draft.alert?.choices ?? []).map((c) => c.what) }),
  help: (ctx) => textOf(ctx).alerts.remove.help,
  async handle(ctx) {
    const t = textOf(ctx).alerts;
    const choices = ctx.draft.alert?.choices ?? [];
    if (choices.length === 0) return backToMenu(ctx, t.list.none);
    const match = matchChoice(
      ctx.text ?? '',
      choices.map((c) => ({ id: c.id, labels: [c.what] })),
    );
    const chosen = match.ok ? choices.find((c) => c.id === match.id) : undefined;
    if (!chosen) return { ok: false, reason: t.remove.notUnderstood };
    // Already gone (a retried turn, another device): the answer is the same.
    await ctx.services.subscriptions.remove(chosen.id, ctx.citizenRef);
    return done(ctx, t.remove.removed(chosen.what));
  },
};

export const ALERT_STEPS: ReportStep[] = [alertsMenuStep, alertsLocationStep, alertsRadiusStep, alertsZoneStep, alertsRemoveStep];
