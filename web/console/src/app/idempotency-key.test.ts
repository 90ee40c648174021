import { describe, expect, it } from 'vitest';
import { newIdempotencyKey } from './idempotency-key';

describe('Idempotency-Key for console writes', () => {
  it('is 32 hex digits, as the API accepts (8–100 characters), and new every time', () => {
    const keys = Array.from({ length: 100 }, newIdempotencyKey);
    expect(keys.every((k) => /^[0-9a-f]{32}$/.test(k))).toBe(true);
    expect(new Set(keys).size).toBe(100);
  });
});
