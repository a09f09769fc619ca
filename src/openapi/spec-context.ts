/** What the description takes from the running service: the category ids, zones and time zone its schemas check. */
import { CATEGORIES } from '../../config/categories';
import type { MunicipalityProfile } from '../../config/municipality';
import type { Territory } from '../geo/territory';
import type { SpecContext } from './openapi-document';

export function specContext(municipality: MunicipalityProfile, territory: Territory): SpecContext {
  return {
    categoryIds: CATEGORIES.map((c) => c.id),
    zoneNames: new Map(territory.zones().map((z) => [z.id, z.name])),
    timeZone: municipality.serviceHours.timeZone,
    municipalityName: municipality.name,
  };
}
