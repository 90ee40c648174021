/**
 * What the bad-input suite sends, made from the OpenAPI document: the operations, a valid-looking
 * body for each (so one hostile value at a time reaches as deep as it can), and the hostile values
 * themselves — forged cursors, near-UUIDs, NUL bytes, lone surrogates, 5,000-character strings and
 * emoji. Pure functions: no app, no database.
 */
export type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  required?: string[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  pattern?: string;
  format?: string;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
};

export interface Param {
  name: string;
  in: string;
  schema: Schema;
  required?: boolean;
}

export interface Op {
  method: string;
  path: string;
  operationId: string;
  params: Param[];
  body?: Schema;
}

export function operations(doc: any): Op[] {
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

const options = (s: Schema): Schema[] => s.anyOf ?? s.oneOf ?? [s];
const nonNull = (s: Schema): Schema => options(s).find((o) => o.type !== 'null') ?? s;

export const typeOf = (s: Schema | undefined): string | undefined => {
  if (!s) return undefined;
  const t = nonNull(s).type;
  return Array.isArray(t) ? t.find((x) => x !== 'null') : t;
};

/** Ids the suite made (a product, a variant, the shopper's order…), by field or parameter name. */
export type KnownIds = Record<string, string>;

const PLAIN_TEXT = ['fuzz', 'a', 'fuzz-1', '44', '4403', '440305', '100000', '13800138000', 'Asia/Shanghai', 'a1', 'x@example.com'];

/** A value the schema accepts, as small as it allows; ids from `known` where the name says which. */
export function validValue(s: Schema, name: string, known: KnownIds): unknown {
  const o = nonNull(s);
  // Copies: a body is changed in place afterwards, and must not change the document's defaults.
  if (o.const !== undefined) return structuredClone(o.const);
  if (o.enum?.length) return structuredClone(o.enum[0]);
  if (o.default !== undefined) return structuredClone(o.default);
  switch (typeOf(o)) {
    case 'string': {
      if (o.format === 'uuid' || /Id$/.test(name)) return known[name] ?? known.anyId;
      if (o.format === 'email') return `fuzz-${Math.random().toString(36).slice(2, 8)}@example.com`;
      if (o.format === 'date-time') return '2026-01-01T00:00:00.000Z';
      if (o.format === 'date') return '2026-01-01';
      if (o.format === 'uri') return 'https://example.com/a.png';
      const fits = (v: string) => (!o.pattern || new RegExp(o.pattern).test(v)) && v.length >= (o.minLength ?? 0) && v.length <= (o.maxLength ?? Infinity);
      return PLAIN_TEXT.find(fits) ?? 'f'.repeat(Math.max(o.minLength ?? 1, 1));
    }
    case 'integer':
    case 'number':
      return Math.min(Math.max(o.minimum ?? 1, 1), o.maximum ?? Infinity);
    case 'boolean':
      return false;
    case 'array':
      return Array.from({ length: o.minItems ?? 0 }, () => validValue(o.items ?? {}, name, known));
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of o.required ?? []) out[key] = validValue(o.properties?.[key] ?? {}, key, known);
      return out;
    }
    default:
      return null;
  }
}

type Path = Array<string | number>;

/** Every place a string can go in a body: object properties, array items, record values; a few levels deep. */
export function stringLeaves(s: Schema, depth = 0, at: Path = []): Path[] {
  if (depth > 4) return [];
  const out: Path[] = [];
  for (const o of options(s)) {
    const t = typeOf(o);
    if (t === 'string' && !o.enum) out.push(at);
    else if (t === 'array' && o.items) out.push(...stringLeaves(o.items, depth + 1, [...at, 0]));
    else if (t === 'object') {
      for (const [k, p] of Object.entries(o.properties ?? {})) out.push(...stringLeaves(p, depth + 1, [...at, k]));
      if (typeof o.additionalProperties === 'object') out.push(...stringLeaves(o.additionalProperties, depth + 1, [...at, 'fuzzKey']));
    }
    if (t === 'string' || t === 'object' || t === 'array') break; // the first non-null option is enough
  }
  const seen = new Set<string>();
  return out.filter((p) => !seen.has(JSON.stringify(p)) && seen.add(JSON.stringify(p)));
}

