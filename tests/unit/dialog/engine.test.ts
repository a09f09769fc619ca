/**
 * The generic engine on a toy flow: navigation (history, sub-steps, corrections), the consent
 * gate, failures and help, commands, emergencies, idle rules and saved-state restoration.
 */
import { describe, expect, it } from 'vitest';
import { createDialogEngine } from '../../../src/dialog/engine';
import type { DialogTurn } from '../../../src/dialog/engine.types';
import type { DialogState } from '../../../src/dialog/state';
import type { InboundPayload } from '../../../src/domain/message';
import { toyFlow, type PizzaDraft } from './toy-flow';

const START = new Date('2026-11-18T10:00:00Z');

function conversation(noticeVersion = 'v1') {
  const engine = createDialogEngine(toyFlow, { noticeVersion });
  let state: DialogState<PizzaDraft> | null = null;
  let now = START;
  let n = 0;
  const send = async (input: string | InboundPayload, waitMs = 1000): Promise<DialogTurn<DialogState<PizzaDraft>>> => {
    now = new Date(now.getTime() + waitMs);
    const payload: InboundPayload = typeof input === 'string' ? { kind: 'text', text: input } : input;
    const turn = await engine.handle({
      state,
      message: { channel: 'simulator', chatId: 'c', messageId: `m${++n}`, sender: { platformId: 'c' }, receivedAt: now, payload },
      citizenRef: 'ref',
      now,
    });
    state = turn.state;
    return turn;
  };
  const texts = (turn: DialogTurn<unknown>) => turn.replies.map((r) => r.text);
  return {
    send,
    texts,
    get state() {
      return state!;
    },
    set state(s: DialogState<PizzaDraft>) {
      state = s;
    },
  };
}

async function atSummary() {
  const c = conversation();
  for (const m of ['hi', 'yes', 'Margherita', 'large', 'yes']) await c.send(m);
  return c;
}

describe('generic dialog engine', () => {
  it('walks the flow: first contact, consent recorded, questions, sub-step, summary, rest', async () => {
    const c = conversation();
    expect(c.texts(await c.send('hi'))).toEqual(['REST hello\n\nAGREE?']);
    await c.send('yes');
    expect(c.state.consent).toEqual({ version: 'v1', at: new Date(START.getTime() + 2000).toISOString() });
    expect(c.texts(await c.send('Margherita'))).toEqual(['SIZE?']);
    expect(c.texts(await c.send('large'))).toEqual(['REALLY large?']);
    expect(c.texts(await c.send('yes'))).toEqual(['ORDER Margherita large']);
    expect(c.state.history).toEqual(['name', 'size']);
    expect(c.texts(await c.send('ok'))).toEqual(['ORDERED']);
    expect(c.state).toMatchObject({ step: 'done', history: [], draft: {} });
  });

  it('"back" leaves a sub-step for its question, then walks the history, and stops at the first question', async () => {
    const c = await atSummary();
    expect(c.texts(await c.send('back'))).toEqual(['SIZE?']);
    expect(c.texts(await c.send('back'))).toEqual(['NAME?']);
    expect(c.texts(await c.send('back'))).toEqual(['AT START\n\nNAME?']);
    await c.send('large');
    const c2 = await atSummary();
    await c2.send('back');
    await c2.send('small');
    expect(c2.texts(await c2.send('back'))).toEqual(['SIZE?']);
  });

  it('a correction from the summary comes back to the summary, with a clean history', async () => {
    const c = await atSummary();
    await c.send('edit name');
    expect(c.state).toMatchObject({ step: 'name', returnTo: 'summary', history: ['name', 'size', 'summary'] });
    expect(c.texts(await c.send('Diavola'))).toEqual(['ORDER Diavola large']);
    expect(c.state).toMatchObject({ step: 'summary', history: ['name', 'size'] });
    expect(c.state.returnTo).toBeUndefined();
  });

  it('counts unusable answers and adds the step help every third time', async () => {
    const c = conversation();
    await c.send('hi');
    await c.send('yes');
    expect(c.texts(await c.send('x'))).toEqual(['BAD NAME\n\nNAME?']);
    expect(c.texts(await c.send('y'))).toEqual(['BAD NAME\n\nNAME?']);
    expect(c.texts(await c.send('z'))).toEqual(['BAD NAME\n\nHELP: NAME HELP\n\nNAME?']);
    expect(c.state.failures).toBe(3);
    await c.send('Ada');
    expect(c.state.failures).toBe(0);
  });

  it('explains a kind of message the step cannot use', async () => {
    const c = conversation();
    await c.send('hi');
    await c.send('yes');
    expect(c.texts(await c.send({ kind: 'other', platformType: 'sticker' }))).toEqual(['NO VOICE HERE\n\nNAME?']);
    expect(c.texts(await c.send({ kind: 'location', point: { lat: 1, lng: 2 } }))).toEqual(['NO LOCATION HERE\n\nNAME?']);
  });

  it('puts the emergency notice before anything else and goes on', async () => {
    const c = conversation();
    await c.send('hi');
    await c.send('yes');
    const turn = await c.send('there is a fire');
    expect(c.texts(turn)).toEqual(['EMERGENCY 112', 'SIZE?']);
    expect(c.state.draft.name).toBe('there is a fire');
  });

  it('runs commands only when the whole message is the command', async () => {
    const c = conversation();
    await c.send('hi');
    await c.send('yes');
    expect(c.texts(await c.send('help'))).toEqual(['NAME HELP\n\nCOMMANDS\n\nNAME?']);
    expect(c.texts(await c.send('status'))).toEqual(['STATUS', 'NAME?']);
    expect(c.texts(await c.send('please help me find my cancelled order'))).toEqual(['SIZE?']);
    expect(c.texts(await c.send('cancel'))).toEqual(['CANCELLED']);
    expect(c.state).toMatchObject({ step: 'done', draft: {}, consent: { version: 'v1' } });
    expect(c.texts(await c.send('cancel'))).toEqual(['NOTHING TO CANCEL']);
  });

  it('"cancel" before consent keeps nothing', async () => {
    const c = conversation();
    await c.send('hi');
    expect(c.texts(await c.send('cancel'))).toEqual(['CANCELLED BEFORE CONSENT']);
    expect(c.state.step).toBe('declined');
    expect(c.state.consent).toBeUndefined();
  });

  it('asks consent again when the notice changed', async () => {
    const c = conversation();
    await c.send('hi');
    await c.send('yes');
    c.state = { ...c.state, consent: { version: 'v0', at: START.toISOString() } };
    expect(c.texts(await c.send('Ada'))).toEqual(['NOTICE CHANGED. AGREE?']);
    expect(c.state.step).toBe('consent');
  });

  it('offers to resume after the idle time and drops the draft after the expiry time', async () => {
    const c = conversation();
    for (const m of ['hi', 'yes', 'Ada']) await c.send(m);
    expect(c.texts(await c.send('small', 31 * 60_000))).toEqual(['RESUME?']);
    expect(c.state).toMatchObject({ step: 'resume', resumeStep: 'size' });
    expect(c.texts(await c.send('Resume'))).toEqual(['RESUMED\n\nSIZE?']);
    expect(c.texts(await c.send('small', 25 * 3_600_000))).toEqual(['EXPIRED', 'REST done\n\nNAME?']);
    expect(c.state.draft).toEqual({});
  });

  it('migrates a state of an older flow version when a migration exists', async () => {
    const c = conversation();
    c.state = {
      flowVersion: 1,
      step: 'who',
      draft: {},
      language: 'it',
      consent: { version: 'v1', at: START.toISOString() },
      failures: 0,
      history: [],
      lastActivityAt: START.toISOString(),
    };
    expect(c.texts(await c.send('Ada'))).toEqual(['SIZE?']);
    expect(c.state.flowVersion).toBe(2);
  });

  it('restarts politely from a version with no migration, keeping consent and language', async () => {
    const c = conversation();
    c.state = {
      flowVersion: 0,
      step: 'who',
      draft: {},
      language: 'en',
      consent: { version: 'v1', at: START.toISOString() },
      failures: 0,
      history: [],
      lastActivityAt: START.toISOString(),
    };
    expect(c.texts(await c.send('Ada'))).toEqual(['UPDATED, RESTARTING', 'REST done\n\nNAME?']);
    expect(c.state).toMatchObject({ flowVersion: 2, step: 'name', language: 'en', consent: { version: 'v1' } });
  });

  it('is deterministic: the same state, message and time give the same turn', async () => {
    const engine = createDialogEngine(toyFlow, { noticeVersion: 'v1' });
    const input = {
      state: null,
      message: {
        channel: 'simulator' as const,
        chatId: 'c',
        messageId: 'm1',
        sender: { platformId: 'c' },
        receivedAt: START,
        payload: { kind: 'text' as const, text: 'hi' },
      },
      citizenRef: 'ref',
      now: START,
    };
    expect(await engine.handle(input)).toEqual(await engine.handle(input));
  });
});

