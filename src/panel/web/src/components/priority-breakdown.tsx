/** "Why this priority": each factor's points and the rule from the configured weights, as a table. */
import type { PriorityBreakdown as Breakdown } from '../api/confirmation.types';
import { useI18n } from '../i18n/i18n';

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '0');

export function PriorityBreakdown({ breakdown }: { breakdown: Breakdown }) {
  const { t } = useI18n();
  return (
    <section className="panel-section" aria-labelledby="priority-why-title" id="priority-why" data-testid="priority-why">
      <h2 id="priority-why-title">{t('priorityWhyTitle')}</h2>
      <table className="data-table priority-why">
        <caption className="sr-only">{t('priorityWhyCaption', { score: breakdown.score })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('priorityWhyFactor')}</th>
            <th scope="col" className="num">
              {t('priorityWhyPoints')}
            </th>
            <th scope="col">{t('priorityWhyRule')}</th>
          </tr>
        </thead>
        <tbody>
          {breakdown.factors.map((f) => (
            <tr key={f.factor} data-factor={f.factor}>
              <th scope="row">{f.label}</th>
              <td className="num">{signed(f.points)}</td>
              <td className="hint">{f.rule}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('priorityWhyTotal')}</th>
            <td className="num" data-testid="priority-why-total">
              {breakdown.score}
            </td>
            <td className="hint">
              {breakdown.total !== breakdown.score ? t('priorityWhyClamped', { total: breakdown.total, score: breakdown.score }) : null}
            </td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
