/**
 * Service-level targets: how soon, in service time (the municipality's opening hours, holidays
 * excluded), a report must get its first action by an operator. The first rule that fits a report
 * applies: rules naming its category first, then by the highest priority threshold it reaches.
 */
export type SlaRule = {
  /** Only for this category. */
  categoryId?: string;
  /** Only from this priority (0-100). */
  minPriority?: number;
  /** Service minutes from arrival to the first action. */
  firstActionMinutes: number;
};

export const DEFAULT_SLA_RULES: SlaRule[] = [
  { minPriority: 70, firstActionMinutes: 30 },
  { minPriority: 35, firstActionMinutes: 120 },
  { firstActionMinutes: 480 },
];

/** The target for a report, in service minutes; undefined when no rule fits. */
export function slaTargetMinutes(rules: readonly SlaRule[], report: { categoryId: string; priority: number }): number | undefined {
  const fits = (r: SlaRule) => (!r.categoryId || r.categoryId === report.categoryId) && report.priority >= (r.minPriority ?? 0);
  const ordered = [...rules].sort(
    (a, b) => Number(Boolean(b.categoryId)) - Number(Boolean(a.categoryId)) || (b.minPriority ?? 0) - (a.minPriority ?? 0),
  );
  return ordered.find(fits)?.firstActionMinutes;
}

export type SlaState = {
  targetMinutes: number;
  /** Service time left to the target (negative once passed). */
  remainingMs: number;
  breached: boolean;
  /** The first action was taken (the clock stopped). */
  stopped: boolean;
};

/** `waitingServiceMs`: service time from arrival to the first action, or to now. */
export function slaState(targetMinutes: number | undefined, waitingServiceMs: number, stopped: boolean): SlaState | undefined {
  if (targetMinutes === undefined) return undefined;
  const remainingMs = targetMinutes * 60_000 - waitingServiceMs;
  return { targetMinutes, remainingMs, breached: remainingMs < 0, stopped };
}
