import { afterAll, expect } from 'vitest';
import { cspViolations } from './browser.js';

/**
 * Loaded before every e2e file (vitest.e2e.config.ts setupFiles): a journey whose pages broke
 * their own Content-Security-Policy fails, whatever it was checking (docs/decisions/0026).
 */
afterAll(() => {
  const seen = cspViolations.splice(0);
  expect(seen, 'Content-Security-Policy violations in the browser').toEqual([]);
});
