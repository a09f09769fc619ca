/**
 * Advisories (supervisors and admins): write one for chosen zones, confirm, send; then follow the
 * advisories sent with the state of their background send and their delivery counts. The send
 * carries an Idempotency-Key kept until it is accepted, so retrying after a network error never
 * sends the advisory twice. The server sends it to the subscribers in the background: the page
 * follows it ("in invio" until done) by refreshing the list, quickly while one is still sending.
 */
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { apiRequest } from '../api/client';
import type { AdvisoryDelivery, AdvisoryItem, AdvisoryList, AdvisoryState } from '../api/advisory.types';
import { ErrorNotice, errorText } from '../components/error-notice';
import { ForbiddenNotice } from '../components/forbidden-notice';
import { PageHeading } from '../components/page-heading';
import type { MessageKey } from '../i18n/dictionary';
import { useI18n } from '../i18n/i18n';
import { useAnnounce } from '../lib/announcer';
import { useOperator } from '../lib/auth';
import { formatDateTime } from '../lib/format';
import { useMeta } from '../lib/meta';

/** The server's limit (src/domain/advisory.ts ADVISORY_MAX_CHARS). */
const MAX_CHARS = 1000;
/** The counts move while messages go out: the list refreshes itself (as a background request). */
const LIST_REFRESH_MS = 10_000;
/** While an advisory is still being sent to its subscribers, its state is refreshed sooner. */
const SENDING_REFRESH_MS = 2_000;

const STATE_LABEL: Record<AdvisoryState, MessageKey> = {
  sending: 'advisoryStateSending',
  sent: 'advisoryStateSent',
  failed: 'advisoryStateFailed',
};

const DELIVERY: Array<[keyof AdvisoryDelivery, MessageKey]> = [
  ['queued', 'deliveryQueued'],
  ['sent', 'deliverySent'],
  ['delivered', 'deliveryDelivered'],
  ['read', 'deliveryRead'],
  ['failed', 'deliveryFailed'],
  ['undeliverable', 'deliveryUndeliverable'],
];

