/**
 * Writes docs/openapi.json: the full OpenAPI description (public API, webhooks, panel API) for the
 * default municipality, generated from the routes' zod schemas. `npm run openapi` after changing a
 * route; tests/integration/openapi/openapi.test.ts fails while the committed file is out of date.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadMunicipalityProfile, municipalityDir } from '../config/municipality';
import { loadTerritory } from '../src/geo/territory';
import { openApiDocument } from '../src/openapi/openapi-document';
import { specContext } from '../src/openapi/spec-context';

export const DOCS_MUNICIPALITY = 'capannori';
export const OPENAPI_FILE = path.join(import.meta.dirname, '..', 'docs', 'openapi.json');

export function committedOpenApiText(): string {
  const ctx = specContext(loadMunicipalityProfile(DOCS_MUNICIPALITY), loadTerritory(municipalityDir(DOCS_MUNICIPALITY)));
  return `${JSON.stringify(openApiDocument(ctx, 'full'), null, 2)}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(OPENAPI_FILE, committedOpenApiText());
  process.stdout.write(`wrote ${path.relative(process.cwd(), OPENAPI_FILE)}\n`);
}
