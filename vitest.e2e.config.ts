import { defineConfig } from 'vitest/config';

/**
 * The end-to-end browser suite: test/e2e/**\/*.e2e.test.ts, driving Debian's Chromium
 * (/usr/bin/chromium) with playwright-core against ONE real store process started by
 * test/e2e/global-setup.ts (demo shop, sandbox payments). `npm test` includes it as a project
 * when /usr/bin/chromium exists (see vitest.config.ts); alone: `npx vitest run --config vitest.e2e.config.ts`.
 * Files run one after another in one worker: the journeys share the store, and the machine has 2 cores.
 */
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['test/e2e/**/*.e2e.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    // Every journey fails on a Content-Security-Policy violation in its browser.
    setupFiles: ['test/e2e/support/csp-check.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000,
    // CI writes a JSON report so .ci/run can check that the [chromium] suites ran (when run alone).
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results/vitest-e2e.json' }]] : ['default'],
  },
});
