/**
 * The panel's JSON API (and the simulator's) in the OpenAPI description. Request schemas are the
 * ones the routes parse with; answers are described in words (they are the front end's, not a
 * contract for others). Every route needs a session (cookie from POST /api/auth/login) except
 * login; every change needs the X-CSRF-Token header the login and GET /api/auth/me hand out.
 */
import { z } from 'zod';
import { chatIdSchema, simulatorMessageSchema } from '../../bots/simulator/simulator.schema';
import { codeSchema, passwordChangeSchema, passwordOnlySchema } from '../panel/account.routes';
import { accessQuerySchema, auditQuerySchema, newOperatorSchema, operatorTeamSchema } from '../panel/admin.routes';
import { advisoryBody, advisoryListQuery } from '../panel/advisories.routes';
import { loginSchema, secondFactorSchema } from '../panel/auth.routes';
import { blockSchema, unblockSchema } from '../panel/citizen-block.routes';
import { noteSchema } from '../panel/notes.routes';
import { publicDescriptionSchema } from '../panel/public-description.routes';
import { reportActionSchema } from '../panel/report-action.schema';
import { reportListQuerySchema } from '../panel/report-query.schema';
import { bulkSchema, revealSchema } from '../panel/reports.routes';
import { templateBodySchema, templateListSchema } from '../panel/templates.routes';
import { hotZonesQuerySchema, indicatorsQuerySchema } from '../panel/territory-query.schema';
import { usernameSchema } from '../panel/operator-accounts';
import { jsonBody, jsonContent, panelError, parametersOf, pathParameters, type Method, type Operation, type Parameter, type Paths } from './openapi-builder';
import { onCallSchema as staffOnCallSchema, staffUsernameParam as staffUsername } from '../panel/staff-link.routes';

export type PanelSpecContext = {
  categoryIds: readonly string[];
  zoneNames: ReadonlyMap<string, string>;
  timeZone: string;
};

type Role = 'agent' | 'supervisor' | 'admin';
const ANY: Role[] = ['agent', 'supervisor', 'admin'];

const reportId = z.string().regex(/^[a-f0-9]{24}$/i);
const idParam = pathParameters({ id: reportId });

function op(
  method: Method,
  operationId: string,
  summary: string,
  opts: { tag: string; roles?: Role[]; session?: boolean; parameters?: Parameter[]; body?: z.ZodType; ok?: Operation['responses'] },
): Partial<Record<Method, Operation>> {
  const session = opts.session ?? true;
  const change = method !== 'get';
  const roles = opts.roles ?? ANY;
  return {
    [method]: {
      operationId,
      tags: [opts.tag],
      summary,
      ...(session && roles !== ANY ? { description: `Roles: ${roles.join(', ')}.` } : {}),
      security: session ? [change ? { panelSession: [], panelCsrf: [] } : { panelSession: [] }] : [],
      ...(opts.parameters?.length ? { parameters: opts.parameters } : {}),
      ...(opts.body ? { requestBody: jsonBody(opts.body) } : {}),
      responses: {
        ...(opts.ok ?? { '200': { description: 'OK (JSON).' } }),
        '400': { description: 'The request does not match its schema.', content: jsonContent(panelError) },
        ...(session
          ? {
              '401': { description: 'No valid session.', content: jsonContent(panelError) },
              '403': { description: `The role may not do this${change ? ', or the CSRF token is missing' : ''}.`, content: jsonContent(panelError) },
            }
          : {}),
      },
    },
  };
}

const noContent = { '204': { description: 'Done.' } };
const merge = (...ops: Array<Partial<Record<Method, Operation>>>) => Object.assign({}, ...ops) as Partial<Record<Method, Operation>>;

