/**
 * The engine's flow shortcuts on the toy flow: an instant action ("ping") at any step, and a side
 * dialog ("menu") that interrupts an order and hands back to it where it was, with its answers.
 */
import { describe, expect, it } from 'vitest';
import { createDialogEngine } from '../../../src/dialog/engine';
import type { DialogTurn } from '../../../src/dialog/engine.types';
import type { DialogState } from '../../../src/dialog/state';
import { toyFlow, type PizzaDraft } from './toy-flow';

const START = new Date('2026-11-18T10:00:00Z');
const MINUTE = 60_000;

function conversation() {
  const engine = createDialogEngine(toyFlow, { noticeVersion: 'v1' });
  let state: DialogState<PizzaDraft> | null = null;
  let now = START;
  let n = 0;
  const send = async (text: string, waitMs = 1000): Promise<DialogTurn<DialogState<PizzaDraft>>> => {
    now = new Date(now.getTime() + waitMs);
    const turn = await engine.handle({
      state,
      message: {
        channel: 'simulator',
        chatId: 'c',
        messageId: `m${++n}`,
        sender: { platformId: 'c' },
        receivedAt: now,
        payload: { kind: 'text', text },
      },
      citizenRef: 'ref',
      now,
    });
    state = turn.state;
    return turn;
  };
  return {
    send,
    texts: (turn: DialogTurn<unknown>) => turn.replies.map((r) => r.text),
    get state() {
      return state!;
    },
    set state(s: DialogState<PizzaDraft>) {
      state = s;
    },
  };
}

/** Consented, name given, waiting for the size. */
async function atSize() {
  const c = conversation();
  for (const m of ['hi', 'yes', 'Margherita']) await c.send(m);
  expect(c.state.step).toBe('size');
  return c;
}

describe('an instant shortcut', () => {
  it('runs at any step, then asks the same question again, changing nothing else', async () => {
    const c = await atSize();
    const before = c.state;
    const turn = await c.send('ping');
    expect(c.texts(turn)).toEqual(['PONG', 'SIZE?']);
    expect(c.state).toEqual({ ...before, lastActivityAt: c.state.lastActivityAt });
  });

  it('at rest it only answers', async () => {
    const c = conversation();
    for (const m of ['hi', 'yes', 'Ada', 'small', 'yes', 'ok']) await c.send(m);
    expect(c.texts(await c.send('ping'))).toEqual(['PONG']);
    expect(c.state.step).toBe('done');
  });

  it('is checked before the step: a message that is only the word never reaches the step', async () => {
    const c = await atSize();
    await c.send('ping');
    expect(c.state.draft.pendingSize).toBeUndefined();
    expect(c.state.failures).toBe(0);
  });
});

describe('a side dialog', () => {
  it('interrupts an order and hands back to the same question with the answers kept', async () => {
    const c = await atSize();
    const history = c.state.history;
    expect(c.texts(await c.send('menu'))).toEqual(['TOPPINGS?']);
    expect(c.state).toMatchObject({ step: 'toppings', aside: { name: 'menu', from: 'size', history }, history: [] });
    const back = await c.send('done');
    expect(c.texts(back)).toEqual(['TOPPINGS SAVED', 'BACK TO ORDER\n\nSIZE?']);
    expect(c.state).toMatchObject({ step: 'size', history, draft: { name: 'Margherita' } });
    expect(c.state.aside).toBeUndefined();
    expect(c.texts(await c.send('large'))).toEqual(['REALLY large?']);
  });

  it('opened at rest ends at rest, without a question', async () => {
    const c = conversation();
    for (const m of ['hi', 'yes', 'Ada', 'small', 'yes', 'ok']) await c.send(m);
    await c.send('menu');
    await c.send('more');
    expect(c.texts(await c.send('olives'))).toEqual(['EXTRA SAVED']);
    expect(c.state.step).toBe('done');
    expect(c.state.aside).toBeUndefined();
  });

  it('opened at the first question with nothing answered yet, ends at rest instead of asking it again', async () => {
    const c = conversation();
    for (const m of ['hi', 'yes']) await c.send(m);
    expect(c.state.step).toBe('name');
    await c.send('menu');
    expect(c.texts(await c.send('done'))).toEqual(['TOPPINGS SAVED']);
    expect(c.state).toMatchObject({ step: 'done', history: [] });
  });

  it('"cancel" leaves the side dialog, not the order', async () => {
    const c = await atSize();
    await c.send('menu');
    expect(c.texts(await c.send('cancel'))).toEqual(['MENU CLOSED', 'BACK TO ORDER\n\nSIZE?']);
    expect(c.state).toMatchObject({ step: 'size', draft: { name: 'Margherita' } });
    // A second "cancel" is the usual one.
    expect(c.texts(await c.send('cancel'))).toEqual(['CANCELLED']);
  });

  it('"back" goes back inside the side dialog, and out of it from its first question', async () => {
    const c = await atSize();
    await c.send('menu');
    await c.send('more');
    expect(c.texts(await c.send('back'))).toEqual(['TOPPINGS?']);
    expect(c.texts(await c.send('back'))).toEqual(['MENU CLOSED', 'BACK TO ORDER\n\nSIZE?']);
    expect(c.state.step).toBe('size');
  });

  it('opened again from inside itself still hands back to the order', async () => {
    const c = await atSize();
    await c.send('menu');
    await c.send('more');
    await c.send('menu');
    expect(c.state).toMatchObject({ step: 'toppings', aside: { from: 'size' } });
    await c.send('done');
    expect(c.state.step).toBe('size');
  });

  it('keeps a correction in progress: back to the summary afterwards', async () => {
    const c = conversation();
    for (const m of ['hi', 'yes', 'Ada', 'small', 'yes', 'edit name']) await c.send(m);
    expect(c.state).toMatchObject({ step: 'name', returnTo: 'summary' });
    await c.send('menu');
    await c.send('done');
    expect(c.state).toMatchObject({ step: 'name', returnTo: 'summary' });
    expect(c.texts(await c.send('Bea'))).toEqual(['ORDER Bea small']);
  });

  it('left idle is over: the next message goes to the dialog it interrupted', async () => {
    const c = await atSize();
    await c.send('menu');
    // Past the resume time the order itself is offered to be resumed, as without the menu.
    const turn = await c.send('large', 40 * MINUTE);
    expect(c.texts(turn)).toEqual(['RESUME?']);
    expect(c.state).toMatchObject({ step: 'resume', resumeStep: 'size' });
    expect(c.state.aside).toBeUndefined();
  });

  it('left idle at rest: the next message is an ordinary one', async () => {
    const c = conversation();
    for (const m of ['hi', 'yes', 'Ada', 'small', 'yes', 'ok']) await c.send(m);
    await c.send('menu');
    expect(c.texts(await c.send('hello', 40 * MINUTE))).toEqual(['REST done\n\nNAME?']);
  });

  it('a first contact opening it is asked for consent first', async () => {
    const c = conversation();
    const turn = await c.send('menu');
    expect(c.texts(turn)).toEqual(['AGREE?']);
    expect(c.state).toMatchObject({ step: 'consent', aside: { name: 'menu', from: 'hello' } });
  });

  it('a saved state naming an unknown side dialog is restarted politely', async () => {
    const c = await atSize();
    c.state = { ...c.state, step: 'toppings', aside: { name: 'gone', from: 'size', history: [] } };
    const turn = await c.send('done');
    expect(c.texts(turn)[0]).toBe('UPDATED, RESTARTING');
    expect(c.state.aside).toBeUndefined();
  });
});
