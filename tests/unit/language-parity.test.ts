/**
 * Italian and English say the same things. Walks the two homes of what people read — what citizens
 * read (src/texts/citizen: the dialog, the notices of agents' actions, the channels' own words) and
 * what agents read in the panel (src/texts/panel: the front end's dictionaries, labels, API errors)
 * — and checks, for both languages: the same keys at every depth, no empty text or word list, the
 * same `{placeholders}` in each text, and for each text that is a function the same number of
 * parameters, using the same values (each function is called with marked arguments and the marks
 * that reach the text are compared). The types require most of this; this also catches keys added
 * through a loose type, texts left empty, and a language that forgets a value ("{ticket}").
 */
import { describe, expect, it } from 'vitest';
import { promptsFor } from '../../src/texts/citizen';
import { panelTexts } from '../../src/texts/panel';

type Leaf = { path: string; kind: 'text' | 'list' | 'function'; empty: boolean; signature: string };

/** A marked argument: any property, element, call or conversion to text gives back marks of its own root. */
function marked(root: string): unknown {
  const mark = `⟦${root}⟧`;
  const handler: ProxyHandler<() => void> = {
    get(_target, prop) {
      if (prop === Symbol.toPrimitive) return (hint: string) => (hint === 'number' ? 2 : mark);
      if (prop === 'toString' || prop === 'valueOf' || prop === 'toJSON') return () => mark;
      if (prop === 'length') return 2;
      if (prop === Symbol.iterator)
        return function* () {
          yield marked(root);
          yield marked(root);
        };
      if (prop === 'map' || prop === 'flatMap')
        return (fn: (v: unknown, i: number) => unknown) => [fn(marked(root), 0), fn(marked(root), 1)];
      if (prop === 'filter') return () => [marked(root), marked(root)];
      if (typeof prop === 'symbol') return undefined;
      // A named field is its own value ("p.ticket"); anything else (join, slice, toFixed…) keeps the root.
      return /^[a-z]\w*$/i.test(prop) && !['join', 'slice', 'trim', 'toFixed', 'toUpperCase', 'toLowerCase', 'at', 'concat'].includes(prop)
        ? marked(`${root}.${prop}`)
        : () => marked(root);
    },
    apply: () => marked(root),
  };
  return new Proxy(() => undefined, handler);
}

const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort().join(',');
/** The argument roots a text uses: "a0.ticket" and "a0" both count as argument 0's "ticket" / itself. */
const marksIn = (text: string) => [...new Set([...text.matchAll(/⟦([^⟧]+)⟧/g)].map((m) => m[1]))].sort().join(',');

function leaves(value: unknown, path = ''): Leaf[] {
  if (typeof value === 'string') return [{ path, kind: 'text', empty: value.trim() === '', signature: placeholders(value) }];
  if (typeof value === 'function') {
    const fn = value as (...args: unknown[]) => unknown;
    let out: string;
    try {
      out = String(fn(...Array.from({ length: Math.max(fn.length, 1) }, (_, i) => marked(`a${i}`))));
    } catch (err) {
      out = `threw: ${(err as Error).message}`;
    }
    return [
      {
        path,
        kind: 'function',
        empty: out.trim() === '',
        signature: `arity ${fn.length}; uses ${marksIn(out)}; placeholders ${placeholders(out.replace(/⟦[^⟧]+⟧/g, ''))}`,
      },
    ];
  }
  if (Array.isArray(value)) {
    const empty = value.length === 0 || value.some((v) => typeof v !== 'string' || v.trim() === '');
    return [{ path, kind: 'list', empty, signature: '' }];
  }
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [{ path, kind: 'text', empty: true, signature: `not a text: ${typeof value}` }];
}

/** Where the two languages differ: keys only in one, and leaves of a different kind or signature. */
function parityProblems(italian: unknown, english: unknown): string[] {
  const it = new Map(leaves(italian).map((l) => [l.path, l]));
  const en = new Map(leaves(english).map((l) => [l.path, l]));
  const problems: string[] = [];
  for (const [path, leaf] of it) {
    const other = en.get(path);
    if (!other) problems.push(`${path}: only in Italian`);
    else if (other.kind !== leaf.kind || other.signature !== leaf.signature)
      problems.push(`${path}: Italian ${leaf.kind} (${leaf.signature}) but English ${other.kind} (${other.signature})`);
  }
  for (const path of en.keys()) if (!it.has(path)) problems.push(`${path}: only in English`);
  for (const [lang, map] of [
    ['Italian', it],
    ['English', en],
  ] as const)
    for (const leaf of map.values()) if (leaf.empty) problems.push(`${leaf.path}: empty in ${lang}`);
  return problems;
}

describe('Italian and English have the same keys', () => {
  it('in what citizens read (src/texts/citizen)', () => {
    expect(parityProblems(promptsFor('it'), promptsFor('en'))).toEqual([]);
  });

  it('in what agents read in the panel (src/texts/panel)', () => {
    expect(parityProblems(panelTexts.it, panelTexts.en)).toEqual([]);
  });

  it('the check itself sees a key added to one language only, an empty text, a forgotten value and a different arity', () => {
    const base = { a: { b: 'Ciao {name}', c: (t: string) => `Segnalazione ${t}` }, words: ['sì'] };
    expect(parityProblems(base, { a: { b: 'Hi {name}', c: (t: string) => `Report ${t}` }, words: ['yes', 'ok'] })).toEqual([]);
    expect(parityProblems({ ...base, extra: 'solo italiano' }, base)).toEqual(['extra: only in Italian']);
    expect(parityProblems(base, { ...base, a: { ...base.a, d: 'only English' } })).toEqual(['a.d: only in English']);
    expect(parityProblems(base, { ...base, a: { ...base.a, b: ' ' } })).toEqual([
      'a.b: Italian text (name) but English text ()',
      'a.b: empty in English',
    ]);
    expect(parityProblems(base, { ...base, a: { ...base.a, c: (_t: string) => 'Report' } })[0]).toMatch(
      /^a\.c: Italian function \(arity 1; uses a0;.* but English function \(arity 1; uses ;/,
    );
    expect(parityProblems(base, { ...base, a: { ...base.a, c: () => 'Report' } })[0]).toMatch(/arity 1.*arity 0/);
    expect(parityProblems(base, { ...base, words: [] })).toEqual(['words: empty in English']);
    expect(
      parityProblems(
        { p: (x: { ticket: string; town: string }) => `${x.ticket} ${x.town}` },
        { p: (x: { ticket: string }) => `${x.ticket}` },
      ),
    ).toHaveLength(1);
  });
});
