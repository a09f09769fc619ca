/** The bodies of POST /api/reports/:id/actions: one strict shape per action, all with the version the agent saw. */
import { z } from 'zod';
import { OUTCOMES } from '../domain/report';
import { TICKET_CODE_PATTERN } from '../domain/ticket-code';
import { ACTION_TEXT_LIMITS as MAX } from './report-action.limits';

const version = z.number({ message: 'version must be the number shown with the report' }).int().min(0);
const text = (name: string, max: number) =>
  z
    .string({ message: `${name} must be text` })
    .trim()
    .min(1, `${name} must not be empty`)
    .max(max, `${name} must be at most ${max} characters`);
const objectId = z.string().regex(/^[a-f0-9]{24}$/i, 'templateId must be a template id');
const note = z.string({ message: 'note must be text' }).trim().max(MAX.note, `note must be at most ${MAX.note} characters`).optional();

export const reportActionSchema = z.discriminatedUnion(
  'action',
  [
    z.strictObject({ action: z.literal('take'), version }),
    // With a reply template (templateId) the text is the template's, in the citizen's language.
    z
      .strictObject({
        action: z.literal('ask_info'),
        version,
        message: text('message', MAX.message).optional(),
        templateId: objectId.optional(),
      })
      .refine((c) => Boolean(c.message) !== Boolean(c.templateId), { message: 'ask_info needs a message or a templateId' }),
    z.strictObject({
      action: z.literal('dispatch'),
      version,
      unit: text('unit', MAX.unit),
      note,
      // The staff bot: a linked operator (a patrol's phone) who gets the dispatch, with the photos if chosen.
      unitOperator: z
        .string()
        .trim()
        .toLowerCase()
        .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, 'unitOperator must be a username')
        .optional(),
      sendPhoto: z.boolean().optional(),
    }),
    z.strictObject({
      action: z.literal('close'),
      version,
      outcome: z.enum(OUTCOMES, { message: `outcome must be one of ${OUTCOMES.join(', ')}` }),
      note,
      templateId: objectId.optional(),
    }),
    z.strictObject({ action: z.literal('reject'), version, reason: text('reason', MAX.reason) }),
    z.strictObject({
      action: z.literal('mark_duplicate'),
      version,
      duplicateOf: z
        .string({ message: 'duplicateOf must be a ticket code' })
        .trim()
        .toUpperCase()
        .regex(TICKET_CODE_PATTERN, 'duplicateOf must be a ticket code like VIC-2026-000123'),
    }),
    z.strictObject({ action: z.literal('reopen'), version, note }),
    z
      .strictObject({
        action: z.literal('assign'),
        version,
        assignee: z
          .string()
          .trim()
          .toLowerCase()
          .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, 'assignee must be a username')
          .optional(),
        team: z
          .string()
          .regex(/^[a-z0-9-]{2,32}$/, 'team must be a team id')
          .optional(),
        reason: text('reason', MAX.reason),
      })
      .refine((c) => Boolean(c.assignee) !== Boolean(c.team), { message: 'assign to either an assignee or a team' }),
    z.strictObject({ action: z.literal('release'), version, reason: text('reason', MAX.reason) }),
  ],
  { message: 'action must be one of take, ask_info, dispatch, close, reject, mark_duplicate, reopen, assign, release' },
);

export type ReportActionBody = z.infer<typeof reportActionSchema>;
