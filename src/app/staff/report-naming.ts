/** How a report is named to operators on the staff bot: category and zone labels, the panel link. */
import { categoryById } from '../../../config/categories';
import type { ReportNaming } from './staff-deps';
import { staffTexts } from './staff-texts';

export function reportNaming(input: { zoneNames: ReadonlyMap<string, string>; publicUrl?: string }): ReportNaming {
  const base = input.publicUrl?.replace(/\/+$/, '');
  return {
    categoryLabel: (id, lang) => categoryById(id)?.labels[lang] ?? id,
    zoneName: (id, lang) => (id ? (input.zoneNames.get(id) ?? id) : staffTexts(lang).unknownZone),
    panelLink: (reportId) => (base ? `${base}/reports/${encodeURIComponent(reportId)}` : undefined),
  };
}
