/**
 * The queue's export buttons (supervisors and admins): the reports matching the queue's current
 * filters as CSV or GeoJSON, without citizens' identities. The file is fetched first, so a refusal
 * (too many rows, a bad filter) is shown with the server's reason instead of a failed download.
 */
import { useState } from 'react';
import { ApiError, apiRequest, toQuery } from '../api/client';
import { useTerritoryText } from '../i18n/territory.dictionary';
import { useAnnounce } from '../lib/announcer';
import { useOperator } from '../lib/auth';
import { filtersToApiQuery, type QueueFilters } from '../lib/queue-filters';
import { ErrorNotice } from './error-notice';
import '../territory.css';

type Format = 'csv' | 'geojson';

/** The queue's API query without its page: the export has every matching report. */
export function exportUrl(format: Format, filters: QueueFilters): string {
  const { limit: _limit, offset: _offset, ...query } = filtersToApiQuery(filters);
  return `/api/reports/export.${format}${toQuery(query)}`;
}

async function failure(res: Response): Promise<ApiError> {
  let message = `HTTP ${res.status}`;
  try {
    const body = (await res.json()) as { error?: unknown };
    if (typeof body.error === 'string') message = body.error;
  } catch {
    // not JSON
  }
  // A 401 goes through the API client, which leads to the login page.
  if (res.status === 401) void apiRequest('/api/meta').catch(() => undefined);
  return new ApiError(res.status, message, undefined);
}

function saveFile(blob: Blob, name: string) {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(href), 30_000);
}

export function ExportButtons({ filters }: { filters: QueueFilters }) {
  const operator = useOperator();
  const tt = useTerritoryText();
  const announce = useAnnounce();
  const [busy, setBusy] = useState<Format | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  if (operator.role !== 'supervisor' && operator.role !== 'admin') return null;

  const download = async (format: Format) => {
    setBusy(format);
    setError(undefined);
    announce(tt('exportWorking'));
    try {
      let res: Response;
      try {
        res = await fetch(exportUrl(format, filters), { credentials: 'same-origin' });
      } catch {
        throw new ApiError(0, 'network', undefined);
      }
      if (!res.ok) throw await failure(res);
      const blob = await res.blob();
      const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `segnalazioni.${format}`;
      saveFile(blob, name);
      announce(tt('exportDone', { name, rows: res.headers.get('x-export-rows') ?? '?' }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <div className="export-buttons" role="group" aria-label={tt('exportGroup')} data-testid="export-buttons">
      <button
        type="button"
        className="button-secondary"
        onClick={() => void download('csv')}
        disabled={busy !== undefined}
        aria-describedby="export-hint"
        title={tt('exportHint')}
      >
        {busy === 'csv' ? tt('exportWorking') : tt('exportCsv')}
      </button>
      <button
        type="button"
        className="button-secondary"
        onClick={() => void download('geojson')}
        disabled={busy !== undefined}
        aria-describedby="export-hint"
        title={tt('exportHint')}
      >
        {busy === 'geojson' ? tt('exportWorking') : tt('exportGeojson')}
      </button>
      <span id="export-hint" className="sr-only">
        {tt('exportHint')}
      </span>
      {error ? <ErrorNotice error={error} /> : null}
    </div>
  );
}
