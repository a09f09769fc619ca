/** The simulator API's request bodies: exactly one of text, location, photo or voice. */
import { z } from 'zod';

export const chatIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'chatId must be 1-64 of A-Z a-z 0-9 _ -');

export const simulatorMessageSchema = z
  .object({
    /** Optional platform-style message id: the same id sent twice is one message (redelivery). */
    messageId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'messageId must be 1-64 of A-Z a-z 0-9 _ -').optional(),
    text: z.string().min(1, 'text must not be empty').max(4096, 'text must be at most 4096 characters').optional(),
    location: z
      .object({
        lat: z.number().min(-90, 'lat must be between -90 and 90').max(90, 'lat must be between -90 and 90'),
        lng: z.number().min(-180, 'lng must be between -180 and 180').max(180, 'lng must be between -180 and 180'),
      }, { message: 'location must be {"lat": number, "lng": number}' })
      .strict()
      .optional(),
    photo: z
      .object({
        mimeType: z.string().max(100).optional(),
        base64: z.string().min(1, 'photo.base64 must not be empty'),
        caption: z.string().max(1024).optional(),
      }, { message: 'photo must be {"mimeType": string, "base64": string}' })
      .strict()
      .optional(),
    /** A voice note (base64 of an Ogg/Opus or other audio file); transcribed when SPEECH_TO_TEXT_URL is set. */
    voice: z
      .object({ base64: z.string().min(1, 'voice.base64 must not be empty').max(4_000_000, 'voice.base64 is too long') }, {
        message: 'voice must be {"base64": string}',
      })
      .strict()
      .optional(),
  }, { message: 'body must be a JSON object' })
  .strict()
  .refine((b) => [b.text, b.location, b.photo, b.voice].filter((v) => v !== undefined).length === 1, {
    message: 'send exactly one of "text", "location", "photo" or "voice"',
  });

export type SimulatorMessageBody = z.infer<typeof simulatorMessageSchema>;

export function firstIssue(err: z.ZodError): string {
  const issue = err.issues[0];
  if (!issue) return 'invalid body';
  if (issue.code === 'unrecognized_keys') return `unknown field(s): ${issue.keys.join(', ')}`;
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  return issue.message.startsWith(String(issue.path[0] ?? '\0')) ? issue.message : `${where}${issue.message}`;
}
