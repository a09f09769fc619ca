/**
 * zod at the edge: every body and query is parsed by a strict schema before anything else sees it.
 * Query values must be plain strings (a repeated key or `status[$ne]=` is refused), so nothing a
 * caller writes can turn into a MongoDB operator.
 */
import type { Response } from 'express';
import type { z } from 'zod';
import { langOf } from './auth.middleware';
import { panelMessage } from './panel-messages';

export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid input';
  if (issue.code === 'unrecognized_keys') return `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`;
}

/** The parsed value, or undefined after answering 400 with the first problem. */
export function parseOr400<S extends z.ZodType>(schema: S, input: unknown, res: Response): z.output<S> | undefined {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  res.status(400).json({ error: panelMessage('badRequest', langOf(res), { detail: describeIssue(parsed.error) }) });
  return undefined;
}
