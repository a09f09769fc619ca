/**
 * Webhook notifications shaped exactly like Meta's (object, entry[].changes[].value with metadata,
 * contacts, messages / statuses), signed as Meta signs them, and posted to the app.
 */
import { createHmac, randomBytes } from 'node:crypto';

export const CLOUD = {
  token: 'EAAGtestTOKEN0123456789',
  phoneNumberId: '106540352242922',
  displayPhoneNumber: '15550783881',
  appSecret: 'test-app-secret-0123456789abcdef',
  verifyToken: 'test-verify-token',
  wabaId: '102290129340398',
};

/** The settings that turn the Cloud API channel on, pointed at a fake Graph API base. */
export function cloudSettings(graphBase: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    WHATSAPP_CLOUD_TOKEN: CLOUD.token,
    WHATSAPP_PHONE_NUMBER_ID: CLOUD.phoneNumberId,
    WHATSAPP_APP_SECRET: CLOUD.appSecret,
    WHATSAPP_VERIFY_TOKEN: CLOUD.verifyToken,
    WHATSAPP_GRAPH_API_BASE: graphBase,
    ...extra,
  };
}

export const newWamid = () => `wamid.HBgM${randomBytes(18).toString('base64url')}`;
const nowSeconds = () => String(Math.floor(Date.now() / 1000));

type Base = { id?: string; timestamp?: string };

export const waMessage = {
  text: (body: string, o: Base = {}) => ({ id: o.id ?? newWamid(), timestamp: o.timestamp ?? nowSeconds(), type: 'text', text: { body } }),
  location: (latitude: number, longitude: number, extra: { name?: string; address?: string } = {}, o: Base = {}) => ({
    id: o.id ?? newWamid(),
    timestamp: o.timestamp ?? nowSeconds(),
    type: 'location',
    location: { latitude, longitude, ...extra },
  }),
  image: (mediaId: string, caption?: string, o: Base = {}) => ({
    id: o.id ?? newWamid(),
    timestamp: o.timestamp ?? nowSeconds(),
    type: 'image',
    image: { id: mediaId, mime_type: 'image/jpeg', sha256: 'IGNORED', ...(caption ? { caption } : {}) },
  }),
  /** A photo sent "as a document" (uncompressed), as the Cloud API notifies a file. */
  imageFile: (mediaId: string, caption?: string, o: Base = {}) => ({
    id: o.id ?? newWamid(),
    timestamp: o.timestamp ?? nowSeconds(),
    type: 'document',
    document: { id: mediaId, mime_type: 'image/jpeg', sha256: 'IGNORED', filename: 'IMG_2041.JPG', ...(caption ? { caption } : {}) },
  }),
  /** A file that is no image (a PDF). */
  pdfFile: (mediaId: string, o: Base = {}) => ({
    id: o.id ?? newWamid(),
    timestamp: o.timestamp ?? nowSeconds(),
    type: 'document',
    document: { id: mediaId, mime_type: 'application/pdf', sha256: 'IGNORED', filename: 'esposto.pdf' },
  }),
  /** A voice note (`voice: true`) as the Cloud API notifies it: the bytes wait behind the media id. */
  audio: (mediaId: string, voice = true, o: Base = {}) => ({
    id: o.id ?? newWamid(),
    timestamp: o.timestamp ?? nowSeconds(),
    type: 'audio',
    audio: { id: mediaId, mime_type: 'audio/ogg; codecs=opus', sha256: 'IGNORED', voice },
  }),
  buttonReply: (reply: { id: string; title: string }, o: Base = {}) => ({
    id: o.id ?? newWamid(),
    timestamp: o.timestamp ?? nowSeconds(),
    type: 'interactive',
    interactive: { type: 'button_reply', button_reply: reply },
  }),
  listReply: (reply: { id: string; title: string; description?: string }, o: Base = {}) => ({
    id: o.id ?? newWamid(),
    timestamp: o.timestamp ?? nowSeconds(),
    type: 'interactive',
    interactive: { type: 'list_reply', list_reply: reply },
  }),
  sticker: (o: Base = {}) => ({
    id: o.id ?? newWamid(),
    timestamp: o.timestamp ?? nowSeconds(),
    type: 'sticker',
    sticker: { id: '2000000001', mime_type: 'image/webp', sha256: 'x', animated: false },
  }),
};

type WaMsg = ReturnType<(typeof waMessage)[keyof typeof waMessage]>;

function notification<V extends Record<string, unknown>>(value: V) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: CLOUD.wabaId,
        changes: [
          {
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: CLOUD.displayPhoneNumber, phone_number_id: CLOUD.phoneNumberId },
              ...value,
            },
            field: 'messages',
          },
        ],
      },
    ],
  };
}

/** A notification with one citizen's messages. */
export function messagesNotification(from: { waId: string; name: string }, ...messages: WaMsg[]) {
  return notification({
    contacts: [{ profile: { name: from.name }, wa_id: from.waId }],
    messages: messages.map((m) => ({ from: from.waId, ...m })),
  });
}

export type WaStatusName = 'sent' | 'delivered' | 'read' | 'failed';

export function statusNotification(...statuses: Array<{ wamid: string; status: WaStatusName; recipient: string; errorCode?: number }>) {
  return notification({
    statuses: statuses.map((s) => ({
      id: s.wamid,
      status: s.status,
      timestamp: nowSeconds(),
      recipient_id: s.recipient,
      ...(s.status !== 'failed'
        ? {
            conversation: { id: 'CONVERSATION_ID', origin: { type: 'service' } },
            pricing: { billable: false, pricing_model: 'PMP', category: 'service', type: 'free_customer_service' },
          }
        : { errors: [{ code: s.errorCode ?? 131000, title: 'Something went wrong', message: 'Something went wrong' }] }),
    })),
  });
}

export function sign(raw: string | Buffer, secret = CLOUD.appSecret): string {
  return 'sha256=' + createHmac('sha256', secret).update(raw).digest('hex');
}

/** POSTs a notification as Meta does (raw JSON body, X-Hub-Signature-256 over those exact bytes). */
export async function postWebhook(appUrl: string, body: unknown, opts: { signature?: string | null; raw?: string } = {}) {
  const raw = opts.raw ?? JSON.stringify(body);
  const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'facebookexternalua' };
  const signature = opts.signature === undefined ? sign(raw) : opts.signature;
  if (signature !== null) headers['x-hub-signature-256'] = signature;
  return fetch(`${appUrl}/webhooks/whatsapp`, { method: 'POST', headers, body: raw });
}
