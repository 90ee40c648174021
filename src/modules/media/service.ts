import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Kernel } from '../../platform/kernel.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { MediaErrors } from './errors.js';
import { CONTENT_TYPES, probeImage, renderWebp, type Probed } from './image.js';
import { HotBytes } from './hot-bytes.js';
import { effectiveWidth, mediaUrl } from './renditions.js';
import { mediaAssets, mediaRenditions, type MediaFormat } from './schema.js';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface MediaAssetView {
  id: string;
  url: string;
  width: number;
  height: number;
  format: MediaFormat;
  bytes: number;
}

/** An upload that passed inspection, ready to store. */
export interface InspectedUpload extends Probed {
  bytes: Buffer;
  sha256: string;
}

/** What an HTTP response needs: the bytes, their type and a validator that never changes for them. */
export interface MediaFile {
  data: Buffer;
  contentType: string;
  etag: string;
}

interface AssetMeta {
  id: string;
  sha256: string;
  format: MediaFormat;
  width: number;
  height: number;
}

/**
 * Uploaded images and their WebP renditions, both in the database (docs/decisions/0013-media.md):
 * any process on the same PostgreSQL serves any asset, and a rendition is made once — by whichever
 * process is asked first — then read back by all. Each process keeps the hottest files in memory.
 */
export class MediaService {
  private readonly meta = new Map<string, AssetMeta>();
  private readonly hot = new HotBytes<MediaFile>(32 * 1024 * 1024);
  private readonly making = new Map<string, Promise<MediaFile>>();

  constructor(private readonly k: Kernel) {}

  /** Checks an upload's bytes (CPU work: call it before opening the transaction that stores it). */
  async inspect(bytes: Buffer): Promise<InspectedUpload> {
    if (bytes.length === 0) throw new AppError(MediaErrors.MEDIA_EMPTY);
    if (bytes.length > MAX_UPLOAD_BYTES) throw new AppError(MediaErrors.MEDIA_TOO_LARGE, { limit: MAX_UPLOAD_BYTES / 1024 / 1024 });
    const probed = await probeImage(bytes);
    return { ...probed, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
  }

  /**
   * Stores an inspected upload, in the caller's transaction. The same bytes are the same asset:
   * `created` is false when they were stored before (by anyone), and nothing is written.
   */
  async store(upload: InspectedUpload, createdBy: string | null): Promise<{ asset: MediaAssetView; created: boolean }> {
    const q = this.k.db.q;
    const [inserted] = await q
      .insert(mediaAssets)
      .values({
        id: newId(),
        sha256: upload.sha256,
        format: upload.format,
        width: upload.width,
        height: upload.height,
        byteSize: upload.bytes.length,
        data: upload.bytes,
        createdBy,
        createdAt: this.k.clock.now(),
      })
      .onConflictDoNothing({ target: mediaAssets.sha256 })
      .returning({ id: mediaAssets.id });
    if (inserted) return { asset: viewOf({ ...upload, id: inserted.id }, upload.bytes.length), created: true };
    const [existing] = await q
      .select({ id: mediaAssets.id, sha256: mediaAssets.sha256, format: mediaAssets.format, width: mediaAssets.width, height: mediaAssets.height, bytes: mediaAssets.byteSize })
      .from(mediaAssets)
      .where(eq(mediaAssets.sha256, upload.sha256));
    return { asset: viewOf(existing, existing.bytes), created: false };
  }

  /** An asset's URL and intrinsic size for other modules to show it (the store's banner), or null when there is none. */
  async image(id: string): Promise<{ id: string; url: string; width: number; height: number } | null> {
    if (!UUID.test(id)) return null;
    try {
      const meta = await this.assetMeta(id);
      return { id: meta.id, url: mediaUrl(meta.id), width: meta.width, height: meta.height };
    } catch (err) {
      if (err instanceof AppError && err.code === MediaErrors.MEDIA_NOT_FOUND) return null;
      throw err;
    }
  }

  /** The original as uploaded. */
  async original(id: string): Promise<MediaFile> {
    const meta = await this.assetMeta(id);
    const key = `${meta.id}/original`;
    const cached = this.hot.get(key);
    if (cached) return cached;
    const [row] = await this.k.db.q.select({ data: mediaAssets.data }).from(mediaAssets).where(eq(mediaAssets.id, meta.id));
    if (!row) throw new AppError(MediaErrors.MEDIA_NOT_FOUND, { id });
    const file = { data: row.data, contentType: CONTENT_TYPES[meta.format], etag: `"${meta.sha256.slice(0, 24)}"` };
    this.hot.set(key, file);
    return file;
  }

  /** The validator of a rendition, without its bytes (answers If-None-Match without a query once the asset is known). */
  async renditionEtag(id: string, width: number): Promise<string> {
    const meta = await this.assetMeta(id);
    return etagOf(meta, effectiveWidth(width, meta.width));
  }

  /** A WebP rendition `width` wide (the original's width when that is smaller), made on first request and kept. */
  async rendition(id: string, width: number): Promise<MediaFile> {
    const meta = await this.assetMeta(id);
    const w = effectiveWidth(width, meta.width);
    const key = `${meta.id}/${w}`;
    const cached = this.hot.get(key);
    if (cached) return cached;
    let pending = this.making.get(key);
    if (!pending) {
      pending = this.loadOrMake(meta, w).finally(() => this.making.delete(key));
      this.making.set(key, pending);
    }
    const file = await pending;
    this.hot.set(key, file);
    return file;
  }

  private async loadOrMake(meta: AssetMeta, width: number): Promise<MediaFile> {
    const q = this.k.db.q;
    const file = (data: Buffer): MediaFile => ({ data, contentType: 'image/webp', etag: etagOf(meta, width) });
    const [stored] = await q
      .select({ data: mediaRenditions.data })
      .from(mediaRenditions)
      .where(and(eq(mediaRenditions.assetId, meta.id), eq(mediaRenditions.width, width)));
    if (stored) return file(stored.data);
    const [original] = await q.select({ data: mediaAssets.data }).from(mediaAssets).where(eq(mediaAssets.id, meta.id));
    const made = await renderWebp(original.data, width);
    // Another process may have made the same one meanwhile: theirs and ours are equivalent, keep the first.
    await q
      .insert(mediaRenditions)
      .values({ assetId: meta.id, width, height: made.height, byteSize: made.data.length, data: made.data, createdAt: this.k.clock.now() })
      .onConflictDoNothing();
    return file(made.data);
  }

  private async assetMeta(id: string): Promise<AssetMeta> {
    const known = this.meta.get(id.toLowerCase());
    if (known) return known;
    if (!UUID.test(id)) throw new AppError(MediaErrors.MEDIA_NOT_FOUND, { id: id.slice(0, 64) });
    const [row] = await this.k.db.q
      .select({ id: mediaAssets.id, sha256: mediaAssets.sha256, format: mediaAssets.format, width: mediaAssets.width, height: mediaAssets.height })
      .from(mediaAssets)
      .where(eq(mediaAssets.id, id.toLowerCase()));
    if (!row) throw new AppError(MediaErrors.MEDIA_NOT_FOUND, { id });
    if (this.meta.size >= 10_000) this.meta.clear();
    this.meta.set(row.id, row);
    return row;
  }
}

function etagOf(meta: AssetMeta, width: number): string {
  return `"${meta.sha256.slice(0, 24)}-w${width}"`;
}

function viewOf(a: { id: string; format: MediaFormat; width: number; height: number }, bytes: number): MediaAssetView {
  return { id: a.id, url: mediaUrl(a.id), width: a.width, height: a.height, format: a.format, bytes };
}
