/**
 * The parts of a Bot API Update this adapter reads, checked at the edge: a webhook body is
 * untrusted JSON even with the right secret. Unknown fields pass through untouched (they only
 * decide the platformType of content the dialog cannot use).
 */
import { z } from 'zod';

const user = z.looseObject({
  id: z.number().int(),
  is_bot: z.boolean().optional(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  username: z.string().optional(),
  language_code: z.string().optional(),
});

const chat = z.looseObject({ id: z.number().int(), type: z.string() });

const fileRef = {
  file_id: z.string().min(1),
  file_size: z.number().int().nonnegative().optional(),
};

const location = z.looseObject({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) });

export const messageSchema = z.looseObject({
  message_id: z.number().int(),
  date: z.number().int(),
  chat,
  from: user.optional(),
  text: z.string().optional(),
  caption: z.string().optional(),
  photo: z.array(z.looseObject({ ...fileRef, width: z.number().int(), height: z.number().int() })).optional(),
  document: z.looseObject({ ...fileRef, file_name: z.string().optional(), mime_type: z.string().optional() }).optional(),
  // Voice notes and audio files: read only when voice notes are on (SPEECH_TO_TEXT_URL).
  voice: z.looseObject({ ...fileRef, duration: z.number().nonnegative().optional(), mime_type: z.string().optional() }).optional(),
  audio: z.looseObject({ ...fileRef, duration: z.number().nonnegative().optional(), mime_type: z.string().optional() }).optional(),
  location: location.optional(),
  venue: z.looseObject({ title: z.string().optional(), address: z.string().optional(), location }).optional(),
});

export const updateSchema = z.looseObject({
  update_id: z.number().int().nonnegative(),
  message: messageSchema.optional(),
  callback_query: z
    .looseObject({
      id: z.string().min(1),
      from: user,
      data: z.string().optional(),
      message: z.looseObject({ message_id: z.number().int(), chat }).optional(),
    })
    .optional(),
  my_chat_member: z
    .looseObject({
      chat,
      from: user,
      date: z.number().int(),
      new_chat_member: z.looseObject({ status: z.string() }),
    })
    .optional(),
});

export type TelegramUpdate = z.infer<typeof updateSchema>;
export type TelegramMessage = z.infer<typeof messageSchema>;
export type TelegramUser = z.infer<typeof user>;
