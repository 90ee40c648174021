import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../support/harness.js';
import { registerShopper } from '../support/customers.js';
import { loginStaff } from '../support/staff.js';
import { seedProduct, testAddress } from '../support/commerce.js';
import { placePaidOrder } from '../support/paid-orders.js';
import {
  bodyWith, forgedCursors, validBody as schemaBody, HOSTILE_TEXT, isCursorParam, isIdParam, NEAR_UUIDS, operations, pathLabel, stringLeaves, typeOf, validValue,
  type KnownIds, type Op, type Schema,
} from './hostile.js';

/**
 * Bad input for every operation in the OpenAPI document, as an anonymous caller, a shopper and a
 * staff member: malformed JSON, wrong types, oversized bodies; forged list cursors; near-UUIDs in
 * every id; NUL bytes and lone surrogates, 5,000-character strings and emoji in every string
 * parameter and body field (inside an otherwise valid request, so each reaches as deep as it can).
 * Never a 5xx; every refusal is problem+json with a code and leaves every table as it was.
 */
type Role = 'anonymous' | 'shopper' | 'staff';

interface Case {
  op: Op;
  role: Role;
  label: string;
  url: string;
  payload?: string;
  contentType?: string;
  /** A legitimate request may succeed (emoji in a name) and write; all others must be refused or be reads. */
  mayWrite?: boolean;
  /** A further check of the answer; returns what is wrong, or null. */
  check?: (status: number, code: string | undefined, problem: { errors?: Array<{ path?: string }> }) => string | null;
}

/** Refusals come before or after the sign-in check, depending on the route: either is right. */
const AUTH = new Set([401, 403]);
const codeIs = (...codes: string[]) => (status: number, code: string | undefined) =>
  AUTH.has(status) || (status === 400 && codes.includes(code ?? '')) ? null : `expected 400 ${codes.join('/')}, got ${status} ${code}`;

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

const JSON_TYPE = 'application/json';
/** Requests sent at once between two checks of the tables. */
const GROUP = 12;
/**
 * Tables a refused request may write by design (say, a sign-in throttle counting failed attempts).
 * Every other table must be exactly as it was after a refusal.
 */
const WRITES_ON_REFUSAL = new Set<string>([
  // Not a request's write: the background worker claims each recurring job's tick on a timer
  // (platform/jobs/recurring.ts), whenever one falls due during the run.
  'recurring_jobs',
]);

