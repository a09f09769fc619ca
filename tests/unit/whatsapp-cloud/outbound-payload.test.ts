import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../../config/categories';
import type { MetaSendBody } from '../../support/fake-graph-api';
import {
  LIMITS,
  LOCATION_HINT,
  answerFromReply,
  buildMessageBody,
  buildTemplateBody,
  supportsLocationRequest,
  templateParameter,
  truncate,
} from '../../../bots/whatsapp-cloud/outbound-payload';

/** The request body with every field present, for reading in assertions. */
type Full<T> = { [K in keyof T]-?: NonNullable<T[K]> extends object ? Full<NonNullable<T[K]>> : NonNullable<T[K]> };

const to = '393331234567';
const build = (msg: { text: string; choices?: string[]; requestLocation?: boolean }, locationRequest = true) =>
  buildMessageBody({ chatId: to, ...msg }, { locationRequest }) as Full<MetaSendBody>;

describe('buildMessageBody', () => {
  it('plain text without link previews', () => {
    expect(build({ text: 'Ciao!' })).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to,
      type: 'text',
      text: { body: 'Ciao!', preview_url: false },
    });
  });

  it('up to three short answers become reply buttons whose ids carry the label', () => {
    const body = build({ text: 'Hai visto di persona?', choices: ['Ho visto', 'Ho sentito', 'Non sono sicuro'] });
    expect(body.type).toBe('interactive');
    expect(body.interactive.type).toBe('button');
    expect(body.interactive.body.text).toBe('Hai visto di persona?');
    const buttons = body.interactive.action.buttons;
    expect(buttons.map((b) => b.reply.title)).toEqual(['Ho visto', 'Ho sentito', 'Non sono sicuro']);
    expect(buttons.map((b) => answerFromReply(b.reply))).toEqual(['Ho visto', 'Ho sentito', 'Non sono sicuro']);
  });

  it('the ten categories become a list: long labels shortened in the title, whole in the description', () => {
    const labels = CATEGORIES.map((c) => c.labels.it);
    const body = build({ text: 'Che cosa vuoi segnalare?', choices: labels });
    expect(body.interactive.type).toBe('list');
    expect(body.interactive.action.button.length).toBeLessThanOrEqual(LIMITS.listButton);
    const rows = body.interactive.action.sections.flatMap((s) => s.rows);
    expect(rows).toHaveLength(10);
    for (const [i, row] of rows.entries()) {
      expect(row.title.length).toBeLessThanOrEqual(LIMITS.rowTitle);
      expect(answerFromReply(row)).toBe(labels[i]);
      if (labels[i].length > LIMITS.rowTitle) {
        expect(row.title.endsWith('…')).toBe(true);
        expect(row.description).toBe(labels[i]);
      } else expect(row.description).toBeUndefined();
    }
  });

  it('a button label over 20 characters moves the answers to a list', () => {
    const body = build({ text: 'Confermi?', choices: ['Sì, invia la segnalazione', 'No'] });
    expect(body.interactive.type).toBe('list');
  });

  it('more than ten answers, or answers that collide once shortened, become a numbered menu', () => {
    const eleven = Array.from({ length: 11 }, (_, i) => `Opzione ${i + 1}`);
    const many = build({ text: 'Scegli', choices: eleven });
    expect(many.type).toBe('text');
    expect(many.text.body).toBe(`Scegli\n\n${eleven.map((c, i) => `${i + 1}. ${c}`).join('\n')}`);

    const twins = ['Illuminazione pubblica guasta in via A', 'Illuminazione pubblica guasta in via B', 'Altro', 'Niente'];
    expect(build({ text: 'Quale?', choices: twins }).type).toBe('text');
  });

  it('asks for a location with the interactive location request when the API version has it', () => {
    const body = build({ text: 'Dove si trova il problema?', requestLocation: true });
    expect(body.interactive).toEqual({
      type: 'location_request_message',
      body: { text: 'Dove si trova il problema?' },
      action: { name: 'send_location' },
    });
  });

  it('falls back to a text hint on older versions, and keeps offered answers as a numbered menu', () => {
    const old = build({ text: 'Dove?', requestLocation: true }, false);
    expect(old).toMatchObject({ type: 'text', text: { body: `Dove?\n\n${LOCATION_HINT}` } });
    const withChoices = build({ text: 'Dove?', requestLocation: true, choices: ['Non lo so'] });
    expect(withChoices.interactive.type).toBe('location_request_message');
    expect(withChoices.interactive.body.text).toBe('Dove?\n\n1. Non lo so');
  });

  it('never exceeds the text limit', () => {
    const body = build({ text: 'x'.repeat(5000) });
    expect(body.text.body.length).toBe(LIMITS.textBody);
  });
});

describe('templates', () => {
  it('puts the notification in one body parameter, flattened and bounded', () => {
    const text = 'Segnalazione VIC-2026-000001\n\naggiornata:   presa   in carico.\tGrazie';
    const body = buildTemplateBody(to, 'aggiornamento', text) as Full<MetaSendBody>;
    expect(body.type).toBe('template');
    expect(body.template.name).toBe('aggiornamento');
    expect(body.template.language).toEqual({ code: 'it' });
    expect(body.template.components).toEqual([
      { type: 'body', parameters: [{ type: 'text', text: 'Segnalazione VIC-2026-000001 · aggiornata: presa in carico. Grazie' }] },
    ]);
    const long = templateParameter('parola '.repeat(500));
    expect(long.length).toBeLessThanOrEqual(LIMITS.templateParameter);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('helpers', () => {
  it('truncate never splits an emoji', () => {
    expect(truncate('🚨🚨🚨🚨', 5)).toBe('🚨🚨…');
    expect(truncate('breve', 24)).toBe('breve');
  });

  it('an interactive reply that is not ours answers with its title', () => {
    expect(answerFromReply({ id: 'legacy-7', title: 'Vandalismo' })).toBe('Vandalismo');
  });

  it('knows which Graph API versions have location request messages', () => {
    expect(supportsLocationRequest('https://graph.facebook.com/v21.0')).toBe(true);
    expect(supportsLocationRequest('https://graph.facebook.com/v16.0/')).toBe(false);
    expect(supportsLocationRequest('http://127.0.0.1:4000/graph')).toBe(true);
  });
});
