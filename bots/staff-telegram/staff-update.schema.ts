/**
 * The parts of a Bot API update the staff bot reads, checked before use: a private text message
 * (possibly a reply) or a button press. Anything else is ignored.
 */
import { z } from 'zod';

const chat = z.object({ id: z.number().int(), type: z.string().max(32) });
const from = z.object({ id: z.number().int(), is_bot: z.boolean().optional() });

export const staffUpdateSchema = z.object({
  update_id: z.number().int(),
  message: z
    .object({
      message_id: z.number().int(),
      chat,
      from: from.optional(),
      text: z.string().max(4096).optional(),
      reply_to_message: z.object({ message_id: z.number().int() }).optional(),
    })
    .optional(),
  callback_query: z
    .object({
      id: z.string().max(128),
      from,
      data: z.string().max(64).optional(),
      message: z.object({ message_id: z.number().int(), chat }).optional(),
    })
    .optional(),
});

export type StaffUpdate = z.infer<typeof staffUpdateSchema>;
