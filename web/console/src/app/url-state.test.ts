import { describe, expect, it } from 'vitest';
import { CURSOR_PARAM, readFilters, toApiQuery, writeFilters } from './url-state';

const spec = { q: 'string', status: 'strings', lowStock: 'number' } as const;

describe('filters in the URL', () => {
  it('reads typed values, accepting repeated and comma-separated lists', () => {
    const f = readFilters(new URLSearchParams('q=%20tee%20&status=paid&status=shipped,delivered&lowStock=5'), spec);
    expect(f).toEqual({ q: 'tee', status: ['paid', 'shipped', 'delivered'], lowStock: 5 });
  });

  it('reads missing and malformed values as empty', () => {
    expect(readFilters(new URLSearchParams('lowStock=abc&q='), spec)).toEqual({ q: undefined, status: [], lowStock: undefined });
  });

  it('writes a change, drops empties, keeps unknown parameters and returns to the first page', () => {
    const next = writeFilters(new URLSearchParams('q=tee&cursor=abc&tab=x'), spec, { q: '', status: ['paid', 'shipped'] });
    expect(next.getAll('status')).toEqual(['paid', 'shipped']);
    expect(next.has('q')).toBe(false);
    expect(next.has(CURSOR_PARAM)).toBe(false);
    expect(next.get('tab')).toBe('x');
  });

  it('keeps the page when nothing actually changed', () => {
    const next = writeFilters(new URLSearchParams('q=tee&cursor=abc'), spec, { q: 'tee' });
    expect(next.get(CURSOR_PARAM)).toBe('abc');
  });

  it('round-trips through the URL', () => {
    const values = { q: '耳机', status: ['paid'], lowStock: 0 };
    const params = writeFilters(new URLSearchParams(), spec, values);
    expect(readFilters(new URLSearchParams(params.toString()), spec)).toEqual(values);
  });

  it('builds the API query without empty values', () => {
    expect(toApiQuery<typeof spec>({ q: undefined, status: [], lowStock: 0 })).toEqual({ lowStock: 0 });
    expect(toApiQuery<typeof spec>({ q: 'x', status: ['a'], lowStock: undefined })).toEqual({ q: 'x', status: ['a'] });
  });
});
