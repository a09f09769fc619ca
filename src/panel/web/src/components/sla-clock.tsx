/** A report's first-action target: a countdown in service time, overdue in red, or met/missed once acted on. */
import type { ReportSummary } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { useShiftText } from '../i18n/shift.dictionary';
import { formatDuration } from '../lib/format';

export function SlaClock({ sla }: { sla: ReportSummary['sla'] }) {
  const st = useShiftText();
  const { language } = useI18n();
  if (!sla) return null;
  const text = sla.stopped
    ? sla.breached
      ? st('slaMissed')
      : st('slaMet')
    : sla.breached
      ? st('slaOver', { time: formatDuration(-sla.remainingMs, language) })
      : st('slaLeft', { time: formatDuration(sla.remainingMs, language) });
  return (
    <span
      className={`sla ${sla.breached ? 'sla-breached' : 'sla-ok'}`}
      title={st('slaTarget', { minutes: sla.targetMinutes })}
      data-testid="sla"
    >
      {text}
    </span>
  );
}
