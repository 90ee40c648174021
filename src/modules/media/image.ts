import sharp, { type Metadata } from 'sharp';
import { AppError } from '../../platform/errors.js';
import { MediaErrors } from './errors.js';
import type { MediaFormat } from './schema.js';

/** Largest side and pixel count accepted: bigger than any product photo needs, small enough to decode safely. */
export const MAX_SIDE = 10_000;
export const MAX_PIXELS = 50_000_000;
const WEBP = { quality: 80 } as const;

export interface Probed {
  format: MediaFormat;
  width: number;
  height: number;
}

/**
 * What an upload really is, from its bytes (the client's content type is not trusted): one of the
 * accepted formats, within the size limits, and decodable — decoded once here at a tiny size, so a
 * truncated or corrupt file is refused now rather than failing when a rendition is first asked for.
 */
export async function probeImage(bytes: Buffer): Promise<Probed> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes).metadata();
  } catch {
    throw new AppError(MediaErrors.MEDIA_UNSUPPORTED);
  }
  const format = formatOf(meta);
  if (!format) throw new AppError(MediaErrors.MEDIA_UNSUPPORTED);
  // Displayed size: EXIF orientation 5–8 swaps the sides; an animation's size is one frame's.
  const width = meta.autoOrient?.width ?? meta.width;
  const height = meta.autoOrient?.height ?? meta.height;
  if (!width || !height || width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) {
    throw new AppError(MediaErrors.MEDIA_DIMENSIONS, { width, height, max: MAX_SIDE, megapixels: MAX_PIXELS / 1_000_000 });
  }
  try {
    await sharp(bytes, { limitInputPixels: MAX_PIXELS }).resize(32, 32, { fit: 'inside' }).raw().toBuffer();
  } catch {
    throw new AppError(MediaErrors.MEDIA_UNSUPPORTED);
  }
  return { format, width, height };
}

function formatOf(meta: Metadata): MediaFormat | null {
  switch (meta.format) {
    case 'jpeg':
    case 'png':
    case 'webp':
    case 'gif':
      return meta.format;
    case 'heif':
      return meta.compression === 'av1' ? 'avif' : null; // HEIC (HEVC) is not decodable by the bundled libvips
    default:
      return null;
  }
}

export const CONTENT_TYPES: Record<MediaFormat, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
};

/** A WebP `width` pixels wide (never wider than the original), upright, first frame of an animation. */
export async function renderWebp(original: Buffer, width: number): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(original, { limitInputPixels: MAX_PIXELS })
    .autoOrient()
    .resize({ width, withoutEnlargement: true })
    .webp(WEBP)
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}
