/**
 * What an agent should know about the citizen behind a report without seeing who they are: insults
 * or threats in the description, data rights exercised through the bot, a withdrawn consent; and a
 * block for repeated abuse (a reason and a length; audited).
 */
import { useEffect, useState, type FormEvent } from 'react';
import { apiRequest } from '../api/client';
import type { ReportDetail } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { useShiftText, type ShiftKey } from '../i18n/shift.dictionary';
import { formatDateTime } from '../lib/format';
import { ErrorNotice } from './error-notice';

export function CitizenCarePanel({ report, onChanged }: { report: ReportDetail; onChanged(): void }) {
  const st = useShiftText();
  const { language } = useI18n();
  const [reason, setReason] = useState('');
  const [days, setDays] = useState('30');
  const [done, setDone] = useState<string | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const block = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      await apiRequest(`/api/reports/${encodeURIComponent(report.id)}/block-citizen`, {
        method: 'POST',
        body: { reason: reason.trim(), days: Number(days) },
      });
      setDone(st('blockDone', { days }));
      setReason('');
      setRefresh((n) => n + 1);
      onChanged();
    } catch (err) {
      setError(err);
    }
  };
  // Whether the citizen is blocked now (GET .../block-citizen), and lifting it early with a reason.
  const [blocked, setBlocked] = useState<{ until: string; reason: string; blockedMessages: number } | null>(null);
  const [unblockReason, setUnblockReason] = useState('');
  const [refresh, setRefresh] = useState(0);
  useEffect(() => {
    let live = true;
    apiRequest<{ block: { until: string; reason: string; blockedMessages: number } | null }>(
      `/api/reports/${encodeURIComponent(report.id)}/block-citizen`,
    ).then(
      (r) => live && setBlocked(r.block),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [report.id, refresh]);
  const unblock = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      await apiRequest(`/api/reports/${encodeURIComponent(report.id)}/unblock-citizen`, { method: 'POST', body: { reason: unblockReason.trim() } });
      setDone(st('unblockDone'));
      setUnblockReason('');
      setRefresh((n) => n + 1);
      onChanged();
    } catch (err) {
      setError(err);
    }
  };
  const abuse = report.abuseFlags ?? [];
  const rights = report.citizenRights ?? [];
  return (
    <section className="panel-section citizen-care" aria-labelledby="citizen-care-title" data-testid="citizen-care">
      <h2 id="citizen-care-title">{st('citizenTitle')}</h2>
      {abuse.length ? (
        <p className="notice notice-error" role="note">
          {st('abuseWarning', { what: abuse.map((a) => st(`abuse_${a}` as ShiftKey)).join(', ') })}
        </p>
      ) : null}
      {rights.length ? (
        <>
          <p>{st('rightsExercised')}</p>
          <ul>
            {rights.map((r) => (
              <li key={`${r.right}-${r.at}`}>
                {st(`right_${r.right}` as ShiftKey)} — {formatDateTime(r.at, language)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {report.citizenOptedOut ? <p className="notice notice-info">{st('optedOut')}</p> : null}
      {blocked ? (
        <form onSubmit={unblock} data-testid="citizen-blocked">
          <p className="notice notice-info">
            {st('blockedUntil', { until: formatDateTime(blocked.until, language), reason: blocked.reason, count: String(blocked.blockedMessages) })}
          </p>
          <div className="field">
            <label htmlFor="unblock-reason">{st('unblockReason')}</label>
            <input
              id="unblock-reason"
              required
              minLength={3}
              maxLength={500}
              value={unblockReason}
              onChange={(e) => setUnblockReason(e.target.value)}
            />
          </div>
          <button type="submit" className="button-secondary" disabled={unblockReason.trim().length < 3}>
            {st('unblockSubmit')}
          </button>
        </form>
      ) : null}
      <details>
        <summary>{st('blockTitle')}</summary>
        <p className="hint">{st('blockHint')}</p>
        <form onSubmit={block}>
          <div className="field">
            <label htmlFor="block-reason">{st('blockReason')}</label>
            <input id="block-reason" required minLength={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="block-days">{st('blockDays')}</label>
            <input id="block-days" type="number" min={1} max={365} required value={days} onChange={(e) => setDays(e.target.value)} />
          </div>
          <button type="submit" className="button-secondary" disabled={reason.trim().length < 3}>
            {st('blockSubmit')}
          </button>
        </form>
        {done ? (
          <p className="notice notice-success" role="status">
            {done}
          </p>
        ) : null}
        {error ? <ErrorNotice error={error} /> : null}
      </details>
    </section>
  );
}