const newKey = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`);

export function AdvisoriesPage() {
  const { t } = useI18n();
  const operator = useOperator();
  if (operator.role !== 'supervisor' && operator.role !== 'admin') return <ForbiddenNotice />;
  return (
    <div className="advisories-page">
      <PageHeading>{t('advisoriesTitle')}</PageHeading>
      <p className="hint">{t('advisoriesIntro')}</p>
      <AdvisoriesWorkspace />
    </div>
  );
}

/** The list of advisories, refreshed every LIST_REFRESH_MS, every SENDING_REFRESH_MS while one is sending. */
function useAdvisoryList() {
  const [list, setList] = useState<AdvisoryList | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  // Only the latest request's answer is shown (a slow background refresh never undoes a newer one).
  const latest = useRef(0);
  const load = useCallback(async (background = false) => {
    const mine = ++latest.current;
    try {
      const got = await apiRequest<AdvisoryList>('/api/advisories?limit=50', { background });
      if (mine !== latest.current) return;
      setList(got);
      setError(undefined);
    } catch (err) {
      if (mine === latest.current) setError(err);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  const sending = list?.items.some((a) => a.state === 'sending') ?? false;
  useEffect(() => {
    const id = window.setInterval(() => void load(true), sending ? SENDING_REFRESH_MS : LIST_REFRESH_MS);
    return () => window.clearInterval(id);
  }, [load, sending]);
  return { list, error, load };
}

function AdvisoriesWorkspace() {
  const { list, error, load } = useAdvisoryList();
  return (
    <>
      <ComposeAdvisory listed={list?.items} onSent={() => void load()} />
      <AdvisoryListSection list={list} error={error} load={load} />
    </>
  );
}

type SentAdvisory = { advisory: AdvisoryItem; key: string; body: { zones: string[]; text: string } };

function ComposeAdvisory({ listed, onSent }: { listed: AdvisoryItem[] | undefined; onSent(): void }) {
  const { t } = useI18n();
  const meta = useMeta();
  const announce = useAnnounce();
  const ids = useId();
  const [zones, setZones] = useState<string[]>([]);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  // The last advisory sent from here, followed until its background send is done.
  const [sent, setSent] = useState<SentAdvisory | undefined>(undefined);
  // One key per advisory being sent: a retry of the same send reuses it.
  const requestKey = useRef<string | undefined>(undefined);
  const confirmRef = useRef<HTMLDivElement>(null);

  const allZones = meta?.zones ?? [];
  const zoneName = (id: string) => allZones.find((z) => z.id === id)?.name ?? id;
  const length = text.trim().length;

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  // The list holds the newest state of the advisory sent (the POST's answer until it is listed).
  const current = sent ? (listed?.find((a) => a.id === sent.advisory.id) ?? sent.advisory) : undefined;
  const progress = current ? progressText(current, t) : undefined;
  useEffect(() => {
    if (progress) announce(progress);
  }, [progress, announce]);

  const toggle = (id: string, on: boolean) => {
    setZones((current) => (on ? [...new Set([...current, id])] : current.filter((z) => z !== id)));
    requestKey.current = undefined;
  };

  const review = (e: FormEvent) => {
    e.preventDefault();
    setSent(undefined);
    setError(undefined);
    const why =
      zones.length === 0
        ? t('advisoryZonesRequired')
        : length === 0
          ? t('advisoryTextRequired')
          : length > MAX_CHARS
            ? t('advisoryTextTooLong', { max: MAX_CHARS })
            : undefined;
    setProblem(why);
    if (why) return;
    requestKey.current ??= newKey();
    setConfirming(true);
  };

  const post = (key: string, body: SentAdvisory['body']) =>
    apiRequest<{ advisory: AdvisoryItem }>('/api/advisories', { method: 'POST', body, headers: { 'Idempotency-Key': key } });

  const send = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const key = requestKey.current ?? newKey();
      const body = { zones, text: text.trim() };
      const r = await post(key, body);
      // Accepted: the server sends it in the background; the notice follows it.
      setSent({ advisory: r.advisory, key, body });
      setZones([]);
      setText('');
      setConfirming(false);
      requestKey.current = undefined;
      onSent();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  /** The background send gave up: the same send again (same key: nobody receives it twice). */
  const sendAgain = async () => {
    if (!sent) return;
    setBusy(true);
    setError(undefined);
    try {
      const r = await post(sent.key, sent.body);
      setSent({ ...sent, advisory: r.advisory });
      onSent();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel-section" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('advisoryComposeTitle')}</h2>
      {current && progress ? (
        <div
          className={`notice ${current.state === 'sent' ? 'notice-success' : current.state === 'failed' ? 'notice-error' : 'notice-info'}`}
          data-testid="advisory-progress"
          data-fanout={current.state}
        >
          <p>{progress}</p>
          {current.state === 'failed' ? (
            <>
              {error && !confirming ? <p>{errorText(error, t)}</p> : null}
              <button type="button" onClick={() => void sendAgain()} disabled={busy}>
                {busy ? t('working') : t('advisorySendAgain')}
              </button>
            </>
          ) : null}
        </div>
      ) : null}
      <form onSubmit={review} noValidate className="advisory-form">
        <fieldset disabled={confirming || busy}>
          <legend>{t('advisoryZones')}</legend>
          <p className="hint" id={`${ids}-zones-hint`}>
            {t('advisoryZonesHint')}
          </p>
          <div className="advisory-zone-tools">
            <button type="button" className="button-link" onClick={() => setZones(allZones.map((z) => z.id))}>
              {t('advisoryAllZones')}
            </button>
            <button type="button" className="button-link" onClick={() => setZones([])}>
              {t('advisoryNoZones')}
            </button>
          </div>
          <ul className="advisory-zones" aria-describedby={`${ids}-zones-hint`} data-testid="advisory-zones">
            {allZones.map((z) => (
              <li key={z.id}>
                <label>
                  <input type="checkbox" value={z.id} checked={zones.includes(z.id)} onChange={(e) => toggle(z.id, e.target.checked)} />{' '}
                  {z.name}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <div className="field">
          <label htmlFor={`${ids}-text`}>{t('advisoryText')}</label>
          <p className="hint" id={`${ids}-text-hint`}>
            {t('advisoryTextHint')}
          </p>
          <textarea
            id={`${ids}-text`}
            rows={5}
            value={text}
            maxLength={MAX_CHARS}
            disabled={confirming || busy}
            aria-describedby={`${ids}-text-hint ${ids}-counter`}
            onChange={(e) => {
              setText(e.target.value);
              requestKey.current = undefined;
            }}
            data-testid="advisory-text"
          />
          <p className={`counter${length > MAX_CHARS * 0.9 ? ' counter-near' : ''}`} id={`${ids}-counter`} data-testid="advisory-counter">
            {t('advisoryCounter', { count: length, max: MAX_CHARS })}
          </p>
        </div>
        {problem ? (
          <p className="notice notice-error" role="alert">
            {problem}
          </p>
        ) : null}
        {!confirming ? <button type="submit">{t('advisoryReview')}</button> : null}
      </form>
      {confirming ? (
        <div
          className="advisory-confirm"
          role="group"
          aria-labelledby={`${ids}-confirm-title`}
          tabIndex={-1}
          ref={confirmRef}
          data-testid="advisory-confirm"
        >
          <h3 id={`${ids}-confirm-title`}>{t('advisoryConfirmTitle')}</h3>
          <p>{t('advisoryConfirmText', { zones: zones.map(zoneName).join(', ') })}</p>
          <blockquote className="description">{text.trim()}</blockquote>
          {error ? (
            <p className="notice notice-error" role="alert">
              {errorText(error, t)}
            </p>
          ) : null}
          <div className="button-row">
            <button type="button" onClick={() => void send()} disabled={busy}>
              {busy ? t('working') : t('advisorySend')}
            </button>
            <button type="button" className="button-secondary" onClick={() => setConfirming(false)} disabled={busy}>
              {t('cancel')}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}

/** What the sender reads about their advisory's background send. */
function progressText(a: AdvisoryItem, t: ReturnType<typeof useI18n>['t']): string {
  if (a.state === 'sending') return t('advisorySending', { zones: a.zoneNames.join(', ') });
  if (a.state === 'failed') return t('advisorySendFailed');
  const sentText = t('advisorySent', { count: a.recipients });
  return a.failedRecipients > 0 ? `${sentText} ${t('advisoryNoChat', { count: a.failedRecipients })}` : sentText;
}

function AdvisoryListSection({ list, error, load }: ReturnType<typeof useAdvisoryList>) {
  const { t, language } = useI18n();

  return (
    <section className="panel-section" aria-labelledby="advisories-list-title">
      <div className="section-head">
        <h2 id="advisories-list-title">{t('advisoriesListTitle')}</h2>
        <button type="button" className="button-secondary" onClick={() => void load()}>
          {t('refresh')}
        </button>
      </div>
      {error ? <ErrorNotice error={error} onRetry={() => void load()} /> : null}
      {!list && !error ? <p role="status">{t('loading')}</p> : null}
      {list && list.items.length === 0 ? <p>{t('advisoriesNone')}</p> : null}
      {list && list.items.length > 0 ? (
        <table className="data-table advisories-table" data-testid="advisories-table">
          <caption className="sr-only">{t('advisoriesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('colSentAt')}</th>
              <th scope="col">{t('colZones')}</th>
              <th scope="col">{t('colText')}</th>
              <th scope="col">{t('colAuthor')}</th>
              <th scope="col">{t('colSendState')}</th>
              <th scope="col" className="num">
                {t('colRecipients')}
              </th>
              <th scope="col">{t('colDelivery')}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((a) => (
              <tr key={a.id} data-advisory={a.id}>
                <th scope="row">
                  <time dateTime={a.createdAt}>{formatDateTime(a.createdAt, language)}</time>
                </th>
                <td>{a.zoneNames.join(', ')}</td>
                <td className="advisory-text">{a.text}</td>
                <td>{a.authorName}</td>
                <td>
                  <span className={`advisory-state advisory-state-${a.state}`} data-fanout={a.state}>
                    {t(STATE_LABEL[a.state] ?? 'advisoryStateSent')}
                  </span>
                </td>
                <td className="num">
                  {a.state === 'sent' ? a.recipients : '–'}
                  {a.state === 'sent' && a.failedRecipients > 0 ? (
                    <span className="advisory-no-chat">{t('advisoryNoChatShort', { count: a.failedRecipients })}</span>
                  ) : null}
                </td>
                <td>
                  <ul className="delivery-counts">
                    {DELIVERY.filter(([state]) => (a.delivery?.[state] ?? 0) > 0 || state === 'sent').map(([state, label]) => (
                      <li key={state} data-state={state} className={`delivery-${state}`}>
                        {t(label)}: <strong>{a.delivery?.[state] ?? 0}</strong>
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