describeEachBackend('bad input for every operation in the OpenAPI document', (backend) => {
  let t: TestApp;
  let ops: Op[];
  let auth: Record<Role, Record<string, string>>;
  let known: KnownIds;
  let otherCursors: { products: string; customers: string };
  /** What a valid body of some operations needs beyond its schema (one of two fields, an existing code). */
  let seeds: Record<string, Record<string, unknown>>;
  let tables: string[];

  /** Rows per table and the newest writing transaction: an insert, update or delete changes it. */
  const snapshot = async () => {
    const cols = tables.map((n) => `(select count(*)::text || ':' || coalesce(max(xmin::text::bigint), 0)::text from "${n}") as "${n}"`);
    const res = await t.k.db.q.execute(sql.raw(`select ${cols.join(', ')}`));
    return (res as unknown as { rows: Array<Record<string, string>> }).rows[0];
  };
  /** The next transaction id: it moves only when something wrote (here, or in another database on the same server). */
  const nextTxid = async () => {
    const res = await t.k.db.q.execute(sql`select pg_snapshot_xmax(pg_current_snapshot())::text as x`);
    return (res as unknown as { rows: Array<{ x: string }> }).rows[0].x;
  };
  let baseline: Record<string, string>;
  let mark: string;
  /** Tables changed since the last call: the cheap transaction-id check first, the full snapshot only when it moved. */
  async function changedTables(): Promise<string[]> {
    const now = await nextTxid();
    if (now === mark) return [];
    mark = now;
    const after = await snapshot();
    const changed = tables.filter((n) => baseline[n] !== after[n] && !WRITES_ON_REFUSAL.has(n));
    baseline = after;
    return changed;
  }

  beforeAll(async () => {
    t = await startTestApp(backend);
    const a = await seedProduct(t, { stock: 50 });
    const b = await seedProduct(t, { stock: 50 });
    const shopper = await registerShopper(t);
    await registerShopper(t);
    const staff = await loginStaff(t, 'admin');
    const spare = await loginStaff(t, 'cs');
    auth = { anonymous: {}, shopper: shopper.auth, staff: staff.auth };
    const order = await placePaidOrder(t, shopper.auth, [{ variantId: a.variantIds[0], quantity: 1 }]);
    const address = (await t.app.inject({ method: 'POST', url: '/api/store/me/addresses', headers: shopper.auth, payload: { ...testAddress, recipientName: '张三' } })).json();
    const cart = (await t.app.inject({ method: 'POST', url: '/api/store/carts', headers: shopper.auth })).json();
    const withItem = (await t.app.inject({ method: 'POST', url: `/api/store/carts/${cart.id}/items`, headers: shopper.auth, payload: { variantId: a.variantIds[1], quantity: 1 } })).json();
    const brand = await t.k.db.transaction(() => t.services.catalog.createBrand({ slug: 'fuzz-brand', name: { 'zh-CN': '品牌', en: 'Brand' } }));
    const product = (await t.app.inject({ url: `/api/admin/products/${b.productId}`, headers: staff.auth })).json();
    const shipping = (await t.services.shipping.list()).find((m) => m.code === 'standard')!.id;
    known = {
      anyId: randomUUID(), variantId: a.variantIds[0], productId: a.productId, idOrSlug: a.productId, categoryId: product.categoryId, parentId: product.categoryId,
      brandId: brand.id, warehouseId: a.warehouseId, shippingMethodId: shipping, cartId: cart.id, itemId: withItem.items[0].id,
      addressId: address.id, orderId: order.id, customerId: shopper.customerId, staffId: spare.staffId, lineId: randomUUID(),
      code: '44', provider: 'sandbox', file: 'w320.webp',
    };
    // Path ids by what the path names: the second product (and its variant) takes the console's edits.
    const idFor: Array<[RegExp, string]> = [
      [/\/products\/\{id\}/, b.productId], [/\/variants\/\{id\}/, b.variantIds[0]], [/\/categories\/\{id\}/, product.categoryId], [/\/brands\/\{id\}/, known.brandId],
      [/\/addresses\/\{id\}/, address.id], [/\/shipping-methods\/\{id\}/, shipping], [/\/customers\/\{id\}/, shopper.customerId],
    ];
    ops = operations((await t.app.inject({ url: '/api/openapi.json' })).json());
    for (const op of ops) (op as Op & { id?: string }).id = idFor.find(([re]) => re.test(op.path))?.[1] ?? known.anyId;
    const products = (await t.app.inject({ url: '/api/store/products?limit=1' })).json();
    const customers = (await t.app.inject({ url: '/api/admin/customers?limit=1', headers: staff.auth })).json();
    otherCursors = { products: products.nextCursor, customers: customers.nextCursor };
    const carrier = (await t.app.inject({ url: '/api/admin/carriers', headers: staff.auth })).json().items[0].code;
    const nobody = { identifier: 'nobody@example.com' };
    seeds = {
      placeOrder: { cartId: cart.id, shippingMethodId: shipping, address: testAddress },
      register: { email: 'fuzz-register@example.com', password: 'correct horse battery' },
      login: { ...nobody, password: 'not the password' },
      requestPasswordReset: nobody,
      confirmPasswordReset: { ...nobody, code: '000000', newPassword: 'correct horse battery' },
      adminAddVariant: { optionValues: { v: 's0' } },
      shipOrder: { carrier },
    };
    const res = await t.k.db.q.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`);
    tables = (res as unknown as { rows: Array<{ table_name: string }> }).rows.map((r) => r.table_name).filter((n) => !n.startsWith('__drizzle'));
    baseline = await snapshot();
    mark = await nextTxid();
  });
  afterAll(() => t.close());

  const ROLES: Role[] = ['anonymous', 'shopper', 'staff'];
  const rolesFor = (_op: Op): Role[] => ROLES;
  /** Whom an operation is for: staff for the console's API, a shopper for the store's. */
  const ownerOf = (op: Op): Role => (op.path.startsWith('/api/admin') ? 'staff' : 'shopper');

  /** The operation's URL with known ids in the path (one of them replaced) and the given query. */
  function urlOf(op: Op, override: Record<string, string> = {}, query: Record<string, string> = {}): string {
    const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
      encodeURIComponent(override[name] ?? (name === 'id' ? (op as Op & { id: string }).id : (known[name] ?? known.anyId))),
    );
    const q = { ...Object.fromEntries(op.params.filter((p) => p.in === 'query' && p.required && !(p.name in query)).map((p) => [p.name, String(validValue(p.schema, p.name, known))])), ...query };
    const qs = new URLSearchParams(q).toString();
    return qs ? `${path}?${qs}` : path;
  }

  const validBody = (op: Op) => (op.body ? JSON.stringify(schemaBody(op.body, known, seeds[op.operationId])) : undefined);
  const bodyOf = (op: Op, path: Parameters<typeof bodyWith>[1], value: unknown) => JSON.stringify(bodyWith(op.body!, path, value, known, seeds[op.operationId]));

  async function send(c: Case) {
    const res = await t.app.inject({
      method: c.op.method as 'GET',
      url: c.url,
      headers: { ...auth[c.role], ...(c.payload !== undefined ? { 'content-type': c.contentType ?? JSON_TYPE } : {}) },
      payload: c.payload,
    });
    const where = `${c.op.operationId} as ${c.role} (${c.label}) → ${res.statusCode}`;
    const isProblem = String(res.headers['content-type']).includes('application/problem+json');
    const problem = isProblem ? (res.json() as { code?: string; errors?: Array<{ path?: string }> }) : {};
    const code = problem.code;
    let wrong: string | null = null;
    // Outside /api the storefront owns every path: a URL the router cannot match there is its 404 page.
    const storefront404 = !c.op.path.startsWith('/api/') && res.statusCode === 404 && String(res.headers['content-type']).startsWith('text/html');
    if (res.statusCode >= 500) wrong = res.body.slice(0, 200);
    else if (storefront404) wrong = null;
    else if (res.statusCode >= 400 && !isProblem) wrong = 'not problem+json';
    else if (res.statusCode >= 400 && !code) wrong = 'no code';
    else if (res.statusCode < 400 && c.op.method !== 'GET' && !c.mayWrite) wrong = 'accepted';
    else wrong = c.check?.(res.statusCode, code, problem) ?? null;
    return { where, refused: res.statusCode >= 400, wrong };
  }

  /**
   * Sends the cases and returns what went wrong. Cases that must not write go in small concurrent
   * groups between two snapshots; ones that may legitimately write go one at a time.
   */
  async function run(cases: Case[]): Promise<{ failures: string[]; sent: number }> {
    const failures: string[] = [];
    // Only the caller an operation is for can write through it: staff for /api/admin, anyone for the store.
    const mayWrite = (c: Case) => c.mayWrite && c.op.method !== 'GET' && (c.role === 'staff' || !c.op.path.startsWith('/api/admin'));
    const refusedOnly = cases.filter((c) => !mayWrite(c));
    const maybeWrites = cases.filter(mayWrite);
    await changedTables();
    for (let i = 0; i < refusedOnly.length; i += GROUP) {
      const results = await Promise.all(refusedOnly.slice(i, i + GROUP).map((c) => send({ ...c, mayWrite: false })));
      for (const r of results) if (r.wrong) failures.push(`${r.where}: ${r.wrong}`);
      const changed = await changedTables();
      if (changed.length) failures.push(`changed ${changed.join(', ')} during: ${results.map((r) => r.where).join(' | ')}`);
    }
    for (const c of maybeWrites) {
      const r = await send(c);
      if (r.wrong) failures.push(`${r.where}: ${r.wrong}`);
      const changed = await changedTables();
      if (r.refused && changed.length) failures.push(`${r.where}: refused but changed ${changed.join(', ')}`);
    }
    return { failures, sent: cases.length };
  }

  it('covers every operation with a stable operationId', () => {
    expect(ops.length).toBeGreaterThan(40);
    const ids = ops.map((o) => o.operationId);
    expect(ids.every(Boolean)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const required of ['register', 'login', 'listProducts', 'getProduct', 'createCart', 'getCart', 'addCartItem', 'updateCartItem', 'placeOrder', 'getOrder', 'listMyOrders', 'cancelOrder', 'confirmReceipt', 'createPayment', 'paymentWebhook', 'adminLogin']) {
      expect(ids, required).toContain(required);
    }
  });

  it('answers malformed requests (wrong types, missing fields, broken or oversized JSON, unknown ids) with 4xx problem+json', async () => {
    const limit = t.k.config.bodyLimitBytes;
    const cases: Case[] = [];
    for (const op of ops) {
      for (const role of [ownerOf(op)]) {
        const unknownPath = op.path.replace(/\{[^}]+\}/g, () => randomUUID());
        const add = (label: string, url: string, payload?: string, contentType?: string) => cases.push({ op, role, label, url, payload, contentType });
        if (op.path.includes('{')) {
          add('unknown id', unknownPath, op.body ? '{}' : undefined);
          add('garbage id', op.path.replace(/\{[^}]+\}/g, () => 'x'.repeat(250)));
        }
        // In a query string every value is text, so only non-string parameters can get a wrong type.
        for (const p of op.params.filter((p) => p.in === 'query' && typeOf(p.schema) !== 'string')) {
          for (const v of wrongValues(p.schema)) if (typeof v !== 'object') add(`query ${p.name}=${v}`, `${unknownPath}?${p.name}=${encodeURIComponent(String(v))}`);
        }
        if (op.body) {
          add('malformed JSON', unknownPath, '{"broken": ');
          add('array body', unknownPath, '[]');
          add('string body', unknownPath, '"text"');
          add('oversized body', unknownPath, JSON.stringify({ pad: 'x'.repeat(limit + 10) }));
          if (op.body.required?.length) add('missing fields', unknownPath, '{}');
          for (const [name, prop] of Object.entries(op.body.properties ?? {})) {
            for (const v of wrongValues(prop)) add(`body.${name}=${JSON.stringify(v)}`, unknownPath, JSON.stringify({ [name]: v }));
          }
        }
      }
    }
    const { failures, sent } = await run(cases);
    expect(sent).toBeGreaterThan(500);
    expect(failures).toEqual([]);
  });

  it('refuses forged cursors on every list with 400 INVALID_CURSOR', async () => {
    const cases: Case[] = [];
    for (const op of ops) {
      for (const p of op.params.filter(isCursorParam)) {
        // A real cursor, from a different list than this one.
        const other = op.path.endsWith('/products') ? [otherCursors.customers] : [otherCursors.products];
        for (const role of rolesFor(op)) {
          for (const f of forgedCursors(other)) {
            cases.push({ op, role, label: `${p.name}: ${f.label}`, url: urlOf(op, {}, { [p.name]: f.value }), check: codeIs('INVALID_CURSOR', 'VALIDATION_FAILED') });
          }
        }
      }
    }
    const lists = new Set(cases.map((c) => c.op.operationId));
    expect([...lists]).toEqual(expect.arrayContaining(['listProducts', 'listMyOrders', 'searchProducts', 'adminListProducts', 'adminListOrders', 'adminListCustomers', 'adminGetCustomer', 'adminListAudit', 'adminListRefunds', 'adminListStock', 'adminListStockLedger', 'adminListStaff', 'adminListMessages']));
    const { failures } = await run(cases);
    expect(failures).toEqual([]);
  });

  it('answers near-UUIDs in every id parameter with 400 or 404 (or an empty list), never 5xx', async () => {
    const cases: Case[] = [];
    for (const op of ops) {
      const payload = validBody(op);
      for (const p of op.params.filter((p) => (p.in === 'path' || p.in === 'query') && isIdParam(p))) {
        for (const role of rolesFor(op)) {
          for (const v of NEAR_UUIDS) {
            const url = p.in === 'path' ? urlOf(op, { [p.name]: v }) : urlOf(op, {}, { [p.name]: v });
            cases.push({ op, role, label: `${p.in} ${p.name}=${v}`, url, payload });
          }
        }
      }
      // Ids in bodies too: each uuid field of a valid body in turn (one an alternative field makes moot may succeed).
      if (op.body) {
        for (const path of stringLeaves(op.body).filter((path) => /Id$/.test(String(path.at(-1))))) {
          for (const v of NEAR_UUIDS.slice(0, 2)) {
            cases.push({ op, role: ownerOf(op), label: `body.${pathLabel(path)}=${v}`, url: urlOf(op), payload: bodyOf(op, path, v), mayWrite: true });
          }
        }
      }
    }
    expect(cases.filter((c) => c.op.operationId === 'getOrder' || c.op.operationId === 'adminGetOrder').length).toBeGreaterThan(10);
    const { failures } = await run(cases);
    expect(failures).toEqual([]);
  });

  it('refuses NUL and lone surrogates in every string parameter and body field with 400 naming the field', async () => {
    const cases: Case[] = [];
    const [nul, surrogate] = HOSTILE_TEXT.filter((h) => h.refused);
    const unstorable = codeIs('UNSTORABLE_CHARACTER');
    /** …and the problem names the field, as the path into the body. */
    const naming = (field: string) => (status: number, code: string | undefined, problem: { errors?: Array<{ path?: string }> }) =>
      unstorable(status, code) ?? (status !== 400 || problem.errors?.[0]?.path === field ? null : `named ${problem.errors?.[0]?.path}, not ${field}`);
    for (const op of ops) {
      for (const role of rolesFor(op)) {
        for (const p of op.params.filter((p) => (p.in === 'path' || p.in === 'query') && typeOf(p.schema) === 'string')) {
          const url = p.in === 'path' ? urlOf(op, { [p.name]: nul.value }) : urlOf(op, {}, { [p.name]: nul.value });
          cases.push({ op, role, label: `${p.in} ${p.name} NUL`, url, payload: validBody(op), check: naming(p.name) });
        }
        for (const path of op.body ? stringLeaves(op.body) : []) {
          for (const h of [nul, surrogate]) {
            cases.push({ op, role, label: `body.${pathLabel(path)} ${h.label}`, url: urlOf(op), payload: bodyOf(op, path, h.value), check: naming(pathLabel(path)) });
          }
        }
      }
    }
    expect(cases.length).toBeGreaterThan(500);
    const { failures } = await run(cases);
    expect(failures).toEqual([]);
  });

  it('takes 5,000-character strings and emoji in every string parameter and body field without a 5xx', async () => {
    const cases: Case[] = [];
    for (const op of ops) {
      for (const role of rolesFor(op)) {
        for (const h of HOSTILE_TEXT.filter((h) => !h.refused)) {
          for (const p of op.params.filter((p) => (p.in === 'path' || p.in === 'query') && typeOf(p.schema) === 'string')) {
            const url = p.in === 'path' ? urlOf(op, { [p.name]: h.value }) : urlOf(op, {}, { [p.name]: h.value });
            cases.push({ op, role, label: `${p.in} ${p.name} ${h.label}`, url, payload: validBody(op), mayWrite: true });
          }
          for (const path of op.body ? stringLeaves(op.body) : []) {
            cases.push({ op, role, label: `body.${pathLabel(path)} ${h.label}`, url: urlOf(op), payload: bodyOf(op, path, h.value), mayWrite: true });
          }
        }
      }
    }
    expect(cases.length).toBeGreaterThan(500);
    const { failures } = await run(cases);
    expect(failures).toEqual([]);
  });
});
