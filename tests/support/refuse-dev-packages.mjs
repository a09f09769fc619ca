/**
 * Loaded with `node --import` into the compiled service by tests/integration/production: makes the
 * process fail the moment it loads a package that `npm ci --omit=dev` would not install (an entry
 * marked `"dev": true` in package-lock.json), whether by import or require. So a test that starts
 * the compiled service shows it runs on the production dependencies alone.
 */
import { readFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(import.meta.dirname, '../..');
const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8'));
const devOnly = new Set(
  Object.entries(lock.packages)
    .filter(([key, entry]) => key !== '' && entry.dev === true)
    .map(([key]) => key),
);

/** "node_modules/a/node_modules/@b/c" for a file somewhere inside that package. */
function lockKeyOf(file) {
  const rel = path.relative(ROOT, file).split(path.sep);
  let end = -1;
  for (let i = 0; i < rel.length; i++) {
    if (rel[i] !== 'node_modules') continue;
    end = rel[i + 1]?.startsWith('@') ? i + 2 : i + 1;
  }
  return end < 0 ? undefined : rel.slice(0, end + 1).join('/');
}

registerHooks({
  resolve(specifier, context, nextResolve) {
    const result = nextResolve(specifier, context);
    if (result.url.startsWith('file:')) {
      const key = lockKeyOf(fileURLToPath(result.url));
      if (key && devOnly.has(key)) {
        throw new Error(`the compiled service loaded ${key}, a dev dependency that npm ci --omit=dev leaves out`);
      }
    }
    return result;
  },
});
