/** .env.example documents every setting the schema knows, each with a comment. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { envSchema } from '../../../config/env';

const text = readFileSync(path.resolve(import.meta.dirname, '../../../.env.example'), 'utf8');
const lines = text.split('\n');

describe('.env.example', () => {
  it('lists every key of the schema, and no other', () => {
    const keys = lines.filter((l) => /^[A-Z0-9_]+=/.test(l)).map((l) => l.split('=')[0]);
    expect([...keys].sort()).toEqual(Object.keys(envSchema.shape).sort());
  });

  it('puts a comment right above every key', () => {
    lines.forEach((line, i) => {
      if (/^[A-Z0-9_]+=/.test(line)) expect(lines[i - 1], `comment above ${line}`).toMatch(/^# \S/);
    });
  });
});
