/**
 * The municipality's time zone (its service hours' zone, from /api/meta), in which the panel shows
 * times and counts local days. Europe/Rome until the first /api/meta answer.
 */
let timeZone = 'Europe/Rome';

export function setPanelTimeZone(zone: string) {
  timeZone = zone;
}

export function panelTimeZone(): string {
  return timeZone;
}
