/**
 * The agent's actions on a report, offered according to the domain's transition table. "Take in
 * charge" is one click; the others open a small form. Every request carries the version the agent
 * saw, so a stale edit is refused (409) and explained, and the report is reloaded.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { OUTCOMES, TRANSITIONS } from '../../../../domain/report';
import { ACTION_TEXT_LIMITS } from '../../../report-action.limits';
import { ApiError, apiRequest } from '../api/client';
import type { ActionRequest, Outcome, PanelAction, ReportDetail } from '../api/types';
import { OUTCOME_LABELS, STATUS_LABELS, type MessageKey } from '../i18n/dictionary';
import { useI18n } from '../i18n/i18n';
import { useAnnounce } from '../lib/announcer';
import { useMeta } from '../lib/meta';
import { useShiftText } from '../i18n/shift.dictionary';
import { DispatchPhoneFields } from './dispatch-phone-fields';

type TemplateOption = { id: string; name: string; preview: string };

/** The reply templates that fit this report (and outcome), previewed in the citizen's language. */
function useTemplates(reportId: string, purpose: 'ask_info' | 'close' | undefined, outcome: string | undefined): TemplateOption[] {
  const [list, setList] = useState<TemplateOption[]>([]);
  useEffect(() => {
    if (!purpose) return;
    const q = new URLSearchParams({ purpose, reportId, ...(outcome ? { outcome } : {}) });
    apiRequest<{ templates: TemplateOption[] }>(`/api/templates?${q}`).then(
      (r) => setList(r.templates),
      () => setList([]),
    );
  }, [reportId, purpose, outcome]);
  return list;
}

const ACTIONS: PanelAction[] = ['take', 'ask_info', 'dispatch', 'close', 'reject', 'mark_duplicate', 'reopen', 'assign', 'release'];
const TICKET = /^VIC-\d{4}-\d{6}$/;

export const ACTION_LABEL: Record<PanelAction, MessageKey> = {
  take: 'actionTake',
  ask_info: 'actionAskInfo',
  dispatch: 'actionDispatch',
  close: 'actionClose',
  reject: 'actionReject',
  mark_duplicate: 'actionMarkDuplicate',
  reopen: 'actionReopen',
  assign: 'actionAssign',
  release: 'actionRelease',
};

type Result = { kind: 'done' | 'conflict' | 'error'; text: string; detail?: string };

type Props = { report: ReportDetail; onChanged(): Promise<void> | void };

