/**
 * OutboundMessage -> the JSON body of POST /{phone-number-id}/messages. Offered answers become reply
 * buttons (1-3 short ones), a list (up to 10 rows) or, when they do not fit, a numbered text menu
 * the dialog also understands. Pure functions: no I/O.
 */
import type { Language } from '../../src/domain/message';
import { promptsFor } from '../../src/texts/citizen';

/** Meta's limits, in UTF-16 code units (never fewer than Meta's character count, so always safe). */
export const LIMITS = {
  textBody: 4096,
  buttonBody: 1024,
  listBody: 4096,
  locationBody: 1024,
  maxButtons: 3,
  buttonTitle: 20,
  maxRows: 10,
  rowTitle: 24,
  rowDescription: 72,
  rowId: 200,
  listButton: 20,
  templateParameter: 700,
} as const;

/**
 * Reply ids carry the full label, so a list row whose title had to be shortened still answers with
 * the exact label the dialog offered.
 */
const CHOICE_ID_PREFIX = 'choice:';

/** Label of the list's menu button, in the message's language (both on an old record without one). */
const LIST_BUTTON: Record<Language | 'unknown', string> = {
  it: promptsFor('it').channels.whatsappCloud.listButton,
  en: promptsFor('en').channels.whatsappCloud.listButton,
  unknown: `${promptsFor('it').channels.whatsappCloud.listButton} / ${promptsFor('en').channels.whatsappCloud.listButton}`,
};

/** Appended when the API version has no location request message. */
export const LOCATION_HINTS: Record<Language, string> = {
  it: promptsFor('it').channels.whatsappCloud.locationHint,
  en: promptsFor('en').channels.whatsappCloud.locationHint,
};
export const LOCATION_HINT = LOCATION_HINTS.it;

export type RenderableMessage = { chatId: string; text: string; choices?: string[]; requestLocation?: boolean; language?: Language };

export function choiceId(label: string): string {
  return truncate(CHOICE_ID_PREFIX + label, LIMITS.rowId, '');
}

/** The dialog answer for an interactive reply: the label in the id when it is ours, else the title. */
export function answerFromReply(reply: { id: string; title: string }): string {
  return reply.id.startsWith(CHOICE_ID_PREFIX) && reply.id.length > CHOICE_ID_PREFIX.length
    ? reply.id.slice(CHOICE_ID_PREFIX.length)
    : reply.title;
}

/** Shortens to at most `max` UTF-16 units without splitting a character, marking the cut. */
export function truncate(text: string, max: number, mark = '…'): string {
  if (text.length <= max) return text;
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length + mark.length > max) break;
    out += ch;
  }
  return out.trimEnd() + mark;
}

export function numberedMenu(text: string, choices: string[]): string {
  return `${text}\n\n${choices.map((c, i) => `${i + 1}. ${c}`).join('\n')}`;
}

/**
 * Location request messages came to the Cloud API in 2023; v17.0 is taken as the first version with
 * them (not confirmed against Meta's changelog). An unknown version is taken as current.
 */
export function supportsLocationRequest(graphApiBase: string): boolean {
  const m = /\/v(\d+)(?:\.\d+)?\/?$/.exec(graphApiBase);
  return !m || Number(m[1]) >= 17;
}

const envelope = (to: string) => ({ messaging_product: 'whatsapp', recipient_type: 'individual', to });

const textBody = (to: string, text: string) => ({
  ...envelope(to),
  type: 'text',
  text: { body: truncate(text, LIMITS.textBody), preview_url: false },
});

const unique = (values: string[]) => new Set(values).size === values.length;

function buttons(msg: RenderableMessage, choices: string[]) {
  if (choices.length > LIMITS.maxButtons || msg.text.length > LIMITS.buttonBody) return undefined;
  if (!choices.every((c) => c.trim() && c.length <= LIMITS.buttonTitle) || !unique(choices)) return undefined;
  return {
    ...envelope(msg.chatId),
    type: 'interactive',
    interactive: {
      type: 'button',
      body: { text: msg.text },
      action: { buttons: choices.map((c) => ({ type: 'reply', reply: { id: choiceId(c), title: c } })) },
    },
  };
}

function list(msg: RenderableMessage, choices: string[]) {
  if (choices.length > LIMITS.maxRows || msg.text.length > LIMITS.listBody) return undefined;
  // A label longer than a row title is shortened there and shown whole as the row's description.
  if (!choices.every((c) => c.trim() && c.length <= LIMITS.rowDescription)) return undefined;
  const titles = choices.map((c) => truncate(c, LIMITS.rowTitle));
  const ids = choices.map(choiceId);
  if (!unique(titles) || !unique(ids)) return undefined;
  return {
    ...envelope(msg.chatId),
    type: 'interactive',
    interactive: {
      type: 'list',
      body: { text: msg.text },
      action: {
        button: LIST_BUTTON[msg.language ?? 'unknown'],
        sections: [
          {
            rows: choices.map((c, i) => ({
              id: ids[i],
              title: titles[i],
              ...(titles[i] !== c ? { description: c } : {}),
            })),
          },
        ],
      },
    },
  };
}

function locationRequest(to: string, text: string) {
  if (text.length > LIMITS.locationBody) return undefined;
  return {
    ...envelope(to),
    type: 'interactive',
    interactive: { type: 'location_request_message', body: { text }, action: { name: 'send_location' } },
  };
}

/** The message body for a free-form (inside the 24-hour window) message. */
export function buildMessageBody(msg: RenderableMessage, opts: { locationRequest: boolean }): Record<string, unknown> {
  const choices = (msg.choices ?? []).filter((c) => c.trim());
  if (msg.requestLocation) {
    // A location request has one button of its own: any offered answers go into its text, numbered.
    const text = choices.length ? numberedMenu(msg.text, choices) : msg.text;
    const interactive = opts.locationRequest ? locationRequest(msg.chatId, text) : undefined;
    return interactive ?? textBody(msg.chatId, `${text}\n\n${LOCATION_HINTS[msg.language ?? 'it']}`);
  }
  if (!choices.length) return textBody(msg.chatId, msg.text);
  return buttons(msg, choices) ?? list(msg, choices) ?? textBody(msg.chatId, numberedMenu(msg.text, choices));
}

/**
 * A template body parameter: Meta refuses new lines, tabs and more than four spaces in a row, and
 * the whole template must stay within 1024 characters.
 */
export function templateParameter(text: string): string {
  const flat = text
    .replace(/\s*\n\s*/g, ' · ')
    .replace(/[\t\r]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
  return truncate(flat || '-', LIMITS.templateParameter);
}

/** An approved template with the notification text as its single body parameter. */
export function buildTemplateBody(to: string, templateName: string, text: string, languageCode = 'it'): Record<string, unknown> {
  return {
    ...envelope(to),
    type: 'template',
    template: {
      name: templateName,
      language: { code: languageCode },
      components: [{ type: 'body', parameters: [{ type: 'text', text: templateParameter(text) }] }],
    },
  };
}
