/**
 * The project runs on the Node LTS pinned in .nvmrc: the bootstrap installs it when the system Node
 * is older, and the test scripts put it first on PATH, so this suite itself runs on it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const pinned = readFileSync(path.join(ROOT, '.nvmrc'), 'utf8').trim();
const pinnedMajor = Number(pinned.split('.')[0]);

describe('Node runtime', () => {
  it('pins an LTS at least as new as Node 24 in .nvmrc', () => {
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pinnedMajor).toBeGreaterThanOrEqual(24);
    expect(pinnedMajor % 2).toBe(0); // only even majors become LTS
  });

  it('runs this suite on the pinned major (or newer)', () => {
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(pinnedMajor);
  });

  it('declares the same major in package.json engines', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
    expect(pkg.engines.node).toBe(`>=${pinnedMajor}`);
  });

  it('has a pinned checksum for the version the bootstrap installs', () => {
    const installer = readFileSync(path.join(ROOT, 'script/install-node.sh'), 'utf8');
    expect(installer).toMatch(new RegExp(`\\[${pinned.replaceAll('.', '\\.')}\\]="[0-9a-f]{128}"`));
  });
});
