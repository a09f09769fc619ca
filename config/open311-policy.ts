/**
 * What the public Open311 API may publish, per category. The API is read by anyone, including the
 * person a report is about, so the default is silence for sensitive categories and a coarse,
 * delayed picture for the rest. Change a municipality's policy here; docs/open311.md explains it.
 *
 * - `publish`: 'never' (not listed, not fetchable), 'closed' (only once the report is closed, and
 *   `delayDays` after it was closed), 'open' (open and closed reports, as soon as they arrive).
 * - `location`: 'zone' (the zone's centre and name: the spot is not given at all) or 'coarse'
 *   (rounded to about 100 m, and the zone's name instead of an address).
 * - Descriptions are never the citizen's words: only the copy an agent approved in the panel
 *   (none by default) is published.
 */
import { CATEGORIES, type Category } from './categories';

export type Open311Policy = {
  publish: 'never' | 'closed' | 'open';
  /** With publish 'closed': days between closing and publishing. */
  delayDays: number;
  location: 'zone' | 'coarse';
};

const NEVER: Open311Policy = { publish: 'never', delayDays: 0, location: 'zone' };

/** Categories named here get this policy; any other non-sensitive category gets DEFAULT_POLICY. */
const POLICIES: Record<string, Open311Policy> = {
  urban_decay: { publish: 'open', delayDays: 0, location: 'coarse' },
  vandalism: { publish: 'open', delayDays: 0, location: 'coarse' },
  abandoned_waste: { publish: 'open', delayDays: 0, location: 'coarse' },
  abandoned_vehicle: { publish: 'closed', delayDays: 1, location: 'coarse' },
  street_lighting: { publish: 'open', delayDays: 0, location: 'coarse' },
  // Noise names neighbours: only closed, a week later, at zone level.
  noise: { publish: 'closed', delayDays: 7, location: 'zone' },
};

const DEFAULT_POLICY: Open311Policy = { publish: 'closed', delayDays: 7, location: 'zone' };

/**
 * The category's policy. Sensitive categories (drug dealing, suspects, theft) are never public by
 * default: publishing them would tip off the people reported. A municipality may list one in
 * POLICIES, and then only closed and delayed counts; 'open' is refused for them.
 */
export function open311PolicyOf(category: Category | undefined): Open311Policy {
  if (!category) return NEVER;
  const configured = POLICIES[category.id];
  if (category.sensitive) return configured?.publish === 'closed' ? configured : NEVER;
  return configured ?? DEFAULT_POLICY;
}

/** The categories the API lists, in menu order. */
export const publicCategories = (): Category[] => CATEGORIES.filter((c) => open311PolicyOf(c).publish !== 'never');
