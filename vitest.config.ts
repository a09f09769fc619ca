import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The long fault-injection run has its own command: npm run test:faults (vitest.faults.config.ts).
    exclude: ['**/node_modules/**', 'tests/faults/**'],
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Files share one Redis and one MongoDB-wire server; each uses its own database and key prefix.
    fileParallelism: true,
    maxWorkers: 2,
    env: { NODE_ENV: 'test' },
  },
});
