import { describe, expect, it } from 'vitest';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { encodedBody, etagFor, isCompressible, matchesIfNoneMatch, negotiateEncoding, compressionCounts } from '../../src/platform/http/compression.js';

describe('HTTP compression: negotiation and cache entries', () => {
  it('picks br or gzip by q-value, honours q=0 and *, and falls back to identity', () => {
    expect(negotiateEncoding(undefined)).toBe('identity');
    expect(negotiateEncoding('')).toBe('identity');
    expect(negotiateEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(negotiateEncoding('gzip')).toBe('gzip');
    expect(negotiateEncoding('br;q=0, gzip')).toBe('gzip');
    expect(negotiateEncoding('gzip;q=0, br;q=0')).toBe('identity');
    expect(negotiateEncoding('gzip;q=0.9, br;q=0.5')).toBe('gzip');
    expect(negotiateEncoding('BR;Q=1.0')).toBe('br');
    expect(negotiateEncoding('*')).toBe('br');
    expect(negotiateEncoding('*;q=0')).toBe('identity');
    expect(negotiateEncoding('*, br;q=0')).toBe('gzip');
    expect(negotiateEncoding('identity')).toBe('identity');
    expect(negotiateEncoding('deflate')).toBe('identity');
    expect(negotiateEncoding('x-gzip')).toBe('gzip');
    expect(negotiateEncoding(['gzip;q=0.1', 'br;q=0.2'])).toBe('br');
  });

  it('compresses text formats only: never images, fonts or archives', () => {
    for (const t of ['text/html; charset=utf-8', 'application/json; charset=utf-8', 'application/problem+json', 'text/css', 'text/javascript', 'application/javascript', 'image/svg+xml', 'application/xml'])
      expect(isCompressible(t), t).toBe(true);
    for (const t of ['image/webp', 'image/jpeg', 'image/png', 'font/woff2', 'application/zip', 'application/octet-stream', undefined])
      expect(isCompressible(t), String(t)).toBe(false);
  });

  it('gives each coding its own ETag and matches If-None-Match against any of them (weakly)', () => {
    expect(etagFor('"abc"', 'identity')).toBe('"abc"');
    expect(etagFor('"abc"', 'br')).toBe('"abc-br"');
    expect(etagFor('"abc"', 'gzip')).toBe('"abc-gzip"');
    expect(matchesIfNoneMatch('"abc-br"', '"abc"')).toBe(true);
    expect(matchesIfNoneMatch('W/"abc-gzip"', '"abc"')).toBe(true);
    expect(matchesIfNoneMatch('"x", "abc"', '"abc"')).toBe(true);
    expect(matchesIfNoneMatch('*', '"abc"')).toBe(true);
    expect(matchesIfNoneMatch('"abd-br"', '"abc"')).toBe(false);
    expect(matchesIfNoneMatch(undefined, '"abc"')).toBe(false);
  });

  it('compresses a cache entry once per coding and hands back the same buffer after that', () => {
    const body = Buffer.from('<p>掌柜</p>'.repeat(400));
    const entry: { encoded?: Partial<Record<'br' | 'gzip', Buffer>> } = {};
    const before = { ...compressionCounts.cached };
    const br = encodedBody(entry, body, 'br');
    expect(encodedBody(entry, body, 'br')).toBe(br);
    const gz = encodedBody(entry, body, 'gzip');
    expect(encodedBody(entry, body, 'gzip')).toBe(gz);
    expect(compressionCounts.cached.br - before.br).toBe(1);
    expect(compressionCounts.cached.gzip - before.gzip).toBe(1);
    expect(brotliDecompressSync(br).equals(body)).toBe(true);
    expect(gunzipSync(gz).equals(body)).toBe(true);
    expect(br.length).toBeLessThan(body.length / 10);
  });
});
