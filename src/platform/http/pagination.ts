import { z } from 'zod';
import { AppError, CoreErrors } from '../errors.js';

/**
 * Keyset pagination: `cursor` is an opaque base64url token of the last row's sort key.
 * Lists return `{ items, nextCursor }`; `nextCursor` is null on the last page.
 */
export const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20).describe('Page size (1–100)'),
  cursor: z.string().max(500).optional().describe('Opaque cursor from the previous page'),
});

export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor<T extends unknown[]>(cursor: string | undefined, arity: number): T | null {
  if (!cursor) return null;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === arity) return parsed as T;
  } catch {
    // fall through
  }
  throw new AppError(CoreErrors.VALIDATION_FAILED, { summary: 'cursor is not valid' });
}

/** Given limit+1 fetched rows, returns the page and the cursor for the next one. */
export function toPage<R, I>(rows: R[], limit: number, keyOf: (row: R) => unknown[], map: (row: R) => I) {
  const more = rows.length > limit;
  const slice = more ? rows.slice(0, limit) : rows;
  return {
    items: slice.map(map),
    nextCursor: more ? encodeCursor(keyOf(slice[slice.length - 1])) : null,
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
