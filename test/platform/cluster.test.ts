import { readdirSync, readFileSync } from 'node:fs';
import { get } from 'node:http';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeOnBackend, type TestDatabase } from '../support/harness.js';
import { startServerProcess, type ServerProcess } from '../support/processes.js';

/**
 * Live server processes forked by `pid`, read from /proc (Linux). tsx's esbuild service is a child
 * too (it compiles the TypeScript, and may still be running when the test looks): not counted.
 */
function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) !== pid || fields[0] === 'Z') continue;
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('esbuild')) continue;
      out.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** One GET on a connection of its own, so the cluster's round-robin spreads them over its processes. */
function getOnNewConnection(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

async function until<T>(what: string | (() => string), probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describeOnBackend('postgres', 'serve with PROCESSES=2 (node:cluster on one port)', (backend) => {
  let db: TestDatabase;
  let server: ServerProcess;
  const admin = { email: 'cluster-admin@test.local', password: `pw-${randomBytes(6).toString('hex')}` };

  beforeAll(async () => {
    if (!backend.redisUrl) throw new Error('the cluster suite needs TEST_REDIS_URL');
    db = await createTestDatabase(backend);
    server = await startServerProcess(
      {
        DATABASE_URL: db.databaseUrl!,
        REDIS_URL: backend.redisUrl,
        REDIS_PREFIX: `skcluster-${randomBytes(4).toString('hex')}`,
        PROCESSES: '2',
        ADMIN_EMAIL: admin.email,
        ADMIN_PASSWORD: admin.password,
      },
      120_000,
    );
    // /readyz answers as soon as one process listens; the primary says "ready" once both do (the
    // first also starts the background work, so under load it can come up seconds after its sibling).
    await until(() => `the primary's ready banner; the server said:\n${server.output()}`, () => (server.output().includes('(2 processes)') ? true : undefined), 120_000);
  }, 270_000);
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('runs two server processes, and an edit made through one is seen at once through both', async () => {
    expect(childrenOf(server.child.pid!)).toHaveLength(2);
    // Both processes cache the store's info…
    for (let i = 0; i < 8; i++) expect((await getOnNewConnection(`${server.url}/api/store/info`)).status).toBe(200);

    const login = await fetch(`${server.url}/api/admin/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(admin) });
    expect(login.status).toBe(200);
    const { token } = (await login.json()) as { token: string };
    const patch = await fetch(`${server.url}/api/admin/settings`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ name: { 'zh-CN': '集群小店', en: 'Cluster Shop' } }),
    });
    expect(patch.status, await patch.clone().text()).toBe(200);

    // …and Redis tells both to drop it: no connection sees the old name.
    for (let i = 0; i < 8; i++) {
      const res = await getOnNewConnection(`${server.url}/api/store/info`);
      expect(JSON.parse(res.body).name).toEqual({ 'zh-CN': '集群小店', en: 'Cluster Shop' });
    }
  });

  it('replaces a process that dies, and stops every process on SIGTERM', async () => {
    const pid = server.child.pid!;
    const [victim] = childrenOf(pid);
    process.kill(victim, 'SIGKILL');
    const replaced = await until(() => `a replacement process; the server said:\n${server.output()}`, () => {
      const now = childrenOf(pid);
      return now.length === 2 && !now.includes(victim) ? now : undefined;
    });
    await until('the replacement to answer', async () => ((await fetch(`${server.url}/readyz`)).ok ? true : undefined));
    for (let i = 0; i < 4; i++) expect((await getOnNewConnection(`${server.url}/readyz`)).status).toBe(200);

    const exited = new Promise<number | null>((resolve) => server.child.once('exit', (code) => resolve(code)));
    server.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    for (const child of replaced) expect(() => process.kill(child, 0)).toThrow();
  });
});
