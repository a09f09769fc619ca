/**
 * GET /api/reports/export.csv and /api/reports/export.geojson: the reports matching exactly the
 * queue's filters (same query string, same schema; any status may be asked for; `limit`/`offset`
 * are accepted so the queue's query can be passed as it is, and ignored: the export has every
 * matching row, in the queue's order), without identities (see report-export.ts). Supervisors and
 * admins only; every export is audited with its filters and row count. The rows are streamed from
 * a cursor in batches, with backpressure: 50,000 rows never sit in memory as one string.
 * Mounted before the report routes (which would read `export.csv` as a report id).
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Router, type Request, type Response } from 'express';
import { DateTime } from 'luxon';
import type { AuditLog, ReportFilter } from '../domain/ports';
import type { ExportSort, ReportExportSource } from '../domain/report-export';
import type { Logger } from '../log/logger';
import { currentOperator, langOf, requireRole } from './auth.middleware';
import {
  csvHeader,
  csvRow,
  exportRecord,
  GEOJSON_HEAD,
  GEOJSON_TAIL,
  geoJsonFeature,
  MAX_EXPORT_ROWS,
  type ExportContext,
} from './report-export';
import { reportListQuerySchema } from './report-query.schema';
import { territoryMessage } from './territory-labels';
import { parseOr400 } from './validation';

export type ReportExportDeps = {
  source: ReportExportSource;
  audit: AuditLog;
  logger: Logger;
  categoryIds: readonly string[];
  sensitiveCategoryIds: readonly string[];
  zoneNames: ReadonlyMap<string, string>;
  timeZone: string;
  /** Defaults to MAX_EXPORT_ROWS (tests lower it). */
  maxRows?: number;
};

type Format = {
  ext: 'csv' | 'geojson';
  contentType: string;
  head: () => string;
  item: (rec: ReturnType<typeof exportRecord>, index: number) => string;
  tail: string;
};

const FORMATS: Record<'csv' | 'geojson', Format> = {
  csv: { ext: 'csv', contentType: 'text/csv; charset=utf-8; header=present', head: csvHeader, item: (rec) => csvRow(rec), tail: '' },
  geojson: {
    ext: 'geojson',
    contentType: 'application/geo+json; charset=utf-8',
    head: () => GEOJSON_HEAD,
    item: (rec, i) => (i ? ',\n' : '') + geoJsonFeature(rec),
    tail: GEOJSON_TAIL,
  },
};

/** Writes are gathered into chunks of about this size. */
const CHUNK_CHARS = 64 * 1024;

function describeFilter(filter: ReportFilter, sort: ExportSort) {
  return {
    status: filter.status,
    categoryId: filter.categoryId,
    zone: filter.zone,
    channel: filter.channel,
    from: filter.from?.toISOString(),
    to: filter.to?.toISOString(),
    sort,
  };
}

export function reportExportRoutes(deps: ReportExportDeps): Router {
  const router = Router();
  const maxRows = deps.maxRows ?? MAX_EXPORT_ROWS;
  const sensitive = new Set(deps.sensitiveCategoryIds);
  const query = reportListQuerySchema({ categoryIds: deps.categoryIds, zoneIds: [...deps.zoneNames.keys()], timeZone: deps.timeZone });

  async function* chunks(format: Format, filter: ReportFilter, sort: ExportSort, ctx: ExportContext): AsyncGenerator<string> {
    let buffer = format.head();
    let index = 0;
    for await (const report of deps.source.rows(filter, { sort, limit: maxRows })) {
      buffer += format.item(exportRecord(report, ctx), index++);
      if (buffer.length >= CHUNK_CHARS) {
        yield buffer;
        buffer = '';
      }
    }
    yield buffer + format.tail;
  }

  const exportAs = (format: Format) => async (req: Request, res: Response) => {
    try {
      const q = parseOr400(query, req.query, res);
      if (!q) return;
      const lang = langOf(res);
      const rows = await deps.source.count(q.filter);
      if (rows > maxRows)
        return void res.status(400).json({
          error: territoryMessage('exportTooLarge', lang, {
            count: rows,
            max: maxRows.toLocaleString(lang === 'it' ? 'it-IT' : 'en-GB'),
          }),
        });
      const op = currentOperator(res);
      // Audited before the first byte: an export cut short was still asked for.
      await deps.audit.record({
        actor: op.username,
        actorRole: op.role,
        action: 'reports.export',
        details: { format: format.ext, filters: describeFilter(q.filter, q.page.sort), rows },
        requestId: res.locals.requestId,
      });
      const stamp = DateTime.now().setZone(deps.timeZone).toFormat('yyyyMMdd-HHmm');
      res.status(200);
      res.setHeader('Content-Type', format.contentType);
      res.setHeader('Content-Disposition', `attachment; filename="segnalazioni-${stamp}.${format.ext}"`);
      res.setHeader('X-Export-Rows', String(rows));
      const ctx: ExportContext = { lang, zoneNames: deps.zoneNames, isSensitive: (id) => sensitive.has(id) };
      // pipeline: backpressure from the client, and the cursor closed if the client goes away. A
      // failure half-way destroys the response, so the download fails instead of looking complete.
      await pipeline(Readable.from(chunks(format, q.filter, q.page.sort, ctx)), res);
    } catch (err) {
      if (res.headersSent) {
        // The client going away is not a fault; anything else is logged (the file is cut short).
        if ((err as NodeJS.ErrnoException)?.code !== 'ERR_STREAM_PREMATURE_CLOSE')
          deps.logger.error(`report export failed half-way: ${(err as Error)?.message ?? err}`);
        res.destroy();
        return;
      }
      throw err; // before the first byte: Express 5 hands it to the error handler
    }
  };

  router.use(['/export.csv', '/export.geojson'], requireRole('supervisor', 'admin'));
  router.get('/export.csv', exportAs(FORMATS.csv));
  router.get('/export.geojson', exportAs(FORMATS.geojson));
  return router;
}
