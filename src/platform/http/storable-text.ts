import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, defineErrors } from '../errors.js';

export const TextErrors = defineErrors({
  UNSTORABLE_CHARACTER: {
    status: 400,
    en: 'The field {field} contains a character that cannot be stored (a NUL character or an unpaired surrogate).',
    zh: '字段 {field} 含有无法保存的字符（NUL 空字符或不成对的代理项）。',
  },
});

/**
 * Where a string holds something PostgreSQL refuses: NUL (text and jsonb cannot hold U+0000) or a
 * lone UTF-16 surrogate (`"\ud800"` in JSON: jsonb refuses it, text would store U+FFFD silently).
 * Returns the dotted path of the first such string or object key, or null.
 */
export function findUnstorableText(value: unknown, root: string): string | null {
  // Iterative on purpose: a 1 MB body of nested arrays must not overflow the stack.
  const stack: Array<[unknown, string]> = [[value, root]];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (!storable(v)) return path;
      continue;
    }
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${path}[${i}]`]);
      continue;
    }
    if (isPlainObject(v)) {
      for (const [k, child] of Object.entries(v)) {
        const at = `${path}.${k}`;
        if (!storable(k)) return at;
        stack.push([child, at]);
      }
    }
  }
  return null;
}

// NUL, a high surrogate not followed by a low one, or a low one not after a high one.
const UNSTORABLE = /\0|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const storable = (s: string) => !UNSTORABLE.test(s);

// JSON objects, and the query parser's objects (their prototype has a null prototype); raw bodies
// (Buffers, upload streams) are not text and are left to their routes.
function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null || Object.getPrototypeOf(proto) === null;
}

function check(req: FastifyRequest): void {
  for (const [part, value] of [['params', req.params], ['query', req.query], ['body', req.body]] as const) {
    const field = findUnstorableText(value, part);
    if (field) {
      const message = 'contains a NUL character or an unpaired surrogate';
      throw new AppError(TextErrors.UNSTORABLE_CHARACTER, { field }, { errors: [{ in: part, path: field.slice(part.length + 1), message }] });
    }
  }
}

/**
 * One check in front of every route's schema, so a route added tomorrow is covered too: text the
 * database cannot store is a 400 naming the field, never a database error (a 500) after the fact.
 */
export function refuseUnstorableText(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => check(req));
}
