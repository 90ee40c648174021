import { readdirSync } from 'node:fs';
import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnBackend, startTestApp, type TestApp } from '../support/harness.js';
import { TRACKING_STATUSES } from '../../src/modules/fulfilment/logic/carriers.js';
import { REFUND_STATUSES } from '../../src/modules/after-sales/schema.js';
import { MEDIA_FORMATS } from '../../src/modules/media/schema.js';
import { TEAM_MEMBER_ROLES, TEAM_SEAT_STATES } from '../../src/modules/marketing/group-buys/schema.js';

/**
 * No answer may be narrower than what the store keeps (issue 10: a response schema capped product
 * titles at 60 characters while titles may be 500, so the stock screens answered 500 — after the
 * adjustment had been booked). The columns are text without a length, so a 2xx response schema
 * carries no length, pattern, format, item count or numeric range; its enums are the tables' own.
 * The document is the same on both shapes: one app is enough.
 */
type JsonSchema = Record<string, any>;
const NARROWING = ['maxLength', 'minLength', 'pattern', 'format', 'maxItems', 'minItems', 'exclusiveMinimum', 'exclusiveMaximum'];
const SAFE = Number.MAX_SAFE_INTEGER;

/** Enums a view computes rather than reads from a column (field name → values), each with its reason. */
const COMPUTED_ENUMS: Record<string, string[]> = {
  outcome: ['cancelled', 'refunded', 'refund_requested'], // what a staff cancel did
  stock: ['inStock', 'low', 'out'], // a variant's stock level from its units (logic/stock-level.ts)
  result: ['shipped', 'skipped'], // a bulk-ship row's fate
  received: ['true'], // a webhook's acknowledgement
  accepted: ['true'], // a password reset's acknowledgement
  permissions: [], // the code's permission list (staff/permissions.ts), not a column
  exposures: ['public-url', 'real-provider'], // why the sandbox is exposed (payments/logic/sandbox-exposure.ts)
  runState: ['scheduled', 'running', 'ended', 'paused'], // a promotion's status and window against the clock (marketing/promotions/service.ts)
};

async function storedEnums(): Promise<string[][]> {
  const sets: string[][] = [[...TRACKING_STATUSES], [...REFUND_STATUSES], [...MEDIA_FORMATS], [...TEAM_MEMBER_ROLES], [...TEAM_SEAT_STATES]]; // text (and jsonb) columns typed by these lists
  for (const mod of readdirSync('src/modules')) {
    let schema: Record<string, unknown>;
    try {
      schema = await import(`../../src/modules/${mod}/schema.ts`);
    } catch {
      continue; // a module without tables
    }
    for (const table of Object.values(schema)) {
      if (!is(table, PgTable)) continue;
      for (const c of getTableConfig(table).columns) if (c.enumValues?.length) sets.push([...c.enumValues]);
    }
  }
  return sets;
}

function narrowings(s: JsonSchema | undefined, path: string, out: string[], enums: Array<{ path: string; values: string[] }>): void {
  if (!s || typeof s !== 'object') return;
  for (const k of NARROWING) if (s[k] !== undefined) out.push(`${path} ${k}=${JSON.stringify(s[k])}`);
  if (s.minimum !== undefined && s.minimum !== -SAFE) out.push(`${path} minimum=${s.minimum}`);
  if (s.maximum !== undefined && s.maximum !== SAFE) out.push(`${path} maximum=${s.maximum}`);
  if (s.enum) enums.push({ path, values: s.enum.map(String) });
  if (s.const !== undefined) enums.push({ path, values: [String(s.const)] });
  for (const [p, v] of Object.entries<JsonSchema>(s.properties ?? {})) narrowings(v, `${path}.${p}`, out, enums);
  if (s.items) narrowings(s.items, `${path}[]`, out, enums);
  if (s.additionalProperties && typeof s.additionalProperties === 'object') narrowings(s.additionalProperties, `${path}{}`, out, enums);
  for (const k of ['anyOf', 'oneOf', 'allOf']) (s[k] ?? []).forEach((x: JsonSchema) => narrowings(x, path, out, enums));
}

describeOnBackend('pglite', 'response schemas are as wide as the tables', (backend) => {
  let t: TestApp;
  let doc: any;
  beforeAll(async () => {
    t = await startTestApp(backend);
    doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
  });
  afterAll(() => t?.close());

  const successes = () => {
    const list: Array<{ op: string; schema: JsonSchema }> = [];
    for (const [path, byMethod] of Object.entries<any>(doc.paths)) {
      for (const [method, op] of Object.entries<any>(byMethod)) {
        for (const [status, r] of Object.entries<any>(op.responses ?? {})) {
          const schema = r.content?.['application/json']?.schema;
          if (status.startsWith('2') && schema) list.push({ op: `${method.toUpperCase()} ${path} (${op.operationId}) ${status}`, schema });
        }
      }
    }
    return list;
  };

  it('no 2xx response schema limits a length, a pattern, a format, an item count or a number', () => {
    const found: string[] = [];
    const all = successes();
    expect(all.length).toBeGreaterThan(60);
    for (const { op, schema } of all) {
      const out: string[] = [];
      narrowings(schema, '', out, []);
      found.push(...out.map((o) => `${op}: ${o}`));
    }
    expect(found).toEqual([]);
  });

  it('every enum in an answer is a column’s own list (or a value the view computes)', async () => {
    const stored = (await storedEnums()).map((s) => [...s].sort().join('|'));
    expect(stored.length).toBeGreaterThan(8);
    const strays: string[] = [];
    for (const { op, schema } of successes()) {
      const enums: Array<{ path: string; values: string[] }> = [];
      narrowings(schema, '', [], enums);
      for (const e of enums) {
        const field = e.path.split(/[.[\]]/).filter(Boolean).pop() ?? '';
        if (field in COMPUTED_ENUMS) continue;
        if (!stored.includes([...e.values].sort().join('|'))) strays.push(`${op}: ${e.path} [${e.values.join(', ')}]`);
      }
    }
    expect(strays).toEqual([]);
  });
});
