import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CONSOLE_DIR } from '../../src/web/console/index.js';

/**
 * The serving tests need a built console. When dist/console is missing it is built here, once, with
 * the project's own Vite config (~10 s); a stale build from older sources still serves, which is what
 * these tests check. If the build fails the error says how to build by hand.
 */
export async function ensureConsoleBuild(): Promise<string> {
  const index = join(DEFAULT_CONSOLE_DIR, 'index.html');
  if (existsSync(index)) return DEFAULT_CONSOLE_DIR;
  const { build } = await import('vite');
  try {
    await build({ configFile: fileURLToPath(new URL('../../web/console/vite.config.ts', import.meta.url)), logLevel: 'warn' });
  } catch (err) {
    throw new Error(`dist/console is missing and building it failed; run \`npm run build:console\` and look at its output.\n${String(err)}`);
  }
  if (!existsSync(index)) throw new Error('dist/console/index.html is still missing after the build; run `npm run build:console`.');
  return DEFAULT_CONSOLE_DIR;
}
