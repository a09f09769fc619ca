/** The notes that mention the signed-in operator, newest first; opening the list marks them read. */
import { useCallback, useEffect, useState } from 'react';
import { apiRequest } from '../api/client';
import type { MentionNote } from '../api/types';
import { ErrorNotice } from '../components/error-notice';
import { PageHeading } from '../components/page-heading';
import { useI18n } from '../i18n/i18n';
import { useShiftText } from '../i18n/shift.dictionary';
import { formatDateTime } from '../lib/format';
import { useOperator } from '../lib/auth';
import { Link } from '../lib/router';
import { useReportEvents } from '../lib/server-events';

export function ForMePage() {
  const st = useShiftText();
  const { language } = useI18n();
  const me = useOperator();
  const [notes, setNotes] = useState<MentionNote[] | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const load = useCallback(() => {
    apiRequest<{ notes: MentionNote[] }>('/api/notes/for-me').then((r) => {
      setNotes(r.notes);
      // Seen now: the list keeps showing which were new until the next visit.
      if (r.notes.some((n) => n.unread)) void apiRequest('/api/notes/for-me/read', { method: 'POST' }).catch(() => undefined);
    }, setError);
  }, []);
  useEffect(load, [load]);
  useReportEvents((e) => {
    if (e.type === 'note.added' && e.mentions?.includes(me.username)) load();
  });
  return (
    <div className="for-me">
      <PageHeading>{st('forMeTitle')}</PageHeading>
      {error ? <ErrorNotice error={error} onRetry={load} /> : null}
      {notes && notes.length === 0 ? <p>{st('forMeEmpty')}</p> : null}
      {notes && notes.length ? (
        <ul className="mention-list" data-testid="for-me">
          {notes.map((n) => (
            <li key={n.id} className={n.unread ? 'is-unread' : undefined}>
              <p className="mention-meta">
                <time dateTime={n.at}>{formatDateTime(n.at, language)}</time>{' '}
                <Link href={`/reports/${encodeURIComponent(n.reportId)}`}>
                  {st('forMeBy', { name: n.authorName ?? n.author, ticket: n.ticketCode ?? '' })}
                </Link>
                {n.unread ? <span className="fresh-badge">{st('forMeUnread')}</span> : null}
              </p>
              <p className="mention-text">{n.text}</p>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
