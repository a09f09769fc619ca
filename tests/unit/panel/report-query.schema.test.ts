import { describe, expect, it } from 'vitest';
import { reportListQuerySchema } from '../../../src/panel/report-query.schema';

const schema = reportListQuerySchema({ categoryIds: ['noise', 'theft'], zoneIds: ['centro'], timeZone: 'Europe/Rome' });

describe('reportListQuerySchema', () => {
  it('defaults to the open statuses, priority order, first 50', () => {
    expect(schema.parse({})).toEqual({
      filter: { status: ['new', 'in_review', 'needs_info', 'dispatched'], categoryId: undefined, zone: undefined, channel: undefined, from: undefined, to: undefined },
      page: { sort: 'priority', limit: 50, offset: 0 },
    });
  });

  it('reads lists and local dates (a date-only "to" includes that whole day)', () => {
    const q = schema.parse({ status: 'new, closed', category: 'theft', zone: 'centro', from: '2026-11-01', to: '2026-11-30' });
    expect(q.filter).toMatchObject({ status: ['new', 'closed'], categoryId: ['theft'], zone: ['centro'] });
    expect(q.filter.from?.toISOString()).toBe('2026-10-31T23:00:00.000Z');
    expect(q.filter.to?.toISOString()).toBe('2026-11-30T23:00:00.000Z');
  });

  it.each([
    [{ status: { $ne: null } }],
    [{ status: ['new', 'closed'] }],
    [{ 'status[$ne]': 'x' }],
    [{ category: 'burglary' }],
    [{ zone: '' }],
    [{ limit: '0' }],
    [{ offset: '-5' }],
    [{ from: '2026-12-01', to: '2026-11-01' }],
  ])('refuses %o', (query) => {
    expect(schema.safeParse(query).success).toBe(false);
  });
});
