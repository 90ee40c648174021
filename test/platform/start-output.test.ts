import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../support/processes.js';
import { frame, lanUrls, siteUrl } from '../../src/cli/banner.js';
import { prettyLine } from '../../src/platform/log.js';
import { loadConfig } from '../../src/platform/config.js';

async function until(what: string, probe: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('`shopkeeper serve` on a fresh embedded store (real process, stdout not a terminal)', () => {
  let dataDir: string;
  let server: ServerProcess;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'shopkeeper-start-'));
    const env: Record<string, string> = { DATA_DIR: dataDir, DEMO_DATA: '0', LOG_LEVEL: 'info', ADMIN_PASSWORD: '', ADMIN_EMAIL: '', PUBLIC_URL: '', LOG_FORMAT: '' };
    server = await startServerProcess(env, 120_000);
    await until('the sign-in block', () => server.output().includes('┘'));
  }, 150_000);
  afterAll(async () => {
    await server?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('prints the addresses of the host it listens on, says PUBLIC_URL is unset, and ends with the framed one-time sign-in', () => {
    const out = server.output();
    const port = new URL(server.url).port;
    expect(out).toContain(`  Storefront  http://127.0.0.1:${port}/`);
    expect(out).toContain(`  Console     http://127.0.0.1:${port}/admin`);
    expect(out).not.toMatch(/^ {2}\w[\w ]+ {2}http:\/\/localhost/m);
    expect(out).toMatch(/PUBLIC_URL {2}not set: pages and redirects stay on whatever address you browse at/);

    const block = out.slice(out.lastIndexOf('┌'), out.lastIndexOf('┘') + 1);
    // Nothing start-up prints comes after it but JSON log lines: the readiness probe's request, or
    // the listening line itself — in JSON mode pino writes to fd 1 on its own path, which a pipe may
    // deliver after console.log's. On a terminal both go through process.stdout, in order.
    const after = out.slice(out.lastIndexOf('┘') + 1).split('\n').filter((l) => l.trim());
    for (const line of after) expect(String(JSON.parse(line).url ?? JSON.parse(line).msg)).toMatch(/^\/readyz$|^Server listening at /);
    expect(block).toContain(`http://127.0.0.1:${port}/admin`);
    expect(block).toMatch(/admin@shopkeeper\.local {2}\/ {2}\S{12,}/);
    expect(block).toContain('npx shopkeeper admin reset-password admin@shopkeeper.local');
    // Every line of the box is as wide as the others.
    const widths = new Set(block.trim().split('\n').map((l) => [...l].length));
    expect(widths.size).toBe(1);
  });

  it('logs JSON lines, one per request, when stdout is not a terminal', async () => {
    const before = server.output().length;
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${server.url}/api/store/nothing-here`)).status).toBe(404);
    await until('two request lines', () => server.output().slice(before).includes('nothing-here'));
    // The readiness probe's request may be logged right after the banner: only this test's requests count.
    const lines = server
      .output()
      .slice(before)
      .split('\n')
      .filter((l) => l.trim() && !l.includes('/readyz'));
    expect(lines).toHaveLength(2);
    const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(entries[0]).toMatchObject({ level: 30, method: 'GET', url: '/healthz', statusCode: 200 });
    expect(entries[1]).toMatchObject({ method: 'GET', url: '/api/store/nothing-here', statusCode: 404 });
    expect(String(entries[0].msg)).toMatch(/^GET \/healthz 200 [\d.]+ ms$/);
  });
});

describe('start-up text and terminal logs (pure parts)', () => {
  const config = (env: Record<string, string>) => loadConfig({ PORT: '3000', ...env });

  it('names the bound host, localhost for every interface, or PUBLIC_URL when set', () => {
    expect(siteUrl(config({}), { host: '0.0.0.0', port: 3000 })).toBe('http://localhost:3000');
    expect(siteUrl(config({}), { host: '192.168.1.20', port: 4100 })).toBe('http://192.168.1.20:4100');
    expect(siteUrl(config({}), { host: '::1', port: 3000 })).toBe('http://[::1]:3000');
    expect(siteUrl(config({ PUBLIC_URL: 'https://shop.example.com/' }), { host: '0.0.0.0', port: 3000 })).toBe('https://shop.example.com');
    const nets = { eth0: [{ family: 'IPv4', address: '10.0.0.5', internal: false }, { family: 'IPv6', address: 'fe80::1', internal: false }], lo: [{ family: 'IPv4', address: '127.0.0.1', internal: true }] };
    expect(lanUrls({ host: '0.0.0.0', port: 3000 }, nets as never)).toEqual(['http://10.0.0.5:3000']);
    expect(lanUrls({ host: '127.0.0.1', port: 3000 }, nets as never)).toEqual([]);
  });

  it('frames lines in a box of their width', () => {
    expect(frame(['ab', 'abcd'])).toBe('\n┌──────┐\n│ ab   │\n│ abcd │\n└──────┘\n');
  });

  it('turns a pino JSON line into one human line, with an error stack below it', () => {
    const time = new Date(2026, 11, 2, 9, 5, 7).getTime();
    expect(prettyLine(JSON.stringify({ level: 30, time, pid: 1, hostname: 'h', reqId: 'req-1', method: 'GET', url: '/', statusCode: 200, responseTime: 3, msg: 'GET / 200 3 ms' })))
      .toBe('09:05:07 INFO  GET / 200 3 ms\n');
    expect(prettyLine(JSON.stringify({ level: 40, time, msg: 'slow', orderId: 'o 1', n: 2 }))).toBe('09:05:07 WARN  slow  orderId="o 1" n=2\n');
    const err = prettyLine(JSON.stringify({ level: 50, time, msg: 'boom', err: { message: 'x', stack: 'Error: x\n    at f' } }));
    expect(err).toBe('09:05:07 ERROR boom\n    Error: x\n        at f\n');
    expect(prettyLine('not json')).toBe('not json\n');
  });
});

describe('the demo progress bar', () => {
  it('says how long is left as a person reads it, never 1m60s', async () => {
    const { formatEta } = await import('../../src/cli/seed.js');
    expect(formatEta(42)).toBe('45 s');
    expect(formatEta(118)).toBe('2 min 00 s');
    expect(formatEta(125)).toBe('2 min 05 s');
    expect(formatEta(Infinity)).toBe('…');
  });
});
