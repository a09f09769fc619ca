/**
 * Per-municipality data as one typed profile with defaults (ARCHITECTURE example 4): no
 * `if (municipality === ...)` in shared code. Each municipality has a folder under
 * config/municipalities/<id>/ with profile.json, boundary.geojson and zones.geojson.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:mm');

export const municipalityProfileSchema = z.object({
  id: z.string(),
  name: z.string(),
  province: z.string().optional(),
  /** Appended to typed addresses before geocoding, to keep results inside the municipality. */
  geocodeSuffix: z.string(),
  serviceHours: z
    .object({
      timeZone: z.string().default('Europe/Rome'),
      days: z.array(z.number().int().min(1).max(7)).default([1, 2, 3, 4, 5, 6, 7]),
      opens: hhmm.default('08:00'),
      closes: hhmm.default('19:00'),
      holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).default([]),
      /** Weekly hours with split shifts (replaces days/opens/closes when given). */
      weekly: z
        .array(z.object({ days: z.array(z.number().int().min(1).max(7)), shifts: z.array(z.object({ opens: hhmm, closes: hhmm })).min(1) }))
        .optional(),
      /** Closed on Italy's national public holidays and on the patron-saint day. */
      italianHolidays: z.boolean().default(true),
      /** The patron-saint day, MM-DD. */
      patronDay: z
        .string()
        .regex(/^\d{2}-\d{2}$/)
        .optional(),
      /** Closures announced ahead (local YYYY-MM-DDTHH:mm), shown to agents and counted out of service time. */
      closures: z
        .array(
          z.object({
            from: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/),
            to: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/),
            note: z.object({ it: z.string(), en: z.string() }).optional(),
          }),
        )
        .default([]),
    })
    .default({
      timeZone: 'Europe/Rome',
      days: [1, 2, 3, 4, 5, 6, 7],
      opens: '08:00',
      closes: '19:00',
      holidays: [],
      italianHolidays: true,
      closures: [],
    }),
  /** Version of the privacy notice citizens accept; bump it when the text changes. */
  privacyNoticeVersion: z.string().default('2026-11'),
  /** Who controls the data, named in the privacy notice. */
  dataController: z.string(),
  /** Default radius for "is this the same situation?" checks, meters. */
  nearbyRadiusMeters: z.number().int().positive().default(150),
  nearbyWindowHours: z.number().positive().default(24),
  /**
   * How many times a day one citizen may be asked "is it the same situation?": the question tells
   * that a report exists nearby, so a prober moving the pin gets it only this often.
   */
  nearbyQuestionsPerDay: z.number().int().min(0).default(3),
  /**
   * Service-level targets for the first action on a report, in service minutes (src/domain/sla.ts):
   * the first rule naming the report's category, else the one with the highest priority threshold it reaches.
   */
  sla: z
    .array(
      z.object({
        categoryId: z.string().optional(),
        minPriority: z.number().min(0).max(100).optional(),
        firstActionMinutes: z.number().int().positive(),
      }),
    )
    .default([{ minPriority: 70, firstActionMinutes: 30 }, { minPriority: 35, firstActionMinutes: 120 }, { firstActionMinutes: 480 }]),
  /** The units operators belong to; reports are assigned to an operator or to a team. */
  teams: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z0-9-]{2,32}$/),
        name: z.object({ it: z.string(), en: z.string() }),
        /** The team concerned by new reports of these categories: its panels alert only for them. Absent: every category. */
        alertCategories: z.array(z.string()).optional(),
      }),
    )
    .default([
      { id: 'centrale', name: { it: 'Centrale operativa', en: 'Control room' } },
      { id: 'pattuglie', name: { it: 'Pattuglie', en: 'Patrols' } },
      {
        id: 'ambiente',
        name: { it: 'Nucleo ambiente ed edilizia', en: 'Environment and building unit' },
        alertCategories: ['abandoned_waste', 'urban_decay', 'abandoned_vehicle'],
      },
    ]),
});

export type MunicipalityProfile = z.infer<typeof municipalityProfileSchema>;

/** Absolute path of `config/municipalities/<id>`; the id must be a plain kebab-case name. */
export function municipalityDir(id: string): string {
  // Same rule as MUNICIPALITY in config/env.ts; no '.' or '/', so it cannot climb out of the folder.
  if (!/^[a-z0-9-]+$/.test(id))
    throw new Error(`Invalid municipality name "${id}": use lower-case letters, digits and - (e.g. "capannori").`);
  return path.resolve(import.meta.dirname, 'municipalities', id);
}

export function loadMunicipalityProfile(id: string): MunicipalityProfile {
  const file = path.join(municipalityDir(id), 'profile.json');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`MUNICIPALITY: cannot read ${file}: ${(err as Error).message}`);
  }
  const parsed = municipalityProfileSchema.safeParse(raw);
  if (!parsed.success)
    throw new Error(`MUNICIPALITY: ${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  return parsed.data;
}
