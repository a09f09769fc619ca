/**
 * A tiny flow (order a pizza) for the generic engine's tests: the engine must run any flow, not
 * just the report. It uses the real language functions of src/nlp.
 */
import { matchChoice, matchKeyword } from '../../../src/nlp/answer-matcher';
import { detectEmergency } from '../../../src/nlp/emergency';
import type { EngineTexts, FlowDefinition, FlowStep } from '../../../src/dialog/flow.types';

export type PizzaDraft = { name?: string; size?: 'small' | 'large'; pendingSize?: 'small' | 'large' };
type Step = FlowStep<PizzaDraft, { noticeVersion: string }>;

const texts: EngineTexts = {
  emergency: 'EMERGENCY 112',
  unsupported: { text: 'NO TEXT HERE', location: 'NO LOCATION HERE', photo: 'NO PHOTO HERE', other: 'NO VOICE HERE' },
  cancelled: 'CANCELLED',
  cancelledBeforeConsent: 'CANCELLED BEFORE CONSENT',
  nothingToCancel: 'NOTHING TO CANCEL',
  backAtStart: 'AT START',
  expired: 'EXPIRED',
  resumeQuestion: 'RESUME?',
  resumeChoices: { resume: 'Resume', restart: 'Restart' },
  resumeWords: { resume: [], restart: [] },
  resumed: 'RESUMED',
  restarted: 'RESTARTED',
  restartedAfterUpdate: 'UPDATED, RESTARTING',
  languageSwitched: 'SWITCHED',
  notUnderstood: 'WHAT?',
  alreadyInProgress: 'IN PROGRESS',
  helpOffer: 'HELP:',
  generalHelp: 'GENERAL HELP',
  commandsHelp: 'COMMANDS',
  asideClosed: 'MENU CLOSED',
  asideDone: 'BACK TO ORDER',
  voice: {
    heard: (t) => `HEARD «${t}»?`,
    choices: { yes: 'Yes', no: 'No' },
    words: { yes: ['right'], no: ['wrong'] },
    rejected: 'NOT USED, WRITE IT',
    failed: { too_long: 'TOO LONG', too_large: 'TOO LARGE', empty: 'NOTHING HEARD', failed: 'CANNOT LISTEN' },
  },
  commandWords: {
    cancel: ['cancel'],
    back: ['back'],
    help: ['help'],
    status: ['status'],
    privacy: ['privacy'],
    language: ['language'],
    english: ['english'],
    italian: ['italian'],
    start: ['start'],
  },
};

const rest = (id: string, next: string): Step => ({
  id,
  resting: true,
  accepts: ['text', 'location', 'photo', 'other'],
  handle: async () => ({ ok: true, next, replies: [{ text: `REST ${id}` }] }),
});

