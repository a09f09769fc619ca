/** "For me" in the navigation, with the number of unread mentions, kept current by the live events. */
import { useCallback, useEffect, useState } from 'react';
import { apiRequest } from '../api/client';
import { useShiftText } from '../i18n/shift.dictionary';
import { useOperator } from '../lib/auth';
import { Link, useRouter } from '../lib/router';
import { useReportEvents } from '../lib/server-events';

export function ForMeLink() {
  const st = useShiftText();
  const me = useOperator();
  const { route } = useRouter();
  const [unread, setUnread] = useState(0);
  const load = useCallback(() => {
    apiRequest<{ unread: number }>('/api/notes/for-me/count', { background: true }).then(
      (r) => setUnread(r.unread),
      () => undefined,
    );
  }, []);
  useEffect(load, [load, route.page]);
  useReportEvents((e) => {
    if (e.type === 'note.added' && e.mentions?.includes(me.username)) load();
  });
  return (
    <Link href="/per-me" aria-current={route.page === 'for-me' ? 'page' : undefined}>
      {unread ? st('navForMeUnread', { count: unread }) : st('navForMe')}
    </Link>
  );
}
