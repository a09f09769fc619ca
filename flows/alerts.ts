/**
 * Area alerts ("points of interest"): what a citizen can subscribe to, how it is described to them,
 * and the two words that work at any time: "avvisi"/"alerts" opens the menu (a side dialog that
 * hands back to a report in progress), "STOP" alone ends every subscription.
 */
import type { FlowShortcut } from '../src/dialog/flow.types';
import type { DialogReply } from '../src/dialog/engine.types';
import type { Language } from '../src/dialog/state';
import type { Subscription } from '../src/domain/ports';
import type { Territory } from '../src/geo/territory';
import type { DialogServices } from './services';
import { radiusMenu } from './choices';
import { normalizeText } from './nlp';
import { promptsFor } from '../src/texts/citizen';
import { isAnytimeWord } from './anytime-words';
import type { AlertDraft, ReportDraft } from './report-draft';
import { STEP, textOf } from './report-steps';

/** Subscriptions one citizen may have at once. */
export const MAX_SUBSCRIPTIONS = 5;

/** The radii offered, in metres. */
export const ALERT_RADII = { r250: 250, r500: 500, r1000: 1000 } as const;
export type AlertRadiusMeters = (typeof ALERT_RADII)[keyof typeof ALERT_RADII];
const OFFERED = new Set<number>(Object.values(ALERT_RADII));

/** Two area subscriptions closer than this, with the same radius, are the same one. */
export const SAME_PLACE_METERS = 30;

/**
 * The radius in a citizen's answer: "500", "500 m", "1 km", "1,0 km", "mezzo chilometro", or the
 * menu's number ("1" is the first choice, 250 m). Only the offered radii are accepted.
 */
export function parseRadius(text: string): AlertRadiusMeters | undefined {
  const normalized = normalizeText(text);
  const measured = /^(\d+(?:[.,]\d+)?)\s*(km|chilometr[io]|kilometr[es]|kilometers?|m|mt|metri|metro|meters?|metres?)?\.?$/.exec(
    normalized,
  );
  if (measured) {
    const value = Number(measured[1].replace(',', '.'));
    const unit = measured[2];
    const meters = unit ? (/^(km|chilo|kilo)/.test(unit) ? value * 1000 : value) : value >= 10 ? value : undefined;
    if (meters !== undefined) return OFFERED.has(meters) ? (meters as AlertRadiusMeters) : undefined;
  }
  const key = radiusMenu.match(text);
  return key ? ALERT_RADII[key] : undefined;
}

export const radiusLabel = (meters: number): string => (meters >= 1000 ? `${meters / 1000} km` : `${meters} m`);

const zoneNameOf = (territory: Territory, zoneId: string | undefined) =>
  zoneId ? territory.zones().find((zone) => zone.id === zoneId)?.name : undefined;

/** The place of an area being subscribed to, in words: its street, else its zone. */
export function alertPlace(alert: AlertDraft | undefined, lang: Language): string {
  const t = promptsFor(lang).alerts;
  return alert?.street ?? t.point(alert?.zoneName);
}

/** A subscription in the citizen's words: "entro 500 m da Via del Popolo, Lammari", "zona Lammari". */
export function describeSubscription(sub: Subscription, territory: Territory, lang: Language): string {
  const t = promptsFor(lang).alerts;
  const zoneName = zoneNameOf(territory, sub.zoneId);
  if (sub.kind === 'zone') return t.zoneName(zoneName ?? sub.zoneId ?? '?');
  return t.area({ radius: radiusLabel(sub.radiusMeters ?? 0), place: sub.label ?? t.point(zoneName) });
}

/** Metres between two points (equirectangular: plenty for "is it the same place?"). */
export function metersBetween(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const dy = (a.lat - b.lat) * 111_320;
  const dx = (a.lng - b.lng) * 111_320 * Math.cos((((a.lat + b.lat) / 2) * Math.PI) / 180);
  return Math.hypot(dx, dy);
}

// --- the words that work at any time -------------------------------------------------------------

/** "avvisi", "/avvisi", "Alerts": opens the alerts menu at any time. */
export const alertsShortcut: FlowShortcut<ReportDraft, DialogServices> = {
  name: 'alerts',
  matches: (text) => isAnytimeWord(text, 'alerts'),
  aside: STEP.alertsMenu,
};

/** "STOP" alone, in any case ("/stop", "/stop@VicinatoBot", "Stop!" too): ends every subscription. */
export const stopShortcut: FlowShortcut<ReportDraft, DialogServices> = {
  name: 'stop',
  matches: (text) => /^\s*(?:\/stop(?:@\w+)?|stop)[\s.!]*$/i.test(text),
  async run(ctx): Promise<DialogReply[]> {
    const removed = await ctx.services.subscriptions.removeAll(ctx.citizenRef);
    const t = textOf(ctx).alerts;
    return [{ text: removed > 0 ? t.stopped(removed) : t.nothingToStop }];
  },
};
