/**
 * publiccode.yml against the rules of the publiccode.yml standard 0.4 that Developers Italia's
 * parser applies. The parser itself (a Go module) is not served by the Go module proxy these
 * machines reach, so this is a structural check of the fields, lengths and vocabularies it checks.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const doc = parse(read("publiccode.yml")) as Record<string, any>;

const DEVELOPMENT_STATUSES = ['concept', 'development', 'beta', 'stable', 'obsolete'];
const SOFTWARE_TYPES = ['standalone/mobile', 'standalone/iot', 'standalone/desktop', 'standalone/web', 'standalone/backend', 'standalone/other', 'addon', 'library', 'configurationFiles'];
const MAINTENANCE_TYPES = ['internal', 'contract', 'community', 'none'];
// The standard's category vocabulary, the part this project could use.
const CATEGORIES = ['communications', 'crm', 'it-security', 'data-collection', 'workflow-management', 'ticketing', 'citizen-engagement'];

describe('publiccode.yml', () => {
  it('has the required top-level keys of standard 0.4', () => {
    expect(doc.publiccodeYmlVersion).toBe('0.4');
    for (const key of ['name', 'url', 'platforms', 'categories', 'developmentStatus', 'softwareType', 'description', 'legal', 'maintenance', 'localisation']) {
      expect(doc, key).toHaveProperty(key);
    }
    expect(doc.url).toMatch(/^https:\/\//);
    expect(doc.releaseDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(DEVELOPMENT_STATUSES).toContain(doc.developmentStatus);
    expect(SOFTWARE_TYPES).toContain(doc.softwareType);
    for (const c of doc.categories) expect(CATEGORIES).toContain(c);
  });

  it('describes the software in Italian and English within the standard\'s lengths', () => {
    for (const lang of ['it', 'en']) {
      const d = doc.description[lang];
      expect(d.shortDescription.length, `${lang} shortDescription`).toBeLessThanOrEqual(150);
      expect(d.longDescription.length, `${lang} longDescription`).toBeGreaterThanOrEqual(150);
      expect(d.longDescription.length, `${lang} longDescription`).toBeLessThanOrEqual(10_000);
      expect(d.features.length).toBeGreaterThan(0);
      for (const f of d.features) expect(f.length, f).toBeLessThanOrEqual(100);
    }
    expect(doc.localisation.availableLanguages).toEqual(['it', 'en']);
  });

  it('names the licence of LICENSE and package.json, and a maintainer to contact', () => {
    expect(doc.legal.license).toBe('EUPL-1.2');
    expect(JSON.parse(read('package.json')).license).toBe('EUPL-1.2');
    expect(read('LICENSE')).toMatch(/^EUROPEAN UNION PUBLIC LICENCE v\. 1\.2/);
    expect(MAINTENANCE_TYPES).toContain(doc.maintenance.type);
    if (doc.maintenance.type === 'internal' || doc.maintenance.type === 'community') {
      expect(doc.maintenance.contacts[0].name).toBeTruthy();
    }
    expect(doc.softwareVersion).toBe(JSON.parse(read('package.json')).version);
  });
});
