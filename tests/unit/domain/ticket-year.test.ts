import { describe, expect, it } from 'vitest';
import { formatTicketCode, ticketYear } from '../../../src/domain/ticket-code';

describe('ticket year', () => {
  it("is the municipality's calendar year, not UTC's", () => {
    // 00:30 on 1 January in Rome is 23:30 on 31 December in UTC.
    const justAfterMidnight = new Date('2026-12-31T23:30:00Z');
    expect(ticketYear(justAfterMidnight, 'Europe/Rome')).toBe(2027);
    expect(ticketYear(justAfterMidnight, 'UTC')).toBe(2026);
    expect(formatTicketCode(ticketYear(justAfterMidnight, 'Europe/Rome'), 1)).toBe('VIC-2027-000001');
  });

  it('keeps the old year until local midnight', () => {
    expect(ticketYear(new Date('2026-12-31T22:59:59Z'), 'Europe/Rome')).toBe(2026);
    expect(ticketYear(new Date('2026-12-31T23:00:00Z'), 'Europe/Rome')).toBe(2027);
  });

  it('asked one instant after another, across the new year in both directions (the year is remembered per zone)', () => {
    const asked = ['2026-06-01T10:00:00Z', '2026-12-31T22:59:59.999Z', '2026-12-31T23:00:00Z', '2026-12-31T22:59:59.999Z', '2025-12-31T23:00:00Z', '2027-12-31T22:59:59Z'];
    expect(asked.map((at) => ticketYear(new Date(at), 'Europe/Rome'))).toEqual([2026, 2026, 2027, 2026, 2026, 2027]);
    expect(ticketYear(new Date('2026-12-31T23:30:00Z'), 'America/New_York')).toBe(2026);
    expect(ticketYear(new Date('2027-01-01T05:00:00Z'), 'America/New_York')).toBe(2027);
  });
});
