/** Nothing in the project may point outside the repository: every relative link in a document resolves inside it. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const SKIP = new Set(['node_modules', '.git', 'dist', 'data', 'test-artifacts', '.venv-db', '.node']);

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (/\.(md|cjs|yml|yaml)$/.test(entry.name) || entry.name === 'Dockerfile') yield path;
  }
}

describe('links stay inside the repository', () => {
  it('no document names ../shared or a relative link that climbs out of the repository', () => {
    const outside: string[] = [];
    for (const file of files(root)) {
      const text = readFileSync(file, 'utf8');
      if (/\.\.\/shared\b|PLATFORM-NOTES/.test(text)) outside.push(`${relative(root, file)}: names ../shared`);
      for (const [, target] of text.matchAll(/\]\(([^)#\s]+)[^)]*\)/g)) {
        if (/^[a-z]+:/i.test(target!)) continue; // absolute URLs are fine
        const abs = resolve(dirname(file), target!);
        if (relative(root, abs).startsWith('..')) outside.push(`${relative(root, file)}: ${target}`);
      }
    }
    expect(outside).toEqual([]);
  });
});
