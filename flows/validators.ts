/** Small validators of free-text answers, returning `{ ok, value }` or the reason. */

/** Longest description accepted; the citizen is told the limit. */
export const MAX_DESCRIPTION_LENGTH = 500;
/** Shorter than this is not a description ("ok", "sì"). */
export const MIN_DESCRIPTION_LENGTH = 3;
/** Photos one report may carry. */
export const MAX_PHOTOS = 3;

export type DescriptionCheck =
  { ok: true; value: string } | { ok: false; reason: 'too_long'; length: number } | { ok: false; reason: 'too_short' };

export function checkDescription(text: string): DescriptionCheck {
  // Whitespace runs collapsed within lines; line breaks kept (a list of facts reads better).
  const value = text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
  // Counted in characters as a person counts them (an emoji is one), not UTF-16 units.
  const length = [...value].length;
  if (length > MAX_DESCRIPTION_LENGTH) return { ok: false, reason: 'too_long', length };
  if (length < MIN_DESCRIPTION_LENGTH) return { ok: false, reason: 'too_short' };
  return { ok: true, value };
}
