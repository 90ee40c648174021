import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../support/harness.js';
import { registerShopper } from '../support/customers.js';
import { loginStaff } from '../support/staff.js';
import { seedProduct } from '../support/commerce.js';

/**
 * Bad input for every operation in the OpenAPI document, as a shopper and as staff: malformed
 * JSON, wrong types, missing fields, out-of-range numbers, oversized bodies, unknown ids.
 * Every answer must be a 4xx problem+json — never a 5xx — and no table may change.
 */
type Schema = { type?: string | string[]; properties?: Record<string, Schema>; required?: string[]; minimum?: number; maximum?: number; items?: Schema; anyOf?: Schema[] };
type Op = { method: string; path: string; operationId: string; params: Array<{ name: string; in: string; schema: Schema; required?: boolean }>; body?: Schema };

interface BadRequest {
  label: string;
  method: string;
  url: string;
  payload?: string;
  contentType?: string;
}

function operations(doc: any): Op[] {
  const ops: Op[] = [];
  for (const [path, byMethod] of Object.entries<any>(doc.paths)) {
    for (const [method, op] of Object.entries<any>(byMethod)) {
      ops.push({
        method: method.toUpperCase(),
        path,
        operationId: op.operationId,
        params: op.parameters ?? [],
        body: op.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  return ops;
}

const typeOf = (s: Schema | undefined): string | undefined => (Array.isArray(s?.type) ? s!.type[0] : s?.type) ?? s?.anyOf?.[0]?.type?.toString();

/** A value of the wrong type (or out of range) for a schema. */
function wrongValues(s: Schema): unknown[] {
  switch (typeOf(s)) {
    case 'string':
      return [12345, { nested: true }];
    case 'integer':
      return ['abc', 1.5, s.minimum !== undefined ? s.minimum - 1 : -1e15, 1e16];
    case 'number':
      return ['abc', 1e300 * 10];
    case 'boolean':
      return ['yes-please', 3];
    case 'array':
      return ['not-an-array', 7];
    case 'object':
      return ['not-an-object', [1, 2]];
    default:
      return [];
  }
}

function badRequests(op: Op, limit: number): BadRequest[] {
  const unknownPath = op.path.replace(/\{[^}]+\}/g, () => randomUUID());
  const garbagePath = op.path.replace(/\{[^}]+\}/g, () => 'x'.repeat(250));
  const out: BadRequest[] = [];
  const hasPathParams = op.path.includes('{');
  if (hasPathParams) {
    out.push({ label: 'unknown id', method: op.method, url: unknownPath, payload: op.body ? '{}' : undefined, contentType: op.body ? 'application/json' : undefined });
    out.push({ label: 'garbage id', method: op.method, url: garbagePath });
  }
  // In a query string every value is text, so only non-string parameters can get a wrong type.
  for (const p of op.params.filter((p) => p.in === 'query' && typeOf(p.schema) !== 'string')) {
    for (const v of wrongValues(p.schema)) {
      if (typeof v === 'object') continue;
      out.push({ label: `query ${p.name}=${v}`, method: op.method, url: `${unknownPath}?${p.name}=${encodeURIComponent(String(v))}` });
    }
  }
  if (op.body) {
    const json = 'application/json';
    out.push({ label: 'malformed JSON', method: op.method, url: unknownPath, payload: '{"broken": ', contentType: json });
    out.push({ label: 'array body', method: op.method, url: unknownPath, payload: '[]', contentType: json });
    out.push({ label: 'string body', method: op.method, url: unknownPath, payload: '"text"', contentType: json });
    out.push({ label: 'oversized body', method: op.method, url: unknownPath, payload: JSON.stringify({ pad: 'x'.repeat(limit + 10) }), contentType: json });
    if (op.body.required?.length) out.push({ label: 'missing fields', method: op.method, url: unknownPath, payload: '{}', contentType: json });
    for (const [name, prop] of Object.entries(op.body.properties ?? {})) {
      for (const v of wrongValues(prop)) {
        out.push({ label: `body.${name}=${JSON.stringify(v)}`, method: op.method, url: unknownPath, payload: JSON.stringify({ [name]: v }), contentType: json });
      }
    }
  }
  return out;
}

describeEachBackend('bad input for every operation in the OpenAPI document', (backend) => {
  let t: TestApp;
  let ops: Op[];
  let shopper: Record<string, string>;
  let admin: Record<string, string>;
  let tables: string[];

  const counts = async () => {
    const res = await t.k.db.q.execute(sql.raw(`select ${tables.map((n) => `(select count(*) from "${n}")::int as "${n}"`).join(', ')}`));
    return (res as unknown as { rows: Array<Record<string, number>> }).rows[0];
  };

  beforeAll(async () => {
    t = await startTestApp(backend);
    await seedProduct(t, { stock: 5 });
    shopper = (await registerShopper(t)).auth;
    admin = (await loginStaff(t, 'admin')).auth;
    ops = operations((await t.app.inject({ url: '/api/openapi.json' })).json());
    const res = await t.k.db.q.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`);
    tables = (res as unknown as { rows: Array<{ table_name: string }> }).rows.map((r) => r.table_name).filter((n) => !n.startsWith('__drizzle'));
  });
  afterAll(() => t.close());

  it('covers every operation with a stable operationId', () => {
    expect(ops.length).toBeGreaterThan(40);
    const ids = ops.map((o) => o.operationId);
    expect(ids.every(Boolean)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const required of ['register', 'login', 'listProducts', 'getProduct', 'createCart', 'getCart', 'addCartItem', 'updateCartItem', 'placeOrder', 'getOrder', 'listMyOrders', 'cancelOrder', 'confirmReceipt', 'createPayment', 'paymentWebhook', 'adminLogin']) {
      expect(ids, required).toContain(required);
    }
  });

  it('answers 4xx problem+json, never 5xx, and writes nothing', async () => {
    const failures: string[] = [];
    let sent = 0;
    for (const op of ops) {
      const auth = op.path.startsWith('/api/admin') ? admin : shopper;
      for (const bad of badRequests(op, t.k.config.bodyLimitBytes)) {
        const before = await counts();
        const res = await t.app.inject({
          method: bad.method as 'GET',
          url: bad.url,
          headers: { ...auth, ...(bad.contentType ? { 'content-type': bad.contentType } : {}) },
          payload: bad.payload,
        });
        sent++;
        const where = `${op.operationId} (${bad.label}) → ${res.statusCode}`;
        if (res.statusCode < 400 || res.statusCode >= 500) failures.push(`${where}: ${res.body.slice(0, 160)}`);
        else if (!String(res.headers['content-type']).includes('application/problem+json')) failures.push(`${where}: not problem+json`);
        else if (!res.json().code) failures.push(`${where}: no code`);
        const after = await counts();
        const changed = tables.filter((n) => before[n] !== after[n]);
        if (changed.length) failures.push(`${where}: changed ${changed.join(', ')}`);
      }
    }
    expect(sent).toBeGreaterThan(300);
    expect(failures).toEqual([]);
  });
});
