/**
 * The public part of the OpenAPI description: the Open311 GeoReport v2 API and the channels'
 * webhooks. Request schemas are the ones the routes parse with.
 */
import { z } from 'zod';
import { requestsQuery } from '../panel/open311/open311.routes';
import { updateSchema } from '../../bots/telegram/update.schema';
import { SECRET_HEADER } from '../../bots/telegram/webhook.routes';
import { TELEGRAM_WEBHOOK_PATH } from '../../bots/telegram';
import { verificationQuerySchema, webhookEnvelopeSchema } from '../../bots/whatsapp-cloud/webhook.schema';
import { jsonBody, jsonContent, parametersOf, pathParameters, type Paths } from './openapi-builder';

/** Where bots/whatsapp-cloud mounts its webhook (the route-walk test keeps the two equal). */
const WHATSAPP_CLOUD_WEBHOOK_PATH = '/webhooks/whatsapp';

const open311Error = z.array(z.object({ code: z.number().int(), description: z.string() }));
const geoReportRequest = z.object({
  service_request_id: z.string(),
  status: z.enum(['open', 'closed']),
  status_notes: z.string().optional(),
  service_name: z.string(),
  service_code: z.string(),
  description: z.string(),
  agency_responsible: z.string(),
  requested_datetime: z.string().meta({ format: 'date-time' }),
  updated_datetime: z.string().meta({ format: 'date-time' }),
  address: z.string().meta({ description: 'The zone, never the street: positions are rounded to about 100 m.' }),
  lat: z.number(),
  long: z.number(),
});
const geoReportService = z.object({
  service_code: z.string(),
  service_name: z.string(),
  description: z.string(),
  metadata: z.boolean(),
  type: z.enum(['realtime', 'batch']),
  keywords: z.string(),
  group: z.string(),
});
const open311Errors = {
  '400': { description: 'A parameter is wrong.', content: jsonContent(open311Error) },
  '401': { description: 'OPEN311_API_KEY is set and api_key is missing or wrong.', content: jsonContent(open311Error) },
  '429': { description: 'Too many requests from this address (OPEN311_RATE_LIMIT_PER_MINUTE).', content: jsonContent(open311Error) },
};
/** Open without OPEN311_API_KEY; with it, the key is required. */
const open311Security: Array<Record<string, string[]>> = [{}, { open311ApiKey: [] }];

const webhookError = z.object({ error: z.string(), errorId: z.string().optional() });

export function publicPaths(): Paths {
  return {
    '/open311/v2/services.json': {
      get: {
        operationId: 'open311Services',
        tags: ['Open311'],
        summary: 'The public service categories (GeoReport v2 service list); sensitive categories are never listed.',
        security: open311Security,
        responses: { '200': { description: 'The services.', content: jsonContent(z.array(geoReportService)) }, ...open311Errors },
      },
    },
    '/open311/v2/requests.json': {
      get: {
        operationId: 'open311Requests',
        tags: ['Open311'],
        summary: 'Published reports (at most 1000; without dates, the last 90 days).',
        security: open311Security,
        parameters: parametersOf(requestsQuery, 'query'),
        responses: { '200': { description: 'The reports.', content: jsonContent(z.array(geoReportRequest)) }, ...open311Errors },
      },
    },
    '/open311/v2/requests/{file}': {
      get: {
        operationId: 'open311Request',
        tags: ['Open311'],
        summary: 'One published report: `{service_request_id}.json`.',
        security: open311Security,
        parameters: pathParameters({ file: z.string().regex(/^.+\.json$/) }),
        responses: {
          '200': { description: 'The report, as a list of one.', content: jsonContent(z.array(geoReportRequest)) },
          '404': { description: 'Unknown or not published (the two look the same).', content: jsonContent(open311Error) },
          ...open311Errors,
        },
      },
    },
    [TELEGRAM_WEBHOOK_PATH]: {
      post: {
        operationId: 'telegramWebhook',
        tags: ['Webhooks'],
        summary: 'A Telegram Bot API update (when TELEGRAM_WEBHOOK_URL is set). 200 only once the message is stored.',
        security: [{ telegramSecret: [] }],
        requestBody: jsonBody(updateSchema),
        responses: {
          '200': { description: 'Stored (or ignored: not for this bot).', content: jsonContent(z.object({ ok: z.literal(true) })) },
          '400': { description: 'Not a Telegram update.', content: jsonContent(webhookError) },
          '401': { description: `Missing or wrong ${SECRET_HEADER} header.`, content: jsonContent(webhookError) },
          '429': { description: 'Too many requests from this address.' },
          '500': { description: 'Not stored: Telegram delivers it again.', content: jsonContent(webhookError) },
        },
      },
    },
    [WHATSAPP_CLOUD_WEBHOOK_PATH]: {
      get: {
        operationId: 'whatsappCloudVerify',
        tags: ['Webhooks'],
        summary: "WhatsApp Cloud API: Meta's subscription handshake.",
        parameters: parametersOf(verificationQuerySchema, 'query'),
        responses: {
          '200': { description: 'hub.challenge, as text/plain.', content: { 'text/plain': { schema: { type: 'string' } } } },
          '400': { description: 'hub.challenge is missing or too long.', content: jsonContent(webhookError) },
          '403': { description: 'hub.mode is not subscribe or hub.verify_token does not match.', content: jsonContent(webhookError) },
        },
      },
      post: {
        operationId: 'whatsappCloudWebhook',
        tags: ['Webhooks'],
        summary: 'WhatsApp Cloud API notifications (messages, delivery statuses), signed by Meta. 200 only once stored.',
        description: 'The signature is checked on the raw bytes (at most 512 KB) before anything parses them.',
        security: [{ whatsappSignature: [] }],
        requestBody: jsonBody(webhookEnvelopeSchema),
        responses: {
          '200': { description: 'Stored.' },
          '400': { description: 'Signed, but not JSON or not a notification.', content: jsonContent(webhookError) },
          '401': { description: 'Missing or invalid X-Hub-Signature-256.', content: jsonContent(webhookError) },
          '415': { description: 'Not application/json.', content: jsonContent(webhookError) },
          '429': { description: 'Too many requests from this address.' },
          '500': { description: 'Not stored: Meta delivers it again.', content: jsonContent(webhookError) },
        },
      },
    },
  };
}

export const PUBLIC_SECURITY_SCHEMES = {
  open311ApiKey: { type: 'apiKey', in: 'query', name: 'api_key', description: 'Only when OPEN311_API_KEY is set.' },
  telegramSecret: { type: 'apiKey', in: 'header', name: SECRET_HEADER, description: 'TELEGRAM_WEBHOOK_SECRET, as given to setWebhook.' },
  whatsappSignature: {
    type: 'apiKey',
    in: 'header',
    name: 'X-Hub-Signature-256',
    description: '`sha256=` + hex HMAC-SHA256 of the raw body with WHATSAPP_APP_SECRET.',
  },
};
