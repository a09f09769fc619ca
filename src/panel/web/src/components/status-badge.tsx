/** A report's status as a coloured label (colour is never the only cue: the text is always there). */
import type { ReportStatus } from '../api/types';
import { STATUS_LABELS } from '../i18n/dictionary';
import { useI18n } from '../i18n/i18n';

export function StatusBadge({ status }: { status: ReportStatus }) {
  const { language } = useI18n();
  return <span className={`status-badge status-${status}`}>{STATUS_LABELS[language][status] ?? status}</span>;
}
