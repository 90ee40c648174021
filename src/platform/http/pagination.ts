import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { AppError, defineErrors } from '../errors.js';

/**
 * Keyset pagination: `cursor` is an opaque token of the last row's sort key. Lists return
 * `{ items, nextCursor }`; `nextCursor` is null on the last page.
 */
export const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20).describe('Page size (1–100)'),
  cursor: z.string().max(500).optional().describe('Opaque cursor from the previous page of the same list'),
});

export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const PaginationErrors = defineErrors({
  INVALID_CURSOR: {
    status: 400,
    en: 'The cursor is not one this list gave out; ask for the first page again.',
    zh: '分页游标无效（不是本列表返回的游标），请从第一页重新获取。',
  },
});

/** Sort-key parts the lists use. Each refuses what the database would choke on (a bad date, a non-UUID). */
export const cursorKey = {
  /** A timestamp as the list wrote it (`toISOString()`), back as a Date PostgreSQL accepts (years 1–9999). */
  time: z.iso
    .datetime()
    .transform((s) => new Date(s))
    .refine((d) => !Number.isNaN(d.getTime()) && d.getUTCFullYear() >= 1 && d.getUTCFullYear() <= 9999),
  id: z.uuid(),
  /** A bigserial row id. */
  serial: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  text: z.string().min(1).max(400),
};

/** The usual newest-first key: (created/placed at, id). */
export const timeAndId = z.tuple([cursorKey.time, cursorKey.id]);

const MAC_BYTES = 16;

function mac(secret: string, list: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(`cursor:${list}:${payload}`).digest().subarray(0, MAC_BYTES);
}

/**
 * One list's cursor. The token is `base64url(JSON key) . HMAC(secret, list, key)`: signed with the
 * store's secret and the list's name, so a client can neither make one up nor carry one to another
 * list; and the key is checked against `key` on the way back in, so even a valid signature never
 * puts a value of the wrong type into a query. Anything else is a 400 INVALID_CURSOR.
 */
export function listCursor<S extends z.ZodType>(list: string, key: S) {
  const invalid = () => new AppError(PaginationErrors.INVALID_CURSOR);
  return {
    encode(secret: string, values: z.input<S>): string {
      const payload = Buffer.from(JSON.stringify(values)).toString('base64url');
      return `${payload}.${mac(secret, list, payload).toString('base64url')}`;
    },
    decode(secret: string, token: string | undefined): z.output<S> | null {
      if (!token) return null;
      const [payload, signature, extra] = token.split('.');
      if (!payload || !signature || extra !== undefined) throw invalid();
      const given = Buffer.from(signature, 'base64url');
      if (given.length !== MAC_BYTES || !timingSafeEqual(given, mac(secret, list, payload))) throw invalid();
      let json: unknown;
      try {
        json = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      } catch {
        throw invalid();
      }
      const parsed = key.safeParse(json);
      if (!parsed.success) throw invalid();
      return parsed.data;
    },
  };
}

/** Given limit+1 fetched rows, returns the page and the cursor for the next one (`cursorOf` its last row). */
export function toPage<R, I>(rows: R[], limit: number, cursorOf: (row: R) => string, map: (row: R) => I) {
  const more = rows.length > limit;
  const slice = more ? rows.slice(0, limit) : rows;
  return {
    items: slice.map(map),
    nextCursor: more ? cursorOf(slice[slice.length - 1]) : null,
  };
}

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string(),
  })
  .loose()
  .describe('RFC 9457 problem details');
