/**
 * How long each free text of an agent action may be: the server's schema (report-action.schema.ts)
 * and the panel's form (web/src/components/action-panel.tsx) read the same numbers. Plain data, no
 * zod, so the front end imports it without the schema library.
 */
export const ACTION_TEXT_LIMITS = {
  /** The question asked to the citizen (ask_info). */
  message: 1000,
  /** The unit a report is dispatched to. */
  unit: 100,
  /** A rejection's reason. */
  reason: 1000,
  /** The optional note of dispatch, close and reopen. */
  note: 2000,
} as const;
