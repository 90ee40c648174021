import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../support/harness.js';

const client = fileURLToPath(new URL('../support/upload-client.mjs', import.meta.url));

/**
 * An oversized body gets its 413 problem+json over a real socket, read by Node's own fetch (undici)
 * from another process: when the server answered and closed while the client was still sending,
 * fetch reported a broken pipe (EPIPE) instead of the answer, most of the time for 5 MB.
 */
describeEachBackend('platform: oversized request bodies over a real socket', (backend) => {
  let t: TestApp;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp(backend);
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => t.close());

  async function send(path: string, mb: number, times: number, parallel: number, chunked = false) {
    const args = [client, `${base}${path}`, String(mb), String(times), String(parallel), ...(chunked ? ['chunked'] : [])];
    const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 1024 * 1024 });
    return JSON.parse(stdout) as Array<{ status?: number; type?: string; code?: string; error?: string }>;
  }

  const refused = { status: 413, type: expect.stringContaining('application/problem+json'), code: 'BODY_TOO_LARGE' };

  it('answers 5 MB bodies with Content-Length with 413 problem+json, one after another and several at once', async () => {
    const one = await send('/api/store/auth/login', 5, 8, 1);
    expect(one).toEqual(Array(8).fill(refused));
    const many = await send('/api/store/auth/register', 5, 1, 4);
    expect(many).toEqual(Array(4).fill(refused));
  });

  it('answers a 5 MB chunked body (no Content-Length) with 413 problem+json', async () => {
    expect(await send('/api/store/auth/login', 5, 3, 1, true)).toEqual(Array(3).fill(refused));
  });

  it('keeps answering normally afterwards', async () => {
    expect((await fetch(`${base}/api/store/products`)).status).toBe(200);
  });
});
