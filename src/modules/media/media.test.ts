import { afterAll, beforeAll, expect, it } from 'vitest';
import sharp from 'sharp';
import { sql } from 'drizzle-orm';
import { describeEachBackend, startTestApp, type TestApp } from '../../../test/support/harness.js';
import { loginStaff, type StaffLogin } from '../../../test/support/staff.js';
import { MediaService } from './service.js';

/** A photo-like test image (noise, so its encodings have a realistic size). */
async function photo(width: number, height: number, format: 'jpeg' | 'png' = 'jpeg'): Promise<Buffer> {
  const noise = Buffer.alloc(width * height * 3);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
  return sharp(noise, { raw: { width, height, channels: 3 } })[format]().toBuffer();
}

describeEachBackend('media: uploads and renditions', (backend) => {
  let t: TestApp;
  let m: StaffLogin;
  let jpeg: Buffer;
  let id: string;
  const upload = (body: Buffer, headers: Record<string, string> = {}, auth: Record<string, string> = m.auth) =>
    t.app.inject({ method: 'POST', url: '/api/admin/media', headers: { 'content-type': 'image/jpeg', 'accept-language': 'en', ...auth, ...headers }, payload: body });

  beforeAll(async () => {
    t = await startTestApp(backend);
    m = await loginStaff(t, 'merchandiser');
    jpeg = await photo(1000, 750);
  });
  afterAll(() => t?.close());

  it('stores an upload with its size and answers the same bytes with the same asset', async () => {
    const res = await upload(jpeg);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    id = body.id;
    expect(body).toEqual({ id: expect.any(String), url: `/media/${id}`, width: 1000, height: 750, format: 'jpeg', bytes: jpeg.length });
    // The content type is not trusted: the bytes are sniffed.
    const again = await upload(jpeg, { 'content-type': 'application/octet-stream' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(body);
    const audit = await t.services.audit.list({ limit: 10, action: 'media.upload' });
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({ entityId: id, staffId: m.staffId });
  });

  it('accepts one file of a multipart form, and PNG, WebP, AVIF and GIF', async () => {
    const png = await photo(64, 48, 'png');
    const boundary = 'x-test-boundary';
    const form = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`),
      png,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await upload(form, { 'content-type': `multipart/form-data; boundary=${boundary}` });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ format: 'png', width: 64, height: 48, bytes: png.length });
    const base = sharp({ create: { width: 30, height: 20, channels: 3, background: '#c33' } });
    for (const format of ['webp', 'avif', 'gif'] as const) {
      const r = await upload(await base.clone()[format]().toBuffer());
      expect(r.json()).toMatchObject({ format, width: 30, height: 20 });
    }
  });

  it('refuses what is not an image, too large, empty, or from staff without catalog.write', async () => {
    const problem = (res: { statusCode: number; headers: Record<string, unknown>; json(): any }, status: number, code: string) => {
      expect(res.statusCode).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ status, code, detail: expect.any(String) });
    };
    problem(await upload(Buffer.from('not an image at all')), 415, 'MEDIA_UNSUPPORTED');
    problem(await upload(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'/>"), { 'content-type': 'image/svg+xml' }), 415, 'MEDIA_UNSUPPORTED');
    problem(await upload(jpeg.subarray(0, 400)), 415, 'MEDIA_UNSUPPORTED'); // truncated: the header parses, the pixels do not
    problem(await upload(Buffer.alloc(0)), 400, 'MEDIA_EMPTY');
    problem(await t.app.inject({ method: 'POST', url: '/api/admin/media', headers: { ...m.auth, 'content-type': 'application/json' }, payload: { url: 'x' } }), 415, 'MEDIA_UNSUPPORTED');
    const big = Buffer.concat([jpeg, Buffer.alloc(10 * 1024 * 1024)]);
    const tooLarge = await upload(big);
    problem(tooLarge, 413, 'MEDIA_TOO_LARGE');
    expect(tooLarge.json().detail).toBe('The image is larger than 10 MB.');
    const wide = await sharp({ create: { width: 10_001, height: 2, channels: 3, background: '#000' } }).png().toBuffer();
    problem(await upload(wide), 422, 'MEDIA_DIMENSIONS');
    const cs = await loginStaff(t, 'cs');
    problem(await upload(jpeg, {}, cs.auth), 403, 'FORBIDDEN');
    problem(await upload(jpeg, {}, {}), 401, 'UNAUTHENTICATED');
    expect((await upload(Buffer.from('x'), { 'accept-language': 'zh-CN' })).json().detail).toBe('文件不是 JPEG、PNG、WebP、AVIF 或 GIF 图片。');
  });

  it('serves WebP renditions of the ladder widths, made once, cacheable forever', async () => {
    const first = await t.app.inject({ url: `/media/${id}/640.webp` });
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('image/webp');
    expect(first.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[0-9a-f]{24}-w640"$/);
    const meta = await sharp(first.rawPayload).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 640, height: 480 });
    const stored = (await t.k.db.q.execute(sql`select count(*)::int n from media_renditions where asset_id = ${id} and width = 640`)) as unknown as { rows: Array<{ n: number }> };
    expect(stored.rows[0].n).toBe(1);
    const again = await t.app.inject({ url: `/media/${id}/640.webp` });
    expect(again.rawPayload.equals(first.rawPayload)).toBe(true);
    expect(again.headers.etag).toBe(etag);
    expect((await t.app.inject({ url: `/media/${id}/640.webp`, headers: { 'if-none-match': etag } })).statusCode).toBe(304);
    // Never upscaled: a ladder width above the original's is served at the original's.
    const top = await t.app.inject({ url: `/media/${id}/1280.webp` });
    expect(await sharp(top.rawPayload).metadata()).toMatchObject({ format: 'webp', width: 1000, height: 750 });
    expect(top.headers.etag).toMatch(/-w1000"$/);
    // The original, as uploaded.
    const original = await t.app.inject({ url: `/media/${id}` });
    expect(original.statusCode).toBe(200);
    expect(original.headers['content-type']).toBe('image/jpeg');
    expect(original.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(original.rawPayload.equals(jpeg)).toBe(true);
  });

  it('answers an unknown asset or width with a 404 problem, never a 500', async () => {
    for (const url of [
      `/media/${id}/641.webp`, `/media/${id}/640.png`, `/media/${id}/0640.webp`, `/media/${id}/99999999999999999999.webp`,
      '/media/0196a3b2-7c1d-7e4f-8a9b-0123456789ab', '/media/0196a3b2-7c1d-7e4f-8a9b-0123456789ab/640.webp',
      '/media/not-an-id', '/media/not-an-id/640.webp', `/media/${'x'.repeat(300)}`,
    ]) {
      const res = await t.app.inject({ url, headers: { 'accept-language': 'en' } });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toMatch(/^(MEDIA_NOT_FOUND|MEDIA_RENDITION_NOT_FOUND|ROUTE_NOT_FOUND)$/);
    }
  });

  it('serves a rendition made by another process of the same database', async () => {
    // A second service instance stands in for another API process: it finds the stored rendition.
    const other = new MediaService(t.k);
    const file = await other.rendition(id, 640);
    const served = await t.app.inject({ url: `/media/${id}/640.webp` });
    expect(file.data.equals(served.rawPayload)).toBe(true);
  });
});
