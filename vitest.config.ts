import { existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

// The end-to-end browser suite (vitest.e2e.config.ts) joins `npm test` wherever Debian's Chromium
// is installed; it runs after the other suites, one file at a time (maxWorkers 1).
const e2e = existsSync('/usr/bin/chromium') ? ['vitest.e2e.config.ts'] : [];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    // CI also writes a JSON report so .ci/run can check that the PostgreSQL/Redis suites ran.
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results/vitest.json' }]] : ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/**/*.test.{ts,tsx}'],
          exclude: ['test/e2e/**', 'node_modules/**'],
        },
      },
      ...e2e,
    ],
  },
});
