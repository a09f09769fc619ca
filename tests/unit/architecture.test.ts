/** Keeps the dependency rule of ARCHITECTURE.md true: dependency-cruiser's rules plus a process.env check. */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    if (name === 'node_modules' || name === 'web' || name === 'public') return [];
    return statSync(path.join(ROOT, rel)).isDirectory() ? sourceFiles(rel) : /\.tsx?$/.test(name) ? [rel] : [];
  });
}

describe('architecture', () => {
  it('has no dependency-rule violations and no import cycles', () => {
    let output = '';
    try {
      output = execFileSync(
        process.execPath,
        [path.join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruiser.mjs'), '--config', '.dependency-cruiser.cjs', '--output-type', 'err', 'src', 'bots', 'flows', 'config'],
        { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' },
      );
    } catch (err) {
      output = String((err as { stdout?: string }).stdout ?? err);
    }
    expect(output).not.toMatch(/error /);
    expect(output).toMatch(/no dependency violations found/);
  }, 120_000);

  it('reads process.env only in config/', () => {
    const offenders = ['src', 'bots', 'flows'].flatMap(sourceFiles).filter((f) => /process\.env\b/.test(readFileSync(path.join(ROOT, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
