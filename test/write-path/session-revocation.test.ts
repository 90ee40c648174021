import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, describeOnBackend, createTestDatabase, startTestApp, type TestApp, type TestDatabase } from '../support/harness.js';
import { registerShopper } from '../support/customers.js';

/**
 * Sessions are cached in each API process (a shopper's requests cost no session statement), and a
 * sign-out in one process ends the session in every other at once, over Redis — not after the cache
 * entry's minute (decision 0032).
 */
describeEachBackend('session revocation in one process', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(() => t?.close());

  it('serves a signed-in shopper from the cached session and ends it at sign-out', async () => {
    const shopper = await registerShopper(t);
    expect((await t.app.inject({ method: 'GET', url: '/api/store/me', headers: shopper.auth })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/store/auth/logout', headers: shopper.auth })).statusCode).toBeLessThan(300);
    expect((await t.app.inject({ method: 'GET', url: '/api/store/me', headers: shopper.auth })).statusCode).toBe(401);
  });
});

// Two processes share invalidations over Redis: the suite runs with TEST_REDIS_URL (as in .ci/run).
const withRedis = process.env.TEST_REDIS_URL ? describeOnBackend : () => {};
withRedis('postgres', 'session revocation across processes', (backend) => {
  let db: TestDatabase;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    const shared = { REDIS_PREFIX: `sktest-${randomBytes(4).toString('hex')}` };
    a = await startTestApp(backend, shared, { database: db });
    b = await startTestApp(backend, shared, { database: db });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await db?.drop();
  });

  it('ends a session in the other process the moment it is signed out in one', async () => {
    const shopper = await registerShopper(a);
    // Process B looks the session up once and keeps it.
    expect((await b.app.inject({ method: 'GET', url: '/api/store/me', headers: shopper.auth })).statusCode).toBe(200);
    const before = b.k.db.statements.n;
    expect((await b.app.inject({ method: 'GET', url: '/api/store/me', headers: shopper.auth })).statusCode).toBe(200);
    const sessionStatements = b.k.db.statements.n - before;

    const out = await a.app.inject({ method: 'POST', url: '/api/store/auth/logout', headers: shopper.auth });
    expect(out.statusCode).toBeLessThan(300);
    // The tag travels through Redis: give it a moment, far less than the cache's minute.
    const deadline = Date.now() + 2000;
    let status = 200;
    while (Date.now() < deadline && status === 200) {
      status = (await b.app.inject({ method: 'GET', url: '/api/store/me', headers: shopper.auth })).statusCode;
      if (status === 200) await new Promise((r) => setTimeout(r, 20));
    }
    expect(status).toBe(401);
    // The cached lookup cost B nothing but the profile read itself.
    expect(sessionStatements).toBeLessThanOrEqual(1);
  });
});
