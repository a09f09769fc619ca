import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('nlp modules', () => {
  // `import natural from 'natural'` runs dotenv and prints to stdout; our deep imports must not.
  it('print nothing when imported and used', () => {
    const script = [
      "const { matchChoice } = await import('./src/nlp/answer-matcher.ts');",
      "const { createCategoryClassifier } = await import('./src/nlp/category-classifier.ts');",
      "const { detectEmergency } = await import('./src/nlp/emergency.ts');",
      "const { urgencyTerms } = await import('./src/nlp/urgency.ts');",
      "matchChoice('spaccio', [{ id: 'a', labels: ['spaccio'] }]);",
      "createCategoryClassifier().suggest('spacciano al parco');",
      "detectEmergency('pistola'); urgencyTerms('adesso');",
    ].join('\n');
    const stdout = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    expect(stdout).toBe('');
  });
});
