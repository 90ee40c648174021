import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { cursorKey, listCursor, timeAndId } from './pagination.js';

const secret = 'x'.repeat(40);
const orders = listCursor('orders', timeAndId);
const id = '01938a2e-7b1c-7d2e-8f3a-0123456789ab';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof AppError ? `${err.status} ${err.code}` : String(err);
  }
  return undefined;
}

describe('list cursors', () => {
  it('give back the key they were made from, as the query needs it', () => {
    const token = orders.encode(secret, ['2026-11-25T06:30:05.123Z', id]);
    const [at, back] = orders.decode(secret, token)!;
    expect(at).toEqual(new Date('2026-11-25T06:30:05.123Z'));
    expect(back).toBe(id);
    expect(orders.decode(secret, undefined)).toBeNull();
    expect(orders.decode(secret, '')).toBeNull();
  });

  it('refuse tokens that were changed, made up, signed for another list or under another secret', () => {
    const token = orders.encode(secret, ['2026-11-25T06:30:05.123Z', id]);
    const [payload, mac] = token.split('.');
    const flipped = payload.slice(0, -2) + (payload.at(-2) === 'A' ? 'B' : 'A') + payload.at(-1);
    const unsigned = Buffer.from(JSON.stringify(['2026-11-25T06:30:05.123Z', id])).toString('base64url');
    const other = listCursor('customers', timeAndId).encode(secret, ['2026-11-25T06:30:05.123Z', id]);
    for (const bad of [`${flipped}.${mac}`, unsigned, `${unsigned}.`, `${token}.x`, other, '%%%', 'a.b', orders.encode('y'.repeat(40), ['2026-11-25T06:30:05.123Z', id])]) {
      expect(codeOf(() => orders.decode(secret, bad)), bad).toBe('400 INVALID_CURSOR');
    }
  });

  it('refuse a correctly signed key of the wrong shape (an old format, or a list that changed its key)', () => {
    const loose = (key: z.ZodType) => listCursor('orders', key);
    const wrong: Array<[z.ZodType, unknown[]]> = [
      [z.tuple([z.string(), z.string()]), ['garbage', 'x']],
      [z.tuple([z.string(), z.string()]), ['2026-11-25T06:30:05.123Z', '------------------------------------']],
      [z.tuple([z.string(), z.string()]), ['0000-01-01T00:00:00.000Z', id]],
      [z.tuple([z.number()]), [1e308]],
      [z.tuple([z.string(), z.string(), z.string()]), ['2026-11-25T06:30:05.123Z', id, 'extra']],
    ];
    for (const [key, values] of wrong) {
      expect(codeOf(() => orders.decode(secret, loose(key).encode(secret, values))), JSON.stringify(values)).toBe('400 INVALID_CURSOR');
    }
    const ledger = listCursor('ledger', z.tuple([cursorKey.serial]));
    for (const n of [0, -1, 1.5, 1e308, Number.MAX_SAFE_INTEGER + 2]) {
      expect(codeOf(() => ledger.decode(secret, listCursor('ledger', z.tuple([z.number()])).encode(secret, [n]))), String(n)).toBe('400 INVALID_CURSOR');
    }
    expect(ledger.decode(secret, ledger.encode(secret, [42]))).toEqual([42]);
  });
});