export function ActionPanel({ report, onChanged }: Props) {
  const { t, language } = useI18n();
  const announce = useAnnounce();
  const [open, setOpen] = useState<PanelAction | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | undefined>(undefined);
  const resultRef = useRef<HTMLDivElement>(null);
  const available = ACTIONS.filter((a) => TRANSITIONS[a].from.includes(report.status));

  // A form for an action that is no longer possible (the report changed) closes by itself.
  useEffect(() => {
    if (open && !available.includes(open)) setOpen(undefined);
  }, [open, available]);
  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  const perform = async (body: ActionRequest) => {
    setBusy(true);
    setResult(undefined);
    const label = t(ACTION_LABEL[body.action]);
    try {
      const r = await apiRequest<{ report: ReportDetail }>(`/api/reports/${encodeURIComponent(report.id)}/actions`, {
        method: 'POST',
        body: { ...body, version: report.version },
      });
      setOpen(undefined);
      const status = STATUS_LABELS[language][r.report?.status ?? report.status];
      const text = t('actionDone', { action: label, status });
      setResult({ kind: 'done', text });
      announce(text);
      await onChanged();
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        setOpen(undefined);
        setResult({ kind: 'conflict', text: err.message, detail: t('conflictReloaded') });
        await onChanged();
      } else {
        setResult({ kind: 'error', text: err instanceof ApiError && err.status === 0 ? t('networkError') : (err as Error).message });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel-section actions" aria-labelledby="actions-title">
      <h2 id="actions-title">{t('actionsTitle')}</h2>
      {result ? (
        <div
          ref={resultRef}
          tabIndex={-1}
          className={`notice ${result.kind === 'done' ? 'notice-success' : 'notice-error'}`}
          role={result.kind === 'done' ? 'status' : 'alert'}
          data-testid="action-result"
        >
          {result.kind === 'conflict' ? <strong>{t('conflictTitle')}: </strong> : null}
          <span>{result.text}</span>
          {result.detail ? <span> {result.detail}</span> : null}
        </div>
      ) : null}
      {available.length === 0 ? <p className="hint">{t('noActions')}</p> : null}
      <div className="action-buttons">
        {available.map((a) =>
          a === 'take' ? (
            <button key={a} type="button" className="button-primary" disabled={busy} onClick={() => void perform({ action: 'take' })}>
              {t('actionTake')}
            </button>
          ) : (
            <button
              key={a}
              type="button"
              className={open === a ? 'button-secondary is-active' : 'button-secondary'}
              aria-expanded={open === a}
              aria-controls={`action-form-${a}`}
              disabled={busy}
              onClick={() => setOpen(open === a ? undefined : a)}
            >
              {t(ACTION_LABEL[a])}
            </button>
          ),
        )}
      </div>
      {open && open !== 'take' ? (
        <ActionForm
          key={open}
          reportId={report.id}
          action={open}
          busy={busy}
          onCancel={() => setOpen(undefined)}
          onSubmit={(b) => void perform(b)}
        />
      ) : null}
    </section>
  );
}

function Field({ id, label, hint, children }: { id: string; label: string; hint?: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

type FormProps = {
  reportId: string;
  action: Exclude<PanelAction, 'take'>;
  busy: boolean;
  onCancel(): void;
  onSubmit(body: ActionRequest): void;
};

function ActionForm({ reportId, action, busy, onCancel, onSubmit }: FormProps) {
  const { t, language } = useI18n();
  const st = useShiftText();
  const uid = useId();
  const [text, setText] = useState('');
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const meta = useMeta();
  const [assignTo, setAssignTo] = useState<'operator' | 'team'>('operator');
  const [target, setTarget] = useState('');
  const [templateId, setTemplateId] = useState('');
  const [unitOperator, setUnitOperator] = useState('');
  const [sendPhoto, setSendPhoto] = useState(false);
  const templates = useTemplates(reportId, action === 'ask_info' || action === 'close' ? action : undefined, outcome || undefined);
  const chosen = templates.find((x) => x.id === templateId);
  const [invalid, setInvalid] = useState<string | undefined>(undefined);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('input, textarea, select')?.focus();
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const value = text.trim();
    const optionalNote = note.trim() || undefined;
    setInvalid(undefined);
    if (action === 'close' && !outcome) return setInvalid(t('required'));
    // A question may come from a reply template instead of the text box.
    if (
      ['ask_info', 'dispatch', 'reject', 'mark_duplicate', 'assign', 'release'].includes(action) &&
      !value &&
      !(action === 'ask_info' && chosen)
    )
      return setInvalid(t('required'));
    if (action === 'assign' && !target) return setInvalid(t('required'));
    if (action === 'mark_duplicate' && !TICKET.test(value.toUpperCase())) return setInvalid(t('ticketFormat'));
    switch (action) {
      case 'ask_info':
        return onSubmit(chosen ? { action, templateId: chosen.id } : { action, message: value });
      case 'dispatch':
        return onSubmit({ action, unit: value, note: optionalNote, ...(unitOperator ? { unitOperator, sendPhoto } : {}) });
      case 'close':
        return onSubmit({ action, outcome: outcome as Outcome, note: optionalNote, ...(chosen ? { templateId: chosen.id } : {}) });
      case 'reject':
        return onSubmit({ action, reason: value });
      case 'mark_duplicate':
        return onSubmit({ action, duplicateOf: value.toUpperCase() });
      case 'reopen':
        return onSubmit({ action, note: optionalNote });
      case 'assign':
        return onSubmit(assignTo === 'operator' ? { action, assignee: target, reason: value } : { action, team: target, reason: value });
      case 'release':
        return onSubmit({ action, reason: value });
    }
  };

  const id = (name: string) => `${uid}-${name}`;
  const errorId = id('error');
  const describedBy = invalid ? errorId : undefined;
  const label = t(ACTION_LABEL[action]);

  return (
    <form ref={formRef} id={`action-form-${action}`} className="action-form" onSubmit={submit} aria-label={label} noValidate>
      {(action === 'ask_info' || action === 'close') && templates.length ? (
        <Field id={id('template')} label={st('templateLabel')} hint={chosen ? st('templatePreview', { text: chosen.preview }) : undefined}>
          <select id={id('template')} value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
            <option value="">{st('templateNone')}</option>
            {templates.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      {action === 'ask_info' && !chosen ? (
        <Field id={id('message')} label={t('fieldMessage')} hint={t('fieldMessageHint')}>
          <textarea
            id={id('message')}
            name="message"
            rows={3}
            maxLength={ACTION_TEXT_LIMITS.message}
            required
            aria-invalid={!!invalid}
            aria-describedby={[`${id('message')}-hint`, describedBy].filter(Boolean).join(' ')}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </Field>
      ) : null}
      {action === 'dispatch' ? (
        <Field id={id('unit')} label={t('fieldUnit')}>
          <input
            id={id('unit')}
            name="unit"
            maxLength={ACTION_TEXT_LIMITS.unit}
            required
            aria-invalid={!!invalid}
            aria-describedby={describedBy}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </Field>
      ) : null}
      {action === 'dispatch' ? (
        <DispatchPhoneFields idPrefix={uid} unit={unitOperator} sendPhoto={sendPhoto} onUnit={setUnitOperator} onSendPhoto={setSendPhoto} />
      ) : null}
      {action === 'close' ? (
        <fieldset className="field" aria-describedby={describedBy}>
          <legend>{t('fieldOutcomeChoice')}</legend>
          {OUTCOMES.map((o) => (
            <label key={o} className="radio">
              <input type="radio" name="outcome" value={o} checked={outcome === o} onChange={() => setOutcome(o)} required />
              {OUTCOME_LABELS[language][o]}
            </label>
          ))}
        </fieldset>
      ) : null}
      {action === 'assign' ? (
        <>
          <fieldset className="field">
            <legend>{t('fieldAssignTo')}</legend>
            {(['operator', 'team'] as const).map((k) => (
              <label key={k} className="radio">
                <input
                  type="radio"
                  name="assign-to"
                  checked={assignTo === k}
                  onChange={() => {
                    setAssignTo(k);
                    setTarget('');
                  }}
                />
                {t(k === 'operator' ? 'assignToOperator' : 'assignToTeam')}
              </label>
            ))}
          </fieldset>
          <Field id={id('target')} label={t(assignTo === 'operator' ? 'fieldOperator' : 'fieldTeam')} hint={t('assignHint')}>
            <select
              id={id('target')}
              required
              value={target}
              onChange={(e) => setTarget(e.target.value)}
              aria-describedby={`${id('target')}-hint`}
            >
              <option value="" />
              {assignTo === 'operator'
                ? (meta?.operators ?? []).map((o) => (
                    <option key={o.username} value={o.username}>
                      {o.displayName}
                      {o.team ? ` (${meta?.teams.find((x) => x.id === o.team)?.name[language] ?? o.team})` : ''}
                    </option>
                  ))
                : (meta?.teams ?? []).map((x) => (
                    <option key={x.id} value={x.id}>
                      {x.name[language]}
                    </option>
                  ))}
            </select>
          </Field>
        </>
      ) : null}
      {action === 'reject' || action === 'assign' || action === 'release' ? (
        <Field id={id('reason')} label={t('fieldReason')}>
          <textarea
            id={id('reason')}
            name="reason"
            rows={2}
            maxLength={ACTION_TEXT_LIMITS.reason}
            required
            aria-invalid={!!invalid}
            aria-describedby={describedBy}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </Field>
      ) : null}
      {action === 'mark_duplicate' ? (
        <Field id={id('dup')} label={t('fieldDuplicateTicket')} hint={t('fieldDuplicateHint')}>
          <input
            id={id('dup')}
            name="duplicateOf"
            placeholder="VIC-2026-000001"
            autoCapitalize="characters"
            spellCheck={false}
            required
            aria-invalid={!!invalid}
            aria-describedby={[`${id('dup')}-hint`, describedBy].filter(Boolean).join(' ')}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </Field>
      ) : null}
      {action === 'dispatch' || action === 'close' || action === 'reopen' ? (
        <Field id={id('note')} label={t('fieldNote')}>
          <textarea
            id={id('note')}
            name="note"
            rows={2}
            maxLength={ACTION_TEXT_LIMITS.note}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </Field>
      ) : null}
      {invalid ? (
        <p className="field-error" id={errorId} role="alert">
          {invalid}
        </p>
      ) : null}
      <div className="form-buttons">
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? t('working') : t('confirmAction', { action: label })}
        </button>
        <button type="button" className="button-link" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
