/** Service hours in the citizen's words: "tutti i giorni 08:00-19:00", "domani dalle 08:00". */
import { DateTime } from 'luxon';
import { describeHours, isOpen, nextOpening } from '../src/domain/service-hours';
import type { Language } from '../src/dialog/state';
import type { MunicipalityProfile } from '../config/municipality';
import { promptsFor } from '../src/texts/citizen';

const hoursTextCache = new WeakMap<MunicipalityProfile, Partial<Record<Language, string>>>();

/** The service hours in words (the profile is loaded once: its text is built once per language). */
export function hoursText(municipality: MunicipalityProfile, lang: Language): string {
  let texts = hoursTextCache.get(municipality);
  if (!texts) hoursTextCache.set(municipality, (texts = {}));
  return (texts[lang] ??= describeHours(municipality.serviceHours, promptsFor(lang).serviceHours));
}

const MINUTE = 60_000;
/** The last answers per municipality, by language and minute (hours are given to the minute). */
const closedUntilCache = new WeakMap<MunicipalityProfile, Map<string, string | undefined>>();

/** When the service reopens, in words; undefined while it is open. */
export function closedUntil(municipality: MunicipalityProfile, now: Date, lang: Language): string | undefined {
  let answers = closedUntilCache.get(municipality);
  if (!answers) closedUntilCache.set(municipality, (answers = new Map()));
  const key = `${lang}:${Math.floor(now.getTime() / MINUTE)}`;
  if (answers.has(key)) return answers.get(key);
  const answer = computeClosedUntil(municipality, now, lang);
  if (answers.size >= 16) answers.clear();
  answers.set(key, answer);
  return answer;
}

function computeClosedUntil(municipality: MunicipalityProfile, now: Date, lang: Language): string | undefined {
  const hours = municipality.serviceHours;
  if (isOpen(hours, now)) return undefined;
  const when = promptsFor(lang).when;
  const next = nextOpening(hours, now);
  if (!next) return when.unknown;
  const opening = DateTime.fromJSDate(next, { zone: hours.timeZone }).setLocale(lang);
  const today = DateTime.fromJSDate(now, { zone: hours.timeZone }).startOf('day');
  const days = Math.round(opening.startOf('day').diff(today, 'days').days);
  const time = opening.toFormat('HH:mm');
  if (days === 0) return when.today(time);
  if (days === 1) return when.tomorrow(time);
  return when.on(opening.toFormat('cccc d LLLL'), time);
}
