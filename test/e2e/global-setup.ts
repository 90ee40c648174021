import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startServerProcess, type ServerProcess } from '../support/processes.js';
import { ADMIN } from './support/env.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the shared store runs, e.g. http://127.0.0.1:41234. */
    e2eBaseUrl: string;
  }
}

/**
 * One store for every e2e file: builds the web apps if dist/ lacks them, then starts ONE real
 * `shopkeeper serve` with the demo shop (first start ~25 s on 2 cores) in a temporary DATA_DIR.
 * `E2E_BASE_URL` points the suite at a store that is already running instead (local debugging;
 * its admin must then be E2E_ADMIN_EMAIL / E2E_ADMIN_PASSWORD).
 */
export default async function setup(project: TestProject) {
  if (process.env.E2E_BASE_URL) {
    project.provide('e2eBaseUrl', process.env.E2E_BASE_URL.replace(/\/$/, ''));
    return;
  }
  if (!existsSync(join(ROOT, 'dist/storefront/server')) || !existsSync(join(ROOT, 'dist/console/index.html'))) {
    const started = Date.now();
    console.log('[e2e] dist/ lacks the web build: running `npm run build:web` …');
    execFileSync('npm', ['run', 'build:web'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    console.log(`[e2e] web build done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'shopkeeper-e2e-'));
  const started = Date.now();
  let server: ServerProcess;
  try {
    server = await startServerProcess(
      {
        DATA_DIR: dataDir,
        DEMO_DATA: '1',
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        PAYMENT_SANDBOX: '1',
        LOG_LEVEL: 'warn',
        // Every address of the machine, as a store is run: a journey browses at the LAN address too.
        HOST: '0.0.0.0',
      },
      240_000,
    );
  } catch (err) {
    await rm(dataDir, { recursive: true, force: true });
    throw err;
  }
  console.log(`[e2e] store with demo shop ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  // Browsed at 127.0.0.1 on purpose, with PUBLIC_URL unset: the store must keep the shopper on the
  // host they opened it at (the sandbox pay page and its way back included), not send them to localhost.
  project.provide('e2eBaseUrl', server.url);
  return async () => {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
