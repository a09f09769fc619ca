/** The category and zone drop-downs ("all" first) shared by the queue filters and the indicators. */
import type { Meta } from '../api/types';
import { useI18n } from '../i18n/i18n';

type Props = {
  meta: Meta | undefined;
  /** Prefix of the elements' ids, so two pages' labels point at their own selects. */
  idPrefix: string;
  category: string;
  zone: string;
  onChange(patch: { category?: string; zone?: string }): void;
};

export function CategoryZoneSelects({ meta, idPrefix, category, zone, onChange }: Props) {
  const { t, language } = useI18n();
  return (
    <>
      <div className="field field-inline">
        <label htmlFor={`${idPrefix}-category`}>{t('filterCategory')}</label>
        <select id={`${idPrefix}-category`} value={category} onChange={(e) => onChange({ category: e.target.value })}>
          <option value="">{t('all')}</option>
          {meta?.categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.labels?.[language] ?? c.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field field-inline">
        <label htmlFor={`${idPrefix}-zone`}>{t('filterZone')}</label>
        <select id={`${idPrefix}-zone`} value={zone} onChange={(e) => onChange({ zone: e.target.value })}>
          <option value="">{t('all')}</option>
          {meta?.zones.map((z) => (
            <option key={z.id} value={z.id}>
              {z.name}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}
