/** GET /api/meta: what the front end needs to draw itself: municipality, catalogs, service hours, map tiles, the retention policy. */
import { Router } from 'express';
import { CATEGORIES } from '../../config/categories';
import type { MunicipalityProfile } from '../../config/municipality';
import { OUTCOMES, REPORT_STATUSES } from '../domain/report';
import { promptsFor } from '../texts/citizen';
import { describeHours, isOpen, nextOpening, upcomingClosures } from '../domain/service-hours';
import type { RetentionPolicy } from '../domain/ports';
import type { Territory } from '../geo/territory';
import { langOf } from './auth.middleware';
import { OUTCOME_LABELS, STATUS_LABELS } from './panel-labels';

export function metaRoutes(deps: {
  municipality: MunicipalityProfile;
  territory: Territory;
  mapTileUrl: string;
  alertPriority: number;
  /** Active operators (for assignments and mentions). */
  operators(): Promise<Array<{ username: string; displayName: string; team?: string }>>;
  /** The retention policy (config RETENTION_*) and when the job last ran, shown to supervisors. */
  retention?: { policy: RetentionPolicy; lastRunAt(): Promise<Date | null> };
}): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    const operators = await deps.operators();
    const lang = langOf(res);
    const hours = deps.municipality.serviceHours;
    const now = new Date();
    const open = isOpen(hours, now);
    const next = open ? undefined : nextOpening(hours, now);
    res.json({
      municipality: { name: deps.municipality.name, center: deps.territory.center(), bbox: deps.territory.bbox() },
      categories: CATEGORIES.map((c) => ({
        id: c.id,
        label: c.labels[lang],
        labels: c.labels,
        severity: c.severity,
        sensitive: c.sensitive,
      })),
      zones: deps.territory.zones().map((z) => ({ id: z.id, name: z.name })),
      statuses: REPORT_STATUSES,
      statusLabels: STATUS_LABELS,
      outcomes: OUTCOMES,
      outcomeLabels: OUTCOME_LABELS,
      serviceHours: {
        open,
        description: describeHours(hours, promptsFor(lang).serviceHours),
        ...(next ? { nextOpening: next.toISOString() } : {}),
        timeZone: hours.timeZone,
        // Closures announced for the next two weeks, so the shift knows ahead.
        closures: upcomingClosures(hours, now).map((c) => ({ from: c.from, to: c.to, ...(c.note ? { note: c.note[lang] } : {}) })),
      },
      mapTileUrl: deps.mapTileUrl,
      alertPriority: deps.alertPriority,
      teams: deps.municipality.teams,
      operators,
      ...(deps.retention ? { retention: { ...deps.retention.policy, lastRunAt: await deps.retention.lastRunAt() } } : {}),
    });
  });
  return router;
}
