import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Files one after another, by name, but founder.e2e.ts first (it takes the README's home-page shot
 * on demo data only) and validity.e2e.ts last (it checks the HTML of every page the others loaded).
 */
class ByName extends BaseSequencer {
  override async sort(files: TestSpecification[]) {
    const rank = (f: TestSpecification) =>
      f.moduleId.endsWith('/founder.e2e.ts') ? 0 : f.moduleId.endsWith('/validity.e2e.ts') ? 2 : 1;
    return [...files].sort((a, b) => rank(a) - rank(b) || a.moduleId.localeCompare(b.moduleId));
  }
}

/**
 * Whole journeys in headless Chromium against the real server (started once by the global
 * setup on a fresh data folder with the demo data). Run with `npm run test:e2e`.
 */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: 'e2e/global-setup.ts',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: 'forks',
    sequence: { sequencer: ByName },
  },
});
