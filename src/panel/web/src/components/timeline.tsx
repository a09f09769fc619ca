/**
 * Every event of a report, newest first (the latest action is what an agent looks for): what the
 * citizen wrote, what the bot said, what agents did.
 */
import type { TimelineEntry } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { useShiftText } from '../i18n/shift.dictionary';
import { formatDateTime } from '../lib/format';
import { StatusBadge } from './status-badge';
import { REPORT_STATUSES } from '../../../../domain/report';
import type { ReportStatus } from '../api/types';

const isStatus = (s: string | undefined): s is ReportStatus => !!s && (REPORT_STATUSES as readonly string[]).includes(s);

export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  const { t, language } = useI18n();
  const st = useShiftText();
  if (!entries.length) return <p>{t('timelineEmpty')}</p>;
  const kindLabel = { inbound: t('kindInbound'), outbound: t('kindOutbound'), action: t('kindAction'), note: st('kindNote') } as const;
  return (
    <ol className="timeline" data-testid="timeline" reversed>
      {[...entries].reverse().map((e, i) => (
        <li key={`${e.at}-${i}`} className={`timeline-item kind-${e.kind}`}>
          <div className="timeline-meta">
            <time dateTime={e.at}>{formatDateTime(e.at, language)}</time>
            <span className="timeline-kind">{kindLabel[e.kind] ?? e.kind}</span>
            {e.actor ? <span className="timeline-actor">{e.actor}</span> : null}
            {isStatus(e.state) ? <StatusBadge status={e.state} /> : null}
          </div>
          <p className="timeline-text">{e.text}</p>
          {e.audioUrl ? <audio className="timeline-audio" controls preload="none" src={e.audioUrl} aria-label={e.text} /> : null}
        </li>
      ))}
    </ol>
  );
}
