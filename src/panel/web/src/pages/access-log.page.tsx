/** Supervisors' and admins' view of who saw a citizen's identity or photos, when and why, with a CSV. */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { apiRequest, toQuery } from '../api/client';
import { ErrorNotice } from '../components/error-notice';
import { PageHeading } from '../components/page-heading';
import { useAccountText, type AccountKey } from '../i18n/account.dictionary';
import { formatDateTime } from '../lib/format';
import { Link } from '../lib/router';
import { useI18n } from '../i18n/i18n';
import { useMeta } from '../lib/meta';

type AccessRow = {
  at: string;
  actor: string;
  actorName: string;
  actorRole: string;
  action: string;
  reportId: string;
  reason: string;
  photo: string;
};
type Filters = { action: string; actor: string; from: string; to: string };

const ACTION_LABELS: Record<string, AccountKey> = {
  'identity.reveal': 'accessReveal',
  'identity.reveal_refused': 'accessRefused',
  'photo.view': 'accessPhoto',
  'photo.sent_to_unit': 'accessPhotoToUnit',
  'voice.view': 'accessVoice',
};

export function AccessLogPage() {
  const at = useAccountText();
  const { language } = useI18n();
  const meta = useMeta();
  const [filters, setFilters] = useState<Filters>({ action: '', actor: '', from: '', to: '' });
  const [applied, setApplied] = useState<Filters>(filters);
  const [rows, setRows] = useState<AccessRow[] | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const query = toQuery({ ...applied, actor: applied.actor.trim().toLowerCase() });
  const load = useCallback(() => {
    setError(undefined);
    apiRequest<{ events: AccessRow[] }>(`/api/audit/access${query}`).then((r) => setRows(r.events), setError);
  }, [query]);
  useEffect(load, [load]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setApplied(filters);
  };
  const set = (key: keyof Filters) => (e: { target: { value: string } }) => setFilters({ ...filters, [key]: e.target.value });
  return (
    <div className="access-log">
      <PageHeading>{at('accessTitle')}</PageHeading>
      <p>{at('accessIntro')}</p>
      {meta?.retention ? (
        <section className="panel-section" aria-labelledby="retention-title" data-testid="retention-policy">
          <h2 id="retention-title">{at('retentionTitle')}</h2>
          <p>
            {at('retentionPolicy', {
              messages: String(meta.retention.messagesDays),
              link: String(meta.retention.identityLinkMonths),
              photos: String(meta.retention.photosMonths),
              audit: String(meta.retention.auditYears),
            })}
          </p>
          <p className="hint">
            {meta.retention.lastRunAt ? at('retentionLastRun', { at: formatDateTime(meta.retention.lastRunAt, language) }) : at('retentionNever')}
          </p>
        </section>
      ) : null}
      <form className="filter-bar" onSubmit={submit}>
        <div className="field">
          <label htmlFor="access-action">{at('accessAction')}</label>
          <select id="access-action" value={filters.action} onChange={set('action')}>
            <option value="">{at('accessAll')}</option>
            {Object.entries(ACTION_LABELS).map(([value, key]) => (
              <option key={value} value={value}>
                {at(key)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="access-actor">{at('accessActor')}</label>
          <input id="access-actor" value={filters.actor} onChange={set('actor')} autoCapitalize="none" spellCheck={false} />
        </div>
        <div className="field">
          <label htmlFor="access-from">{at('accessFrom')}</label>
          <input id="access-from" type="date" value={filters.from} onChange={set('from')} />
        </div>
        <div className="field">
          <label htmlFor="access-to">{at('accessTo')}</label>
          <input id="access-to" type="date" value={filters.to} onChange={set('to')} />
        </div>
        <button type="submit" className="button-primary">
          {at('accessSearch')}
        </button>
        <a
          className="button-secondary"
          href={`/api/audit/access${toQuery({ ...applied, actor: applied.actor.trim().toLowerCase(), format: 'csv' })}`}
          download
        >
          {at('accessCsv')}
        </a>
      </form>
      {error ? <ErrorNotice error={error} /> : null}
      {rows && rows.length === 0 ? <p>{at('accessNone')}</p> : null}
      {rows && rows.length ? (
        <table className="data-table" data-testid="access-log">
          <thead>
            <tr>
              <th scope="col">{at('accessWhen')}</th>
              <th scope="col">{at('accessWho')}</th>
              <th scope="col">{at('accessAction')}</th>
              <th scope="col">{at('accessReport')}</th>
              <th scope="col">{at('accessReason')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={`${r.at}-${i}`}>
                <td>{formatDateTime(r.at, language)}</td>
                <td>
                  {r.actorName} ({r.actor})
                </td>
                <td>{ACTION_LABELS[r.action] ? at(ACTION_LABELS[r.action]) : r.action}</td>
                <td>{r.reportId ? <Link href={`/reports/${r.reportId}`}>{r.reportId.slice(-6)}</Link> : null}</td>
                <td>{r.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
