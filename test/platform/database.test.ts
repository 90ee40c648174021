import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { createTestDatabase, describeOnBackend, type Backend } from '../support/harness.js';
import { loadConfig } from '../../src/platform/config.js';
import { createKernel, type Kernel } from '../../src/platform/kernel.js';
import { DataDirLockedError } from '../../src/platform/db/data-dir-lock.js';

const OPEN_MODULE = pathToFileURL(fileURLToPath(new URL('../../src/platform/db/open.ts', import.meta.url))).href;
const JOURNAL = new URL('../../drizzle/meta/_journal.json', import.meta.url);

const kernelFor = (b: Backend, db: { databaseUrl?: string; dataDir?: string }) =>
  createKernel(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO_DATA: 'false', DATABASE_URL: db.databaseUrl, DATA_DIR: db.dataDir ?? 'memory://' }));

/** Another Shopkeeper process holding the embedded database open, until killed. */
async function holdDataDir(dataDir: string): Promise<ChildProcess> {
  const script = join(dataDir, 'hold.mts');
  await writeFile(script, `import { openDatabase } from ${JSON.stringify(OPEN_MODULE)};\nawait openDatabase({ dataDir: ${JSON.stringify(dataDir)} });\nconsole.log('ready');\nsetInterval(() => {}, 1000);\n`);
  const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let err = '';
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => reject(new Error(`holder exited (${code}): ${err}`)));
  });
  return child;
}

describeOnBackend('pglite', 'platform: embedded data folder', (backend) => {
  it('refuses a second process on the same DATA_DIR with DataDirLockedError, and takes over a stale lock', { timeout: 240_000 }, async () => {
    const db = await createTestDatabase(backend);
    const holder = await holdDataDir(db.dataDir!);
    try {
      const err = await kernelFor(backend, db).then(
        (k) => k.db.close().then(() => null),
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(DataDirLockedError);
      const message = (err as Error).message;
      expect(message).toContain(db.dataDir!);
      expect(message).toContain(`pid ${holder.pid}`);
      expect(message).toContain('DATABASE_URL');
      expect(message).toMatch(/stop that process first/);
    } finally {
      holder.kill('SIGKILL');
      await new Promise((r) => holder.once('exit', r));
    }
    // The holder died without cleaning up: its lock file names a dead pid, which is taken over.
    expect(await readFile(join(db.dataDir!, 'shopkeeper.lock'), 'utf8')).toBe(String(holder.pid));
    const k = await kernelFor(backend, db);
    try {
      expect(await readFile(join(db.dataDir!, 'shopkeeper.lock'), 'utf8')).toBe(String(process.pid));
      await k.db.q.execute(sql`select 1`);
    } finally {
      await k.db.close();
      await db.drop();
    }
  });
});

describeOnBackend('postgres', 'platform: migrations on a PostgreSQL server', (backend) => {
  it('applies migrations from 3 kernels starting at once on one fresh database', { timeout: 120_000 }, async () => {
    const db = await createTestDatabase(backend);
    const kernels: Kernel[] = [];
    try {
      const started = await Promise.allSettled([1, 2, 3].map(() => kernelFor(backend, db)));
      for (const s of started) if (s.status === 'fulfilled') kernels.push(s.value);
      expect(started.map((s) => (s.status === 'rejected' ? String(s.reason) : 'ok'))).toEqual(['ok', 'ok', 'ok']);
      const journal = JSON.parse(await readFile(JOURNAL, 'utf8')) as { entries: unknown[] };
      const res = await kernels[0].db.q.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
      expect((res as unknown as { rows: Array<{ n: number }> }).rows[0].n).toBe(journal.entries.length);
      for (const k of kernels) await k.db.q.execute(sql`select count(*) from outbox_events`);
    } finally {
      for (const k of kernels) {
        await k.cache.close();
        await k.db.close();
      }
      await db.drop();
    }
  });
});
