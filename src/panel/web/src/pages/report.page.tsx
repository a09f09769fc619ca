/**
 * One report: facts, the citizen's description (always rendered as text), photos, map, actions,
 * the identity (hidden until revealed) and the timeline. Reloads itself when the report changes.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, apiRequest } from '../api/client';
import type { ReportDetailResponse } from '../api/types';
import { ActionPanel } from '../components/action-panel';
import { AuditPanel } from '../components/audit-panel';
import { ConfirmationsPanel } from '../components/confirmations-panel';
import { PriorityBreakdown } from '../components/priority-breakdown';
import { useOperator } from '../lib/auth';
import { ErrorNotice } from '../components/error-notice';
import { IdentityPanel } from '../components/identity-panel';
import { NotesPanel } from '../components/notes-panel';
import { CitizenCarePanel } from '../components/citizen-care-panel';
import { SlaClock } from '../components/sla-clock';
import { PageHeading } from '../components/page-heading';
import { categoryName, PriorityMeter } from '../components/queue-table';
import { ObservedWhen } from '../components/observed-when';
import { ReportMap } from '../components/report-map';
import { StatusBadge } from '../components/status-badge';
import { Timeline } from '../components/timeline';
import { CHANNEL_LABELS, OUTCOME_LABELS, RELIABILITY_LABELS, RESOLUTION_LABELS } from '../i18n/dictionary';
import { useI18n } from '../i18n/i18n';
import { formatDateTime, formatDuration } from '../lib/format';
import { useMeta } from '../lib/meta';
import { Link } from '../lib/router';
import { useReportEvents } from '../lib/server-events';

const REFETCH_DEBOUNCE_MS = 200;

export function ReportPage({ id }: { id: string }) {
  const { t, language } = useI18n();
  const meta = useMeta();
  const operator = useOperator();
  const [data, setData] = useState<ReportDetailResponse | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const seq = useRef(0);
  const debounce = useRef<number | undefined>(undefined);

  const load = useCallback(
    async (background = false) => {
      const mine = ++seq.current;
      try {
        const r = await apiRequest<ReportDetailResponse>(`/api/reports/${encodeURIComponent(id)}`, { background });
        if (mine !== seq.current) return;
        setData(r);
        setError(undefined);
      } catch (err) {
        if (mine === seq.current) setError(err);
      }
    },
    [id],
  );

  useEffect(() => {
    setData(undefined);
    void load();
  }, [load]);
  useReportEvents((e) => {
    if (e.reportId !== id) return;
    window.clearTimeout(debounce.current);
    debounce.current = window.setTimeout(() => void load(true), REFETCH_DEBOUNCE_MS);
  });
  useEffect(() => () => window.clearTimeout(debounce.current), []);

  if (error && !data) {
    const missing = error instanceof ApiError && (error.status === 404 || error.status === 400);
    return (
      <div className="report-page">
        <p>
          <Link href="/">← {t('backToQueue')}</Link>
        </p>
        <PageHeading>{missing ? t('notFoundTitle') : t('reportTitle', { ticket: '' })}</PageHeading>
        {missing ? <p>{t('notFoundText')}</p> : <ErrorNotice error={error} onRetry={() => void load()} />}
      </div>
    );
  }
  if (!data) return <p role="status">{t('loading')}</p>;

  const { report, timeline } = data;
  const wall = report.timeInQueue?.wallMs ?? report.waitingMs;
  const service = report.timeInQueue?.serviceMs ?? report.waitingServiceMs;
  return (
    <div className="report-page">
      <p className="back-link">
        <Link href="/">← {t('backToQueue')}</Link>
      </p>
      <div className="page-head">
        <PageHeading focusKey={id}>{t('reportTitle', { ticket: report.ticketCode })}</PageHeading>
        <span data-testid="report-status">
          <StatusBadge status={report.status} />
        </span>
        {report.assignee ? (
          <span className="assignee" data-testid="report-assignee">
            {t('fieldAssignee')}: <strong>{report.assignee}</strong>
          </span>
        ) : null}
        <SlaClock sla={report.sla} />
      </div>
      {error ? <ErrorNotice error={error} onRetry={() => void load()} /> : null}
      <div className="report-columns">
        <div className="report-main">
          <section className="panel-section" aria-labelledby="summary-title">
            <h2 id="summary-title">{t('summary')}</h2>
            <div className="summary-grid">
              <dl className="facts">
                <dt>{t('fieldCategory')}</dt>
                <dd>{categoryName(meta, report.categoryId, report.categoryLabel, language)}</dd>
                <dt>{t('fieldReliability')}</dt>
                <dd>{RELIABILITY_LABELS[language][report.reliability] ?? report.reliability}</dd>
                <dt>{t('fieldAddress')}</dt>
                <dd data-testid="report-address">{report.address ?? t('notAvailable')}</dd>
                <dt>{t('fieldZone')}</dt>
                <dd>{report.zoneName ?? report.zone ?? t('notAvailable')}</dd>
                <dt>{t('fieldChannel')}</dt>
                <dd>{CHANNEL_LABELS[language][report.channel] ?? report.channel}</dd>
                {report.observedWhen ? (
                  <>
                    <dt>{t('fieldObserved')}</dt>
                    <dd data-testid="report-observed">
                      <ObservedWhen observed={report.observedWhen} language={language} />
                    </dd>
                  </>
                ) : null}
                <dt>{t('fieldReceived')}</dt>
                <dd>
                  <time dateTime={report.createdAt}>{formatDateTime(report.createdAt, language)}</time>
                </dd>
                <dt>{t('fieldTimeInQueue')}</dt>
                <dd data-testid="time-in-queue">
                  {t('queueTimeValue', { wall: formatDuration(wall, language), service: formatDuration(service, language) })}
                </dd>
                <dt>{t('fieldPriority')}</dt>
                <dd>
                  <PriorityMeter value={report.priority} />
                  {data.priorityFactors ? (
                    <>
                      {' '}
                      <a href="#priority-why" className="priority-why-link">
                        {t('priorityWhyLink')}
                      </a>
                    </>
                  ) : null}
                </dd>
                {report.confirmations ? (
                  <>
                    <dt>{t('fieldConfirmations')}</dt>
                    <dd>{report.confirmations}</dd>
                  </>
                ) : null}
                {report.dispatch?.unit ? (
                  <>
                    <dt>{t('fieldDispatch')}</dt>
                    <dd>
                      {report.dispatch.unit}
                      {report.dispatch.note ? ` – ${report.dispatch.note}` : ''}
                    </dd>
                  </>
                ) : null}
                {report.outcome?.code ? (
                  <>
                    <dt>{t('fieldOutcome')}</dt>
                    <dd>
                      {OUTCOME_LABELS[language][report.outcome.code] ?? report.outcome.code}
                      {report.outcome.note ? ` – ${report.outcome.note}` : ''}
                    </dd>
                  </>
                ) : null}
                {report.resolutionCheck ? (
                  <>
                    <dt>{t('fieldResolution')}</dt>
                    <dd data-testid="resolution-answer">
                      {report.resolutionCheck.answer
                        ? RESOLUTION_LABELS[language][report.resolutionCheck.answer]
                        : t('resolutionAsked')}
                      {report.resolutionCheck.followUp ? ` → ${report.resolutionCheck.followUp}` : ''}
                    </dd>
                  </>
                ) : null}
                {report.followUpOf ? (
                  <>
                    <dt>{t('fieldFollowUpOf')}</dt>
                    <dd>{report.followUpOf}</dd>
                  </>
                ) : null}
                {report.duplicateOf ? (
                  <>
                    <dt>{t('fieldDuplicateOf')}</dt>
                    <dd>{report.duplicateOf}</dd>
                  </>
                ) : null}
              </dl>
              <ReportMap key={report.id} lat={report.lat} lng={report.lng} tileUrl={meta ? meta.mapTileUrl : undefined} />
            </div>
          </section>
          <section className="panel-section" aria-labelledby="description-title">
            <h2 id="description-title">{t('description')}</h2>
            {/* Text only: React escapes it; the citizen's words are never parsed as HTML. */}
            <p className="description" data-testid="report-description">
              {report.description || t('noDescription')}
            </p>
            {report.citizenInfo?.length ? (
              <>
                <h3>{t('citizenInfo')}</h3>
                <ul className="citizen-info" data-testid="citizen-info">
                  {report.citizenInfo.map((c, i) => (
                    <li key={`${c.at}-${i}`}>
                      <time dateTime={c.at}>{formatDateTime(c.at, language)}</time>
                      {c.text ? <p className="description">{c.text}</p> : null}
                      {c.photoUrl ? <img className="photo" src={c.photoUrl} alt={t('citizenPhotoAlt')} loading="lazy" /> : null}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>
          <ConfirmationsPanel confirmations={data.confirmations ?? []} />
          <section className="panel-section" aria-labelledby="photos-title">
            <h2 id="photos-title">{t('photos')}</h2>
            {report.photos?.length ? (
              <ul className="photos">
                {report.photos.map((p, i) => (
                  <li key={p.ref}>
                    <a href={p.url} target="_blank" rel="noopener noreferrer">
                      <img className="photo" src={p.url} alt={t('photoAlt', { n: i + 1 })} loading="lazy" />
                    </a>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="hint">{t('noPhotos')}</p>
            )}
          </section>
          {data.priorityFactors ? <PriorityBreakdown breakdown={data.priorityFactors} /> : null}
        </div>
        <aside className="report-side" aria-label={t('actionsTitle')}>
          <ActionPanel report={report} onChanged={() => load()} />
          <IdentityPanel key={report.id} reportId={report.id} />
          <NotesPanel reportId={report.id} onAdded={() => void load(true)} />
          <CitizenCarePanel report={report} onChanged={() => void load(true)} />
          <section className="panel-section" aria-labelledby="timeline-title">
            <h2 id="timeline-title">{t('timeline')}</h2>
            <Timeline entries={timeline} />
          </section>
          {operator.role === 'supervisor' || operator.role === 'admin' ? (
            <AuditPanel reportId={report.id} version={report.version} />
          ) : null}
        </aside>
      </div>
    </div>
  );
}
