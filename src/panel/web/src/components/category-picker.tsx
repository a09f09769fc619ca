/** A disclosure with one checkbox per category; none checked means all categories. */
import type { Meta } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { useTerritoryText } from '../i18n/territory.dictionary';

type Props = { meta: Meta | undefined; selected: string[]; onChange(ids: string[]): void };

export function CategoryPicker({ meta, selected, onChange }: Props) {
  const { language } = useI18n();
  const tt = useTerritoryText();
  const categories = meta?.categories ?? [];
  const nameOf = (id: string) => categories.find((c) => c.id === id)?.labels?.[language] ?? id;
  const summary =
    selected.length === 0
      ? tt('categoriesAll')
      : selected.length === 1
        ? nameOf(selected[0])
        : tt('categoriesSome', { count: selected.length });
  const toggle = (id: string, on: boolean) => onChange(on ? [...selected, id] : selected.filter((x) => x !== id));
  return (
    <details className="category-picker" data-testid="category-picker">
      <summary>
        <span className="picker-legend">{tt('categoriesLegend')}:</span> <span className="picker-value">{summary}</span>
      </summary>
      <fieldset className="picker-options">
        <legend className="sr-only">{tt('categoriesLegend')}</legend>
        {categories.map((c) => (
          <label key={c.id} className="radio">
            <input type="checkbox" checked={selected.includes(c.id)} onChange={(e) => toggle(c.id, e.target.checked)} />
            {c.labels?.[language] ?? c.label}
          </label>
        ))}
        <button type="button" className="button-link" onClick={() => onChange([])} disabled={selected.length === 0}>
          {tt('categoriesReset')}
        </button>
      </fieldset>
    </details>
  );
}
