import { describe, expect, it } from 'vitest';
import { findUnstorableText } from './storable-text.js';

describe('text PostgreSQL cannot store', () => {
  it('finds NUL and lone surrogates in strings and keys, at any depth, and names the field', () => {
    expect(findUnstorableText({ name: 'a\0b' }, 'body')).toBe('body.name');
    expect(findUnstorableText({ address: { lines: ['ok', 'x\ud800'] } }, 'body')).toBe('body.address.lines[1]');
    expect(findUnstorableText({ attrs: { ['k\0']: 'v' } }, 'body')).toBe('body.attrs.k\0');
    expect(findUnstorableText('\udc00 alone', 'body')).toBe('body');
    expect(findUnstorableText(Object.assign(Object.create(null), { q: 'x\0' }), 'query')).toBe('query.q');
  });

  it('lets every other text through: emoji (surrogate pairs), Chinese, control characters PostgreSQL keeps', () => {
    expect(findUnstorableText({ name: '掌柜 🛒👍🏽', note: 'tab\tnew\nline\u0001', n: 1, ok: true, none: null }, 'body')).toBeNull();
    expect(findUnstorableText(Buffer.from([0, 0xd8]), 'body')).toBeNull();
  });

  it('walks a deeply nested body without overflowing the stack', () => {
    let deep: unknown = 'bottom\0';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(findUnstorableText(deep, 'body')).toMatch(/^body(\[0\])+$/);
  });
});