export function panelPaths(ctx: PanelSpecContext): Paths {
  const zoneIds = [...ctx.zoneNames.keys()];
  const listQuery = parametersOf(reportListQuerySchema({ categoryIds: ctx.categoryIds, zoneIds, timeZone: ctx.timeZone }), 'query');
  const now = () => new Date();
  const usernameParam = pathParameters({ username: usernameSchema });
  const A = 'Panel: account';
  const R = 'Panel: reports';
  const S = 'Panel: supervision';
  const M = 'Panel: administration';
  return {
    '/api/auth/login': op('post', 'login', 'Sign in (rate-limited); answers the CSRF token, or asks for the second factor.', { tag: A, session: false, body: loginSchema }),
    '/api/auth/login/mfa': op('post', 'loginSecondFactor', 'The second factor of a sign-in (TOTP or recovery code).', { tag: A, session: false, body: secondFactorSchema }),
    '/api/auth/me': op('get', 'me', 'The signed-in operator and a fresh CSRF token.', { tag: A }),
    '/api/auth/logout': op('post', 'logout', 'Sign out.', { tag: A, ok: noContent }),
    '/api/auth/logout-everywhere': op('post', 'logoutEverywhere', 'End every session of this operator.', { tag: A, ok: noContent }),
    '/api/auth/password': op('post', 'changePassword', 'Change the password (strength checked); other sessions end.', { tag: A, body: passwordChangeSchema }),
    '/api/auth/mfa/setup': op('post', 'mfaSetup', 'Start setting up two-step verification (secret and QR code).', { tag: A }),
    '/api/auth/mfa/enable': op('post', 'mfaEnable', 'Turn two-step verification on with a first code; answers recovery codes.', { tag: A, body: codeSchema }),
    '/api/auth/mfa/recovery-codes': op('post', 'mfaRecoveryCodes', 'New recovery codes (the old ones stop working).', { tag: A, body: codeSchema }),
    '/api/auth/mfa/disable': op('post', 'mfaDisable', 'Turn two-step verification off (not for roles that require it).', { tag: A, body: passwordOnlySchema }),
    '/api/meta': op('get', 'meta', 'Municipality, categories, zones, teams, operators, map tiles, service hours.', { tag: A }),
    '/api/events': op('get', 'events', 'Live events (Server-Sent Events): new reports, status changes, notes.', {
      tag: R,
      ok: { '200': { description: 'An event stream.', content: { 'text/event-stream': { schema: { type: 'string' } } } } },
    }),
    '/api/reports': op('get', 'listReports', 'The queue: filtered, sorted, paged.', { tag: R, parameters: listQuery }),
    '/api/reports/export.csv': op('get', 'exportReportsCsv', 'The filtered reports as CSV (audited; sensitive descriptions withheld).', {
      tag: R,
      roles: ['supervisor', 'admin'],
      parameters: listQuery,
      ok: { '200': { description: 'CSV.', content: { 'text/csv': { schema: { type: 'string' } } } } },
    }),
    '/api/reports/export.geojson': op('get', 'exportReportsGeoJson', 'The filtered reports as GeoJSON (audited).', {
      tag: R,
      roles: ['supervisor', 'admin'],
      parameters: listQuery,
      ok: { '200': { description: 'GeoJSON.', content: { 'application/geo+json': { schema: { type: 'object' } } } } },
    }),
    '/api/reports/bulk': op('post', 'bulkTriage', 'One action, one reason, many reports (each a full single action, with its own permission check).', { tag: R, body: bulkSchema }),
    '/api/reports/{id}': op('get', 'getReport', 'A report with its timeline, notes and confirmations.', { tag: R, parameters: idParam }),
    '/api/reports/{id}/photos/{ref}': op('get', 'getReportPhoto', "A report's photo (audited).", {
      tag: R,
      parameters: pathParameters({ id: reportId, ref: z.string().regex(/^img_[a-f0-9]{32}\.(jpg|png|webp)$/) }),
      ok: { '200': { description: 'The image.', content: { 'image/*': { schema: { type: 'string', contentMediaType: 'image/*' } } } } },
    }),
    '/api/reports/{id}/voice-notes/{ref}': op('get', 'getReportVoiceNote', "A voice note the report was dictated with, when kept (VOICE_NOTES_KEEP_AUDIO; audited).", {
      tag: R,
      parameters: pathParameters({ id: reportId, ref: z.string().regex(/^aud_[a-f0-9]{32}\.(ogg|m4a|amr|wav|flac|webm|mp3|aac)$/) }),
      ok: { '200': { description: 'The audio.', content: { 'audio/*': { schema: { type: 'string', contentMediaType: 'audio/*' } } } } },
    }),
    '/api/reports/{id}/reveal-identity': op('post', 'revealIdentity', "The citizen's identity, with a reason (policy IDENTITY_REVEAL_POLICY; audited).", {
      tag: R,
      parameters: idParam,
      body: revealSchema,
    }),
    '/api/reports/{id}/actions': op('post', 'reportAction', 'An agent action: take, ask info, dispatch, close, reject, mark duplicate, reopen, assign, release.', {
      tag: R,
      parameters: idParam,
      body: reportActionSchema,
    }),
    '/api/reports/{id}/notes': op('post', 'addNote', 'An internal note with @mentions.', { tag: R, parameters: idParam, body: noteSchema }),
    '/api/reports/{id}/block-citizen': merge(
      op('get', 'citizenBlockState', "Whether the report's citizen is blocked, and until when.", { tag: R, parameters: idParam }),
      op('post', 'blockCitizen', "Block the report's citizen for some days, with a reason (audited).", {
        tag: R,
        parameters: idParam,
        body: blockSchema,
      }),
    ),
    '/api/reports/{id}/unblock-citizen': op('post', 'unblockCitizen', 'Lift the block early, with a reason (audited).', {
      tag: R,
      parameters: idParam,
      body: unblockSchema,
    }),
    '/api/reports/{id}/public-description': op('put', 'setPublicDescription', 'The text Open311 publishes for this report (audited).', {
      tag: R,
      parameters: idParam,
      body: publicDescriptionSchema,
      ok: noContent,
    }),
    '/api/notes/for-me': op('get', 'notesForMe', 'Notes that mention me.', { tag: R }),
    '/api/notes/for-me/count': op('get', 'notesForMeCount', 'How many of them are unread.', { tag: R }),
    '/api/notes/for-me/read': op('post', 'notesForMeRead', 'Mark them read.', { tag: R, ok: noContent }),
    '/api/templates': merge(
      op('get', 'listTemplates', 'Reply templates (for a report: those that fit it, with a preview).', { tag: R, parameters: parametersOf(templateListSchema, 'query') }),
      op('post', 'createTemplate', 'Create a reply template (audited).', { tag: S, roles: ['supervisor', 'admin'], body: templateBodySchema(ctx.categoryIds) }),
    ),
    '/api/templates/{id}': merge(
      op('put', 'updateTemplate', 'Change a reply template (audited).', {
        tag: S,
        roles: ['supervisor', 'admin'],
        parameters: pathParameters({ id: z.string() }),
        body: templateBodySchema(ctx.categoryIds),
      }),
      op('delete', 'deleteTemplate', 'Delete a reply template (audited).', { tag: S, roles: ['supervisor', 'admin'], parameters: pathParameters({ id: z.string() }), ok: noContent }),
    ),
    '/api/territory/hotzones': op('get', 'hotZones', 'Where reports gather: heat cells and zone totals.', {
      tag: S,
      roles: ['supervisor', 'admin'],
      parameters: parametersOf(hotZonesQuerySchema({ categoryIds: ctx.categoryIds, timeZone: ctx.timeZone, now }), 'query'),
    }),
    '/api/territory/indicators': op('get', 'indicators', 'Counts per period, zone and category; response times.', {
      tag: S,
      roles: ['supervisor', 'admin'],
      parameters: parametersOf(indicatorsQuerySchema({ categoryIds: ctx.categoryIds, zoneIds, timeZone: ctx.timeZone, now }), 'query'),
    }),
    '/api/territory/outlines': op('get', 'outlines', "The municipality's and zones' outlines (GeoJSON).", { tag: S, roles: ['supervisor', 'admin'] }),
    '/api/advisories': merge(
      op('get', 'listAdvisories', 'Advisories sent, newest first.', { tag: S, roles: ['supervisor', 'admin'], parameters: parametersOf(advisoryListQuery, 'query') }),
      op('post', 'sendAdvisory', "Send an advisory to the zones' followers (Idempotency-Key header; audited).", {
        tag: S,
        roles: ['supervisor', 'admin'],
        body: advisoryBody(ctx.zoneNames),
        parameters: [{ name: 'Idempotency-Key', in: 'header', required: false, description: 'A retried POST with the same key returns the same advisory.', schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,100}$' } }],
      }),
    ),
    '/api/audit': op('get', 'auditOfReport', "A report's audit trail.", { tag: S, roles: ['supervisor', 'admin'], parameters: parametersOf(auditQuerySchema, 'query') }),
    '/api/audit/access': op('get', 'accessLog', 'Accesses to personal data (identity reveals, photos), as JSON or CSV (the CSV is audited).', {
      tag: S,
      roles: ['supervisor', 'admin'],
      parameters: parametersOf(accessQuerySchema, 'query'),
    }),
    '/api/admin/operators': merge(
      op('get', 'listOperators', 'Operator accounts.', { tag: M, roles: ['admin'] }),
      op('post', 'createOperator', 'Create an operator account (audited).', { tag: M, roles: ['admin'], body: newOperatorSchema, ok: { '201': { description: 'Created.' } } }),
    ),
    '/api/admin/operators/{username}/team': op('post', 'setOperatorTeam', "Move an operator to a team, or out of any (audited).", {
      tag: M,
      roles: ['admin'],
      parameters: usernameParam,
      body: operatorTeamSchema,
      ok: noContent,
    }),
    '/api/admin/operators/{username}/reset-mfa': op('post', 'resetOperatorMfa', 'A lost phone: the operator sets up two-step verification again (audited).', {
      tag: M,
      roles: ['admin'],
      parameters: usernameParam,
      ok: noContent,
    }),
    '/api/admin/operators/{username}/disable': op('post', 'disableOperator', 'Disable an account; its sessions end (audited).', { tag: M, roles: ['admin'], parameters: usernameParam, ok: noContent }),
    '/api/admin/operators/{username}/enable': op('post', 'enableOperator', 'Enable an account again (audited).', { tag: M, roles: ['admin'], parameters: usernameParam, ok: noContent }),
    '/api/admin/whatsapp': op('get', 'whatsappLink', 'The WhatsApp (whatsapp-web.js) link state, with its QR code when one is needed.', { tag: M, roles: ['admin'] }),
    '/api/staff/me': merge(
      op('get', 'staffLinkState', 'Whether my Telegram account is linked to the staff bot.', { tag: 'Panel: staff bot' }),
      op('delete', 'staffUnlinkMe', 'Unlink my Telegram account (audited).', { tag: 'Panel: staff bot', ok: noContent }),
    ),
    '/api/staff/me/code': op('post', 'staffLinkCode', 'A one-time code to send to the staff bot, which links my Telegram account.', {
      tag: 'Panel: staff bot',
      ok: { '201': { description: 'The code and when it expires.' }, '409': { description: 'No staff bot is configured.' } },
    }),
    '/api/staff/units': op('get', 'staffUnits', 'The units that can receive a dispatch on their phone.', { tag: 'Panel: staff bot' }),
    '/api/staff/operators': op('get', 'staffOperators', "Operators' links and on-call state.", { tag: 'Panel: staff bot', roles: ['supervisor', 'admin'] }),
    '/api/staff/operators/{username}/on-call': op('put', 'staffSetOnCall', 'Put an operator on call, or off (audited).', {
      tag: 'Panel: staff bot',
      roles: ['supervisor', 'admin'],
      parameters: pathParameters({ username: staffUsername }),
      body: staffOnCallSchema,
      ok: noContent,
    }),
    '/api/staff/operators/{username}/link': op('delete', 'staffRemoveLink', "Remove an operator's link (a lost phone; audited).", {
      tag: 'Panel: staff bot',
      roles: ['admin'],
      parameters: pathParameters({ username: staffUsername }),
      ok: noContent,
    }),
    '/api/docs/openapi.json': op('get', 'openApiFull', 'This description, with the panel API (the public part is at /openapi.json).', { tag: M, roles: ['admin'] }),
    '/api/simulator/config': op('get', 'simulatorConfig', 'The web simulator page settings (only when SIMULATOR_ENABLED).', { tag: 'Simulator', session: false }),
    '/api/simulator/chats/{chatId}/messages': merge(
      op('post', 'simulatorSend', 'A citizen message into a simulated chat: exactly one of text, location, photo, voice (rate-limited).', {
        tag: 'Simulator',
        session: false,
        parameters: pathParameters({ chatId: chatIdSchema }),
        body: simulatorMessageSchema,
      }),
      op('get', 'simulatorMessages', 'The messages the simulated chat has received.', { tag: 'Simulator', session: false, parameters: pathParameters({ chatId: chatIdSchema }) }),
    ),
  };
}

export const PANEL_SECURITY_SCHEMES = {
  panelSession: { type: 'apiKey', in: 'cookie', name: 'vicinato.sid', description: 'The session cookie (`__Host-vicinato.sid` in production) set by POST /api/auth/login.' },
  panelCsrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token', description: 'The token answered by login and GET /api/auth/me; required on every change.' },
};