describe('voice notes in any flow', () => {
  const heard = (transcript: string): InboundPayload => ({ kind: 'audio', voice: true, mediaRef: 'aud_x.ogg', transcript });

  it('shows the transcript with yes/no; "right" replays it as typed text at the current step', async () => {
    const c = conversation();
    await c.send('hi');
    await c.send('yes');
    const shown = await c.send(heard('Margherita'));
    expect(shown.replies).toEqual([{ text: 'HEARD «Margherita»?', choices: ['Yes', 'No'] }]);
    expect(c.state.step, 'the question does not move on before the citizen confirms').toBe('name');
    expect(c.texts(await c.send('right'))).toEqual(['SIZE?']);
    expect(c.state.draft.name).toBe('Margherita');
    expect(c.state.heard).toBeUndefined();
  });

  it('"wrong" asks to write it and repeats the question; typed text instead of yes/no is the answer', async () => {
    const c = conversation();
    await c.send('hi');
    await c.send('yes');
    await c.send(heard('Marinara'));
    const no = c.texts(await c.send('wrong'));
    expect(no[0]).toBe('NOT USED, WRITE IT');
    expect(c.state.draft.name).toBeUndefined();
    await c.send(heard('Marinara'));
    expect(c.texts(await c.send('Diavola'))).toEqual(['SIZE?']);
    expect(c.state.draft.name).toBe('Diavola');
  });

  it('no transcript: why, and the question again; the step is unchanged', async () => {
    const c = conversation();
    await c.send('hi');
    await c.send('yes');
    const long = c.texts(await c.send({ kind: 'audio', voice: true, failure: 'too_long' }));
    expect(long[0]).toBe('TOO LONG');
    const failed = c.texts(await c.send({ kind: 'audio', voice: true, mediaRef: 'aud_y.ogg', transcriptFailure: 'unavailable' }));
    expect(failed[0]).toBe('CANNOT LISTEN');
    expect(c.state.step).toBe('name');
  });
});
