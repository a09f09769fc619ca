/**
 * Bulk triage: one action with one reason on the selected reports. Each report is acted on as if
 * alone (its own audit entry and citizen notice); the result says which could not be changed and why.
 */
import { useState, type FormEvent } from 'react';
import { apiRequest } from '../api/client';
import { OUTCOME_LABELS } from '../i18n/dictionary';
import { useI18n } from '../i18n/i18n';
import { useShiftText, type ShiftKey } from '../i18n/shift.dictionary';
import { useAnnounce } from '../lib/announcer';
import { ErrorNotice } from './error-notice';

type BulkAction = 'close' | 'reject' | 'mark_duplicate';
type BulkResult = { results: Array<{ reportId: string; ticketCode?: string; result: string }>; done: number };

export function BulkBar({ selected, onDone, onClear }: { selected: string[]; onDone(): void; onClear(): void }) {
  const st = useShiftText();
  const { language } = useI18n();
  const announce = useAnnounce();
  const [action, setAction] = useState<BulkAction>('reject');
  const [outcome, setOutcome] = useState('intervention_done');
  const [ticket, setTicket] = useState('');
  const [reason, setReason] = useState('');
  const [summary, setSummary] = useState<string[] | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const body = {
        action,
        reportIds: selected,
        reason: reason.trim(),
        ...(action === 'close' ? { outcome } : {}),
        ...(action === 'mark_duplicate' ? { duplicateOf: ticket.trim() } : {}),
      };
      const r = await apiRequest<BulkResult>('/api/reports/bulk', { method: 'POST', body });
      const lines = [
        st('bulkDone', { done: r.done, count: r.results.length }),
        ...r.results
          .filter((x) => x.result !== 'done')
          .map((x) => st('bulkSkipped', { ticket: x.ticketCode ?? x.reportId, why: st(`bulkWhy_${x.result}` as ShiftKey) })),
      ];
      setSummary(lines);
      announce(lines[0]);
      setReason('');
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="bulk-bar panel-section" aria-labelledby="bulk-title" data-testid="bulk-bar">
      <h2 id="bulk-title">{st('bulkTitle', { count: selected.length })}</h2>
      <form onSubmit={submit} className="filter-bar">
        <div className="field">
          <label htmlFor="bulk-action">{st('bulkAction')}</label>
          <select id="bulk-action" value={action} onChange={(e) => setAction(e.target.value as BulkAction)}>
            <option value="reject">{st('bulkReject')}</option>
            <option value="close">{st('bulkClose')}</option>
            <option value="mark_duplicate">{st('bulkMerge')}</option>
          </select>
        </div>
        {action === 'close' ? (
          <div className="field">
            <label htmlFor="bulk-outcome">{st('bulkOutcome')}</label>
            <select id="bulk-outcome" value={outcome} onChange={(e) => setOutcome(e.target.value)}>
              {Object.entries(OUTCOME_LABELS[language]).map(([code, label]) => (
                <option key={code} value={code}>
                  {label}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {action === 'mark_duplicate' ? (
          <div className="field">
            <label htmlFor="bulk-ticket">{st('bulkTicket')}</label>
            <input id="bulk-ticket" required placeholder="VIC-2026-000123" value={ticket} onChange={(e) => setTicket(e.target.value)} />
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="bulk-reason">{st('bulkReason')}</label>
          <input id="bulk-reason" required minLength={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
        <button type="submit" className="button-primary" disabled={busy || reason.trim().length < 3}>
          {st('bulkApply')}
        </button>
        <button type="button" className="button-secondary" onClick={onClear}>
          {st('bulkClear')}
        </button>
      </form>
      {summary ? (
        <ul role="status" data-testid="bulk-result">
          {summary.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
    </section>
  );
}
