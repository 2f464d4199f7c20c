import { defineConfig } from 'vitest/config';

/**
 * `npm run test:trust`: the proof of issue 14 (docs/security.md) in one run. The fast files also
 * run in `npm test`; here the hostile-input runs send 300 inputs per form and route (TRUST_RUNS)
 * and the server is killed 200 times under writes (TRUST_KILLS, src/trust.slow.test.ts).
 */
export default defineConfig({
  test: {
    include: [
      'src/trust.test.ts',
      'src/trust.slow.test.ts',
      'src/kernel/backup/*.test.ts',
      'src/modules/accounts/audit-log.test.ts',
    ],
    globalSetup: ['src/testing/global-setup.ts'],
    env: { TRUST_RUNS: process.env.TRUST_RUNS ?? '300', TRUST_KILLS: process.env.TRUST_KILLS ?? '200' },
    testTimeout: 600_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
