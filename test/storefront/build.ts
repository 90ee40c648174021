import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUILT = join(ROOT, 'dist/storefront/server/index.js');
const ASSETS = join(ROOT, 'dist/storefront/client/assets');
// The storefront also imports pure files of the core (view schemas, cache tags, renditions, the cookie helper).
const SOURCES = [join(ROOT, 'web/storefront'), join(ROOT, 'web/shared'), join(ROOT, 'src/modules'), join(ROOT, 'src/platform')];

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * The storefront tests render the built app (as production does). Decision: build it here when
 * dist/storefront is missing or older than its sources (~10 s), rather than fail;
 * a lock directory keeps two test workers from building at once. Usable as a vitest globalSetup too.
 */
export function ensureStorefrontBuild(): void {
  // A build without the .br/.gz beside its assets (scripts/precompress.ts) is incomplete too.
  const precompressed = () => existsSync(ASSETS) && readdirSync(ASSETS).some((name) => name.endsWith('.br'));
  const stale = () => !existsSync(BUILT) || statSync(BUILT).mtimeMs < Math.max(...SOURCES.map(newestSource)) || !precompressed();
  if (!stale()) return;
  const lock = join(ROOT, 'dist/.storefront-build-lock');
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  for (let waited = 0; ; waited += 250) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (waited > 120_000) throw new Error(`storefront build lock ${lock} held for 2 minutes: remove it if no build is running`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
    }
  }
  try {
    if (!stale()) return;
    const run = spawnSync('npx', ['react-router', 'build', 'web/storefront'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
    if (run.status !== 0) throw new Error(`npm run build:storefront failed:\n${run.stdout}\n${run.stderr}`);
    const pre = spawnSync('npx', ['tsx', 'scripts/precompress.ts', ASSETS], { cwd: ROOT, encoding: 'utf8' });
    if (pre.status !== 0) throw new Error(`precompressing the storefront's assets failed:\n${pre.stdout}\n${pre.stderr}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export default function setup(): void {
  ensureStorefrontBuild();
}
