/** Ticket codes citizens read and quote: VIC-<year>-<six-digit sequence>. */
import { DateTime } from 'luxon';

/**
 * The year of a ticket: the calendar year in the municipality's time zone, so a report sent at
 * 00:30 on 1 January in Rome (still 31 December in UTC) gets the new year's number.
 */
export function ticketYear(at: Date, timeZone: string): number {
  const t = at.getTime();
  const known = yearSpans.get(timeZone);
  if (known && t >= known.from && t < known.until) return known.year;
  const local = DateTime.fromJSDate(at, { zone: timeZone });
  const start = local.startOf('year');
  yearSpans.set(timeZone, { year: local.year, from: start.toMillis(), until: start.plus({ years: 1 }).toMillis() });
  return local.year;
}

/** Per time zone, the instants the last year asked about starts and ends (one report after another mostly share it). */
const yearSpans = new Map<string, { year: number; from: number; until: number }>();

export function formatTicketCode(year: number, sequence: number): string {
  return `VIC-${year}-${String(sequence).padStart(6, '0')}`;
}

export const TICKET_CODE_PATTERN = /^VIC-\d{4}-\d{6,}$/;
