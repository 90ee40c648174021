import type { IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { drainRequest } from './drain.js';

const request = () => Object.assign(new PassThrough(), { complete: false }) as unknown as IncomingMessage & PassThrough;

describe('draining a refused request body', () => {
  it('reads to the end of the body, then resolves', async () => {
    const req = request();
    let done = false;
    const drained = drainRequest(req, 1024).then(() => (done = true));
    req.write(Buffer.alloc(500));
    await new Promise((r) => setImmediate(r));
    expect(done).toBe(false);
    req.end(Buffer.alloc(100));
    await drained;
    expect(done).toBe(true);
  });

  it('gives up past its byte limit or its time limit, so an endless upload cannot hold the server', async () => {
    const big = request();
    const drained = drainRequest(big, 1024);
    big.write(Buffer.alloc(2048));
    await drained;
    const slow = request();
    const started = Date.now();
    await drainRequest(slow, 1024, 50);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });

  it('resolves at once for a body already read', async () => {
    await drainRequest(Object.assign(request(), { complete: true }));
  });
});