const steps: Step[] = [
  rest('hello', 'consent'),
  rest('declined', 'consent'),
  rest('done', 'name'),
  {
    id: 'consent',
    accepts: ['text'],
    prompt: () => ({ text: 'AGREE?', choices: ['yes', 'no'] }),
    async handle(ctx) {
      if (ctx.text === 'yes')
        return { ok: true, next: 'name', consent: { version: ctx.services.noticeVersion, at: ctx.now.toISOString() } };
      if (ctx.text === 'no') return { ok: true, next: 'declined' };
      return { ok: false, reason: 'YES OR NO' };
    },
  },
  {
    id: 'name',
    needsConsent: true,
    accepts: ['text'],
    prompt: () => ({ text: 'NAME?' }),
    help: () => 'NAME HELP',
    async handle(ctx) {
      return ctx.text && ctx.text.length > 1
        ? { ok: true, next: 'size', draft: { ...ctx.draft, name: ctx.text } }
        : { ok: false, reason: 'BAD NAME' };
    },
  },
  {
    id: 'size',
    needsConsent: true,
    accepts: ['text'],
    prompt: () => ({ text: 'SIZE?', choices: ['small', 'large'] }),
    async handle(ctx) {
      const m = matchChoice(ctx.text ?? '', [
        { id: 'small', labels: ['small'] },
        { id: 'large', labels: ['large'] },
      ]);
      if (!m.ok) return { ok: false, reason: 'BAD SIZE' };
      return { ok: true, next: 'size_confirm', draft: { ...ctx.draft, pendingSize: m.id as 'small' | 'large' } };
    },
  },
  {
    id: 'size_confirm',
    parent: 'size',
    needsConsent: true,
    accepts: ['text'],
    prompt: (ctx) => ({ text: `REALLY ${ctx.draft.pendingSize}?` }),
    async handle(ctx) {
      if (ctx.text === 'yes')
        return { ok: true, next: 'summary', draft: { ...ctx.draft, size: ctx.draft.pendingSize, pendingSize: undefined } };
      return { ok: true, next: 'size' };
    },
  },
  {
    id: 'summary',
    needsConsent: true,
    accepts: ['text'],
    prompt: (ctx) => ({ text: `ORDER ${ctx.draft.name} ${ctx.draft.size}`, choices: ['ok', 'edit name'] }),
    async handle(ctx) {
      if (ctx.text === 'edit name') return { ok: true, next: 'name', returnTo: 'summary' };
      if (ctx.text === 'ok') return { ok: true, next: 'done', draft: {}, replies: [{ text: 'ORDERED' }] };
      return { ok: false, reason: 'OK?' };
    },
  },
  // A side dialog opened by "menu" at any step (see toyFlow.shortcuts).
  {
    id: 'toppings',
    needsConsent: true,
    accepts: ['text'],
    prompt: () => ({ text: 'TOPPINGS?', choices: ['more', 'done'] }),
    async handle(ctx) {
      if (ctx.text === 'more') return { ok: true, next: 'toppings_extra' };
      if (ctx.text === 'done') return { ok: true, next: 'done', replies: [{ text: 'TOPPINGS SAVED' }] };
      return { ok: false, reason: 'MORE OR DONE' };
    },
  },
  {
    id: 'toppings_extra',
    needsConsent: true,
    accepts: ['text'],
    prompt: () => ({ text: 'WHICH EXTRA?' }),
    async handle() {
      return { ok: true, next: 'done', replies: [{ text: 'EXTRA SAVED' }] };
    },
  },
];

export const toyFlow: FlowDefinition<PizzaDraft, { noticeVersion: string }> = {
  version: 2,
  steps: Object.fromEntries(steps.map((s) => [s.id, s])),
  initialStep: 'hello',
  restStep: 'done',
  declinedStep: 'declined',
  consentStep: 'consent',
  firstQuestion: 'name',
  emptyDraft: () => ({}),
  isDraftEmpty: (d) => !d.name && !d.size,
  isDraft: (v): v is PizzaDraft => typeof v === 'object' && v !== null && !Array.isArray(v),
  migrations: {
    // Version 1 called the name step "who".
    1: (state) => ({ ...state, flowVersion: 2, step: state.step === 'who' ? 'name' : state.step }),
  },
  consentVersion: (s) => s.noticeVersion,
  resumeAfterMs: 30 * 60_000,
  expireAfterMs: 24 * 3_600_000,
  texts: () => texts,
  status: async () => [{ text: 'STATUS' }],
  privacy: () => [{ text: 'PRIVACY' }],
  consentNeeded: (_ctx, outdated) => [{ text: outdated ? 'NOTICE CHANGED. AGREE?' : 'AGREE?', choices: ['yes', 'no'] }],
  nlp: { isEmergency: (t) => detectEmergency(t).emergency, matchKeyword, matchChoice },
  shortcuts: [
    { name: 'ping', matches: (text) => text.trim().toLowerCase() === 'ping', run: async () => [{ text: 'PONG' }] },
    { name: 'menu', matches: (text) => text.trim().toLowerCase() === 'menu', aside: 'toppings' },
  ],
};
