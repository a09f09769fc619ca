/** The zones by weight, with received reports and the trend against the previous window. */
import type { HotZone } from '../api/territory.types';
import { useI18n } from '../i18n/i18n';
import { useTerritoryText, type TerritoryTranslate } from '../i18n/territory.dictionary';

/** "+100%", "−25%": the sign is part of what the supervisor reads. */
export function formatTrend(trend: number, language: 'it' | 'en'): string {
  const pct = new Intl.NumberFormat(language === 'it' ? 'it-IT' : 'en-GB', {
    style: 'percent',
    maximumFractionDigits: 0,
    signDisplay: 'exceptZero',
  });
  return pct.format(trend).replace('-', '−');
}

function Trend({ zone, tt, language }: { zone: HotZone; tt: TerritoryTranslate; language: 'it' | 'en' }) {
  const detail = tt('trendDetail', { previous: zone.previousWeighted, current: zone.weighted });
  if (zone.trend === null) {
    if (zone.weighted === 0) return <span className="trend trend-none">—</span>;
    return (
      <span className="trend trend-new" title={detail}>
        {tt('trendNew')}
      </span>
    );
  }
  const pct = formatTrend(Math.abs(zone.trend), language).replace('+', '');
  const [cls, arrow, words] =
    zone.trend > 0
      ? ['trend-up', '▲', tt('trendUp', { pct })]
      : zone.trend < 0
        ? ['trend-down', '▼', tt('trendDown', { pct })]
        : ['trend-same', '＝', tt('trendSame')];
  return (
    <span className={`trend ${cls}`} title={detail}>
      <span aria-hidden="true">
        {arrow} {zone.trend === 0 ? '0%' : formatTrend(zone.trend, language)}
      </span>
      <span className="sr-only">{words}</span>
    </span>
  );
}

export function HotzoneTable({ zones, days }: { zones: HotZone[]; days: number }) {
  const { language } = useI18n();
  const tt = useTerritoryText();
  return (
    <table className="data-table hotzone-table" data-testid="hotzone-table">
      <caption className="sr-only">{tt('zonesCaption', { days })}</caption>
      <thead>
        <tr>
          <th scope="col" className="num">
            {tt('colRank')}
          </th>
          <th scope="col">{tt('colZone')}</th>
          <th scope="col" className="num">
            {tt('colWeighted')}
          </th>
          <th scope="col" className="num">
            {tt('colReceived')}
          </th>
          <th scope="col">{tt('colTrend')}</th>
        </tr>
      </thead>
      <tbody>
        {zones.map((z, i) => (
          <tr key={z.zone} data-testid={`hotzone-${z.zone}`}>
            <td className="num">{i + 1}</td>
            <th scope="row">{z.zone === 'none' ? tt('outsideZones') : z.zoneName}</th>
            <td className="num" data-testid="weighted">
              {z.weighted}
            </td>
            <td className="num" data-testid="received">
              {z.received}
            </td>
            <td data-testid="trend">
              <Trend zone={z} tt={tt} language={language} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
