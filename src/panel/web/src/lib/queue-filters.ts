/**
 * The queue's filters live in the address (?status=new,in_review&category=...&page=2), so a reload,
 * the back button and a shared link keep them. This module converts between the address, the form
 * and the API query.
 */
import { OPEN_STATUSES, REPORT_STATUSES } from '../../../../domain/report';
import { CHANNELS } from '../../../../domain/message';
import type { Channel, ReportStatus } from '../api/types';

export type QueueFilters = {
  statuses: ReportStatus[];
  category: string;
  zone: string;
  channel: Channel | '';
  /** Local days, YYYY-MM-DD. */
  from: string;
  to: string;
  sort: 'priority' | 'newest';
  /** Whose reports: mine, my team's, nobody's; '' for all. */
  assigned: '' | 'mine' | 'team' | 'unassigned';
  page: number;
};

export const PAGE_SIZE = 50;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[A-Za-z0-9_-]{1,64}$/;

export const DEFAULT_FILTERS: QueueFilters = {
  statuses: [...OPEN_STATUSES],
  category: '',
  zone: '',
  channel: '',
  from: '',
  to: '',
  sort: 'priority',
  assigned: '',
  page: 1,
};

export function filtersFromSearch(search: string): QueueFilters {
  const q = new URLSearchParams(search);
  const statusParam = q.get('status');
  const statuses = statusParam
    ? statusParam.split(',').filter((s): s is ReportStatus => (REPORT_STATUSES as readonly string[]).includes(s))
    : [...OPEN_STATUSES];
  const channel = q.get('channel') ?? '';
  const page = Number(q.get('page') ?? '1');
  return {
    statuses: statuses.length ? statuses : [...OPEN_STATUSES],
    category: ID.test(q.get('category') ?? '') ? q.get('category')! : '',
    zone: ID.test(q.get('zone') ?? '') ? q.get('zone')! : '',
    channel: (CHANNELS as readonly string[]).includes(channel) ? (channel as Channel) : '',
    from: DAY.test(q.get('from') ?? '') ? q.get('from')! : '',
    to: DAY.test(q.get('to') ?? '') ? q.get('to')! : '',
    sort: q.get('sort') === 'newest' ? 'newest' : 'priority',
    assigned: (['mine', 'team', 'unassigned'] as const).find((a) => a === q.get('assigned')) ?? '',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

export function filtersToSearch(f: QueueFilters): string {
  const q = new URLSearchParams();
  if (!sameSet(f.statuses, OPEN_STATUSES)) q.set('status', orderStatuses(f.statuses).join(','));
  if (f.category) q.set('category', f.category);
  if (f.zone) q.set('zone', f.zone);
  if (f.channel) q.set('channel', f.channel);
  if (f.from) q.set('from', f.from);
  if (f.to) q.set('to', f.to);
  if (f.sort !== 'priority') q.set('sort', f.sort);
  if (f.assigned) q.set('assigned', f.assigned);
  if (f.page > 1) q.set('page', String(f.page));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export function orderStatuses(statuses: ReportStatus[]): ReportStatus[] {
  return REPORT_STATUSES.filter((s) => statuses.includes(s));
}

/** Start of a local day as an ISO instant ("to" is exclusive: the start of the day after). */
function dayStart(day: string, addDays = 0): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d + addDays).toISOString();
}

export function filtersToApiQuery(f: QueueFilters): Record<string, string | number | undefined> {
  return {
    status: orderStatuses(f.statuses).join(','),
    category: f.category || undefined,
    zone: f.zone || undefined,
    channel: f.channel || undefined,
    from: f.from ? dayStart(f.from) : undefined,
    to: f.to ? dayStart(f.to, 1) : undefined,
    sort: f.sort,
    assigned: f.assigned || undefined,
    limit: PAGE_SIZE,
    offset: (f.page - 1) * PAGE_SIZE,
  };
}
