/** Ticket codes citizens read and quote: VIC-<year>-<six-digit sequence>. */
import { DateTime } from 'luxon';

/**
 * The year of a ticket: the calendar year in the municipality's time zone, so a report sent at
 * 00:30 on 1 January in Rome (still 31 December in UTC) gets the new year's number.
 */
export function ticketYear(at: Date, timeZone: string): number {
  return DateTime.fromJSDate(at, { zone: timeZone }).year;
}

export function formatTicketCode(year: number, sequence: number): string {
  return `VIC-${year}-${String(sequence).padStart(6, '0')}`;
}

export const TICKET_CODE_PATTERN = /^VIC-\d{4}-\d{6,}$/;
