// Lint: typescript-eslint's recommended rules on all TypeScript; the dependency rule lives in
// .dependency-cruiser.cjs (run together by `npm run lint`).
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', '.venv-db/', 'test-artifacts/', 'coverage/', '.scratch/', '.tmp-*/', '.tools/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['warn', { allow: ['warn', 'error'] }],
    },
  },
  // Tests and benchmarks read untyped JSON from HTTP answers: 'any' is allowed there.
  { files: ['script/**', 'bench/**', 'tests/**'], rules: { 'no-console': 'off', '@typescript-eslint/no-explicit-any': 'off' } },
);
