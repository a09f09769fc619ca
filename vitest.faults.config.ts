import { defineConfig } from 'vitest/config';

/**
 * `npm run test:faults`: the long fault-injection run (tests/faults), minutes long, one file at a
 * time. Each test starts its own redis-server and MongoDB-wire server, so there is no global setup.
 */
export default defineConfig({
  test: {
    include: ['tests/faults/**/*.test.ts'],
    testTimeout: 900_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    env: { NODE_ENV: 'test' },
  },
});
