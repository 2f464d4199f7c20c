import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    // The slow part of the trust suite runs in `npm run test:trust` (vitest.trust.config.ts).
    exclude: ['src/**/*.slow.test.{ts,tsx}', 'node_modules/**'],
    globalSetup: ['src/testing/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
