/** Small helpers to compose what the bot says in one turn. */
import type { DialogReply } from './engine.types';

/** Paragraphs joined with a blank line, empty ones dropped. */
export const paragraphs = (...parts: Array<string | undefined | false>): string =>
  parts.filter((p): p is string => Boolean(p)).join('\n\n');

const isPlain = (reply: DialogReply) => !reply.choices?.length && !reply.requestLocation;

/**
 * The replies followed by the question: a plain last reply ("Ok, Rifiuti abbandonati.") is merged
 * into the question so the citizen gets one message, not two.
 */
export function withPrompt(replies: readonly DialogReply[], prompt?: DialogReply): DialogReply[] {
  if (!prompt) return [...replies];
  const last = replies[replies.length - 1];
  if (last && isPlain(last)) return [...replies.slice(0, -1), { ...prompt, text: paragraphs(last.text, prompt.text) }];
  return [...replies, prompt];
}
