/**
 * The shape of Meta's webhook notifications, as far as we read them. Objects are loose: Meta adds
 * fields over time and those must not break intake. Only `messages` changes are read in depth.
 */
import { z } from 'zod';

const str = (max: number) => z.string().max(max);

const replySchema = z.looseObject({ id: str(256), title: str(256) });

export const waMessageSchema = z
  .looseObject({
    from: z.string().regex(/^[0-9]{3,32}$/, 'from must be a WhatsApp id (digits)'),
    id: z.string().min(1).max(256),
    timestamp: z
      .string()
      .regex(/^\d{1,12}$/, 'timestamp must be Unix seconds')
      .optional(),
    type: z.string().min(1).max(64),
    text: z.looseObject({ body: str(65_536) }).optional(),
    location: z
      .looseObject({
        latitude: z.coerce.number().min(-90).max(90),
        longitude: z.coerce.number().min(-180).max(180),
        name: str(1024).optional(),
        address: str(1024).optional(),
      })
      .optional(),
    image: z
      .looseObject({
        id: z.string().min(1).max(256),
        mime_type: str(256).optional(),
        sha256: str(256).optional(),
        caption: str(4096).optional(),
      })
      .optional(),
    /** A file; an image sent "as a document" (uncompressed) is taken as a photo. */
    document: z
      .looseObject({
        id: z.string().min(1).max(256),
        mime_type: str(256).optional(),
        filename: str(1024).optional(),
        caption: str(4096).optional(),
      })
      .optional(),
    /** A voice note (`voice: true`) or an audio file. */
    audio: z
      .looseObject({ id: z.string().min(1).max(256), mime_type: str(256).optional(), voice: z.boolean().optional() })
      .optional(),
    interactive: z
      .looseObject({
        type: z.string().max(64),
        button_reply: replySchema.optional(),
        list_reply: replySchema.extend({ description: str(256).optional() }).optional(),
      })
      .optional(),
    /** A quick-reply button of a template message. */
    button: z.looseObject({ text: str(256), payload: str(1024).optional() }).optional(),
  })
  .superRefine((m, ctx) => {
    const need = (key: 'text' | 'location' | 'image' | 'button') => {
      if (m.type === key && !m[key]) ctx.addIssue({ code: 'custom', path: [key], message: `a ${key} message needs its ${key} object` });
    };
    need('text');
    need('location');
    need('image');
    need('button');
    if (m.type === 'interactive') {
      const i = m.interactive;
      if (!i) ctx.addIssue({ code: 'custom', path: ['interactive'], message: 'an interactive message needs its interactive object' });
      else if (i.type === 'button_reply' && !i.button_reply)
        ctx.addIssue({ code: 'custom', path: ['interactive', 'button_reply'], message: 'button_reply is missing' });
      else if (i.type === 'list_reply' && !i.list_reply)
        ctx.addIssue({ code: 'custom', path: ['interactive', 'list_reply'], message: 'list_reply is missing' });
    }
  });
export type WaMessage = z.infer<typeof waMessageSchema>;

export const waStatusSchema = z.looseObject({
  id: z.string().min(1).max(256),
  status: z.string().max(64),
  recipient_id: z.string().max(64).optional(),
  timestamp: z.string().optional(),
  errors: z.array(z.looseObject({ code: z.coerce.number().optional(), title: z.string().optional() })).optional(),
});
export type WaStatus = z.infer<typeof waStatusSchema>;

export const messagesValueSchema = z.looseObject({
  messaging_product: z.literal('whatsapp', { message: 'messaging_product must be "whatsapp"' }),
  metadata: z.looseObject({ phone_number_id: z.string().min(1), display_phone_number: z.string().optional() }),
  contacts: z
    .array(z.looseObject({ wa_id: z.string().optional(), profile: z.looseObject({ name: z.string().max(256).optional() }).optional() }))
    .optional(),
  messages: z.array(waMessageSchema).max(1000).optional(),
  statuses: z.array(waStatusSchema).max(1000).optional(),
});
export type MessagesValue = z.infer<typeof messagesValueSchema>;

export const webhookEnvelopeSchema = z.looseObject(
  {
    object: z.literal('whatsapp_business_account', { message: 'object must be "whatsapp_business_account"' }),
    entry: z
      .array(
        z.looseObject({
          id: z.string().optional(),
          changes: z.array(z.looseObject({ field: z.string(), value: z.unknown() })),
        }),
      )
      .max(1000),
  },
  { message: 'body must be a JSON object' },
);

/** The first problem of a failed parse, as one line: `path: message`. */
export function describeIssue(err: z.ZodError, prefix: (string | number)[] = []): string {
  const issue = err.issues[0];
  if (!issue) return 'invalid body';
  const path = [...prefix, ...issue.path].map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

/** Validates the whole notification; returns the `messages` changes' values, in order. */
export function parseWebhook(body: unknown): { ok: true; values: MessagesValue[] } | { ok: false; reason: string } {
  const envelope = webhookEnvelopeSchema.safeParse(body);
  if (!envelope.success) return { ok: false, reason: describeIssue(envelope.error) };
  const values: MessagesValue[] = [];
  for (const [e, entry] of envelope.data.entry.entries()) {
    for (const [c, change] of entry.changes.entries()) {
      // Other fields (account updates, template reviews...) are not ours to read.
      if (change.field !== 'messages') continue;
      const value = messagesValueSchema.safeParse(change.value);
      if (!value.success) return { ok: false, reason: describeIssue(value.error, ['entry', e, 'changes', c, 'value']) };
      values.push(value.data);
    }
  }
  return { ok: true, values };
}

/**
 * Meta's subscription handshake (GET): the mode and token are checked first (403, the token in
 * constant time), then this schema (400), whose hub.challenge is echoed back.
 */
export const verificationQuerySchema = z.looseObject({
  'hub.mode': z.literal('subscribe'),
  'hub.verify_token': z.string().max(256).meta({ description: 'Must equal WHATSAPP_VERIFY_TOKEN.' }),
  'hub.challenge': z.string().min(1).max(256).meta({ description: 'Echoed back as text/plain.' }),
});
