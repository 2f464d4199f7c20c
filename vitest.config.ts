import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    // The slow part of the trust suite runs in `npm run test:trust` (vitest.trust.config.ts).
    exclude: ['src/**/*.slow.test.{ts,tsx}', 'node_modules/**'],
    globalSetup: ['src/testing/global-setup.ts'],
    // Limits for a hung test, not timings: a busy 2-core machine runs the heaviest tests in ~25 s.
    testTimeout: 90_000,
    hookTimeout: 60_000,
    // Two processes (the machine's two cores), each running test files one after another without
    // loading the app's modules again for every file: a file's state is its own database (see
    // src/testing/runtime.ts), never a module's variables. Measured in decision 31.
    pool: 'forks',
    maxWorkers: 2,
    isolate: false,
  },
});
