import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import pino from 'pino';
import { z } from 'zod';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/platform/config.js';
import { createKernel, type Kernel } from '../../src/platform/kernel.js';
import { createHttpServer, type HttpServer } from '../../src/platform/http/server.js';
import { checkedAnswer } from '../../src/platform/http/answer.js';
import { createTestDatabase, describeEachBackend, type TestDatabase } from '../support/harness.js';

/**
 * A write whose answer its response schema refuses (decision 0024): with `checkedAnswer` inside the
 * transaction the write is rolled back and the 500 is the truth; without it the write commits and
 * the failure is at least logged at error level with the operation id and the request id.
 */
describeEachBackend('platform: answers checked before commit', (backend) => {
  let db: TestDatabase;
  let k: Kernel;
  let app: HttpServer;
  const lines: Array<Record<string, any>> = [];

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: db.dataDir ?? 'memory://', DATABASE_URL: db.databaseUrl, DEMO_DATA: 'false' });
    k = await createKernel(config);
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(JSON.parse(String(chunk))), done()) });
    app = await createHttpServer({ logger: pino({ level: 'info' }, sink), requestLogLevel: 'debug', bodyLimit: 1_000_000, trustProxy: false, publicUrl: '/', version: 'test', metrics: { allow: config.metricsAllow, token: config.metricsToken } });
    const narrow = z.object({ name: z.string().max(5) });
    app.post('/checked/:key', { schema: { operationId: 'checkedWrite', params: z.object({ key: z.string() }), response: { 201: narrow } } }, async (req, reply) => {
      const body = await k.db.transaction(async () => {
        await k.settings.set(req.params.key, true);
        return checkedAnswer(req, 201, { name: 'far too long' });
      });
      return reply.code(201).send(body);
    });
    app.post('/unchecked/:key', { schema: { operationId: 'uncheckedWrite', params: z.object({ key: z.string() }), response: { 201: narrow } } }, async (req, reply) => {
      await k.db.transaction(() => k.settings.set(req.params.key, true));
      return reply.code(201).send({ name: 'far too long' });
    });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await k?.db.close();
    await db?.drop();
  });

  const errorsOf = (operationId: string) => lines.filter((l) => l.level === 50 && l.operationId === operationId);

  it('rolls the write back when its answer is refused, and logs the operation, request id and fields', async () => {
    const key = `t.checked.${randomBytes(4).toString('hex')}`;
    const res = await app.inject({ method: 'POST', url: `/checked/${key}`, headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toMatchObject({ code: 'INTERNAL' });
    expect(await k.settings.get(key)).toBeUndefined();
    const [line] = errorsOf('checkedWrite');
    expect(line).toMatchObject({ status: 201, rolledBack: true, fields: ['name (too_big)'], reqId: expect.any(String) });
    expect(JSON.stringify(line)).not.toContain('far too long'); // the fields, not their values
  });

  it('logs a refused answer at serialization as an error after a write (the case the check prevents)', async () => {
    const key = `t.unchecked.${randomBytes(4).toString('hex')}`;
    const res = await app.inject({ method: 'POST', url: `/unchecked/${key}` });
    expect(res.statusCode).toBe(500);
    expect(await k.settings.get(key)).toBe(true);
    const [line] = errorsOf('uncheckedWrite');
    expect(line).toMatchObject({ status: 201, afterWrite: true, fields: ['name (too_big)'], reqId: expect.any(String) });
  });
});
