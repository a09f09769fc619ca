/**
 * The OpenAPI 3.1 description of the service's HTTP API, generated from the zod schemas the routes
 * validate with. Two views: the public one (Open311 and the webhooks, at /openapi.json) and the
 * full one with the panel's API (for signed-in admins, at /api/docs/openapi.json): the panel's API
 * is the front end's, not a public contract, and its map of identity, audit and account routes is
 * no business of an anonymous caller.
 */
import packageJson from '../../package.json' with { type: 'json' };
import { PANEL_SECURITY_SCHEMES, panelPaths, type PanelSpecContext } from './panel-api.paths';
import { PUBLIC_SECURITY_SCHEMES, publicPaths } from './public-api.paths';

export type OpenApiDocument = {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string; license: { name: string; identifier: string } };
  tags: Array<{ name: string; description: string }>;
  paths: Record<string, unknown>;
  components: { securitySchemes: Record<string, unknown> };
};

export type SpecContext = PanelSpecContext & { municipalityName: string };

const PUBLIC_TAGS = [
  { name: 'Open311', description: 'GeoReport v2: published reports, positions rounded, sensitive categories never listed.' },
  { name: 'Webhooks', description: "Platforms' deliveries: answered 200 only once the message is stored; 500 asks for a redelivery." },
];
const PANEL_TAGS = [
  { name: 'Panel: account', description: 'Sign-in, two-step verification, password, sessions.' },
  { name: 'Panel: reports', description: 'The queue, reports, agent actions, notes.' },
  { name: 'Panel: supervision', description: 'Templates, territory, advisories, audit.' },
  { name: 'Panel: administration', description: 'Operator accounts, WhatsApp link.' },
  { name: 'Panel: staff bot', description: "Linking operators' Telegram accounts to the staff bot; who is on call." },
  { name: 'Simulator', description: 'The web chat simulator (off in production unless SIMULATOR_ENABLED=true).' },
];

export function openApiDocument(ctx: SpecContext, view: 'public' | 'full'): OpenApiDocument {
  const full = view === 'full';
  return {
    openapi: '3.1.0',
    info: {
      title: `Vicinato — ${ctx.municipalityName}`,
      version: packageJson.version,
      description: full
        ? 'The public API, the webhooks and the operator panel API. Generated from the request schemas the routes validate with.'
        : 'The public API and the webhooks. Generated from the request schemas the routes validate with.',
      license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
    },
    tags: full ? [...PUBLIC_TAGS, ...PANEL_TAGS] : PUBLIC_TAGS,
    paths: { ...publicPaths(), ...(full ? panelPaths(ctx) : {}) },
    components: { securitySchemes: { ...PUBLIC_SECURITY_SCHEMES, ...(full ? PANEL_SECURITY_SCHEMES : {}) } },
  };
}