/** A valid body: the schema's smallest, with `seed` (what cross-field rules need) on top. */
export function validBody(s: Schema, known: KnownIds, seed: Record<string, unknown> = {}): unknown {
  const v = validValue(s, '', known);
  return v && typeof v === 'object' && !Array.isArray(v) ? { ...v, ...structuredClone(seed) } : v;
}

/** A valid body with `value` put at `path` (the containers on the way made valid too). */
export function bodyWith(s: Schema, path: Path, value: unknown, known: KnownIds, seed: Record<string, unknown> = {}): unknown {
  if (path.length === 0) return value;
  const base = validBody(s, known, seed);
  let node: any = base;
  let schema: Schema = nonNull(s);
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    const child: Schema =
      typeof key === 'number' ? (schema.items ?? {}) : (schema.properties?.[key] ?? (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : {}));
    if (i === path.length - 1) {
      node[key] = value;
      break;
    }
    if (node[key] === undefined || node[key] === null) node[key] = validValue(child, String(key), known);
    if (Array.isArray(node[key]) && node[key].length === 0) node[key].push(validValue(nonNull(child).items ?? {}, String(key), known));
    node = node[key];
    schema = nonNull(child);
  }
  return base;
}

export const pathLabel = (path: Path) => path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '') || '(body)';

/** Strings that look like UUIDs and are not (the nil UUID is one: well-formed, naming nothing). */
export const NEAR_UUIDS = [
  '00000000-0000-0000-0000-000000000000',
  '------------------------------------',
  '0123456789abcdef0123456789abcdef0123',
  'fedcba98-7654-3210-fedc-ba98-7654321',
  '0123-4567-89ab-cdef-0123456789abcdef',
  'g1234567-89ab-7def-8123-456789abcdef',
  '01234567-89ab-7def-8123-456789abcdeF0',
];

/** The text values every string parameter and body field gets. `refused`: must always be a 4xx. */
export const HOSTILE_TEXT: Array<{ label: string; value: string; refused: boolean }> = [
  { label: 'NUL', value: 'a\u0000b', refused: true },
  { label: 'lone surrogate', value: 'a\ud800b', refused: true },
  { label: '5,000 chars', value: 'x'.repeat(5000), refused: false },
  { label: 'emoji', value: '🛒👍🏽 掌柜 🇨🇳', refused: false },
];

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

/** Cursors a client made up, and (`other`) real cursors another list gave out. */
export function forgedCursors(other: string[]): Array<{ label: string; value: string }> {
  const fakeMac = 'A'.repeat(22);
  const payloads: Array<[string, unknown]> = [
    ['["garbage","x"]', ['garbage', 'x']],
    ['[1e308]', [1e308]],
    ['[huge, huge]', [Number.MAX_VALUE, -Number.MAX_VALUE]],
    ['[date, near-UUID]', ['2026-01-01T00:00:00.000Z', '------------------------------------']],
    ['[year 0, nil]', ['0000-01-01T00:00:00.000Z', '00000000-0000-0000-0000-000000000000']],
    ['other JSON', { admin: true }],
    ['a string', 'x'],
    ['three values', ['2026-01-01T00:00:00.000Z', '01938a2e-7b1c-7d2e-8f3a-0123456789ab', 3]],
  ];
  return [
    { label: 'not base64', value: '%%%' },
    { label: 'garbage', value: 'garbage' },
    ...payloads.map(([label, v]) => ({ label: `unsigned ${label}`, value: b64(v) })),
    ...payloads.map(([label, v]) => ({ label: `forged signature ${label}`, value: `${b64(v)}.${fakeMac}` })),
    ...other.map((c, i) => ({ label: `cursor of another list #${i + 1}`, value: c })),
    ...other.slice(0, 1).map((c) => ({ label: 'real signature, changed key', value: `${b64(['2000-01-01T00:00:00.000Z', '01938a2e-7b1c-7d2e-8f3a-0123456789ab'])}.${c.split('.')[1]}` })),
  ];
}

export const isCursorParam = (p: Param) => p.in === 'query' && /^cursor$|Cursor$/.test(p.name);
export const isIdParam = (p: Param) => typeOf(p.schema) === 'string' && (nonNull(p.schema).format === 'uuid' || /^(id|.*Id|idOrSlug)$/.test(p.name) || p.in === 'path');
