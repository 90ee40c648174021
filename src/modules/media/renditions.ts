/**
 * Media URLs and the rendition ladder, shared by the server and the storefront: pure, no I/O and
 * no Node imports (the storefront bundles this file).
 *
 * An asset's original is `/media/<id>`; its renditions are `/media/<id>/<width>.webp` for the
 * widths of the ladder. A ladder width above the original's is served at the original's width
 * (never upscaled), so every ladder URL of an asset exists.
 */

export const RENDITION_WIDTHS = [160, 320, 480, 640, 960, 1280] as const;
export type RenditionWidth = (typeof RENDITION_WIDTHS)[number];

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const MEDIA_URL = new RegExp(`^((?:https?://[^/?#]+)?)/media/(${UUID})$`, 'i');
const RENDITION_FILE = /^([1-9]\d{1,4})\.webp$/; // one spelling per file: no leading zeros

export function mediaUrl(id: string): string {
  return `/media/${id}`;
}

export function renditionUrl(id: string, width: number): string {
  return `/media/${id}/${width}.webp`;
}

/** The asset id and origin ('' for a same-site path) of a media URL, or null for any other URL. */
export function parseMediaUrl(url: string): { id: string; origin: string } | null {
  const m = MEDIA_URL.exec(url);
  return m ? { origin: m[1], id: m[2].toLowerCase() } : null;
}

/** `640.webp` → 640 when 640 is on the ladder; anything else → null. */
export function parseRenditionFile(file: string): RenditionWidth | null {
  const m = RENDITION_FILE.exec(file);
  const width = m ? Number(m[1]) : NaN;
  return (RENDITION_WIDTHS as readonly number[]).includes(width) ? (width as RenditionWidth) : null;
}

/** The width a rendition is actually made at: the ladder width, or the original's when smaller. */
export function effectiveWidth(requested: number, intrinsic: number): number {
  return Math.min(requested, intrinsic);
}

/**
 * srcset candidates for an image `intrinsic` pixels wide: every ladder width up to it, and — when
 * the original falls between two steps — the next step up, which is served at the original's
 * width and so described with it (e.g. a 1200 px original gets `…/1280.webp 1200w`).
 */
export function renditionCandidates(intrinsic: number): Array<{ file: RenditionWidth; width: number }> {
  const out: Array<{ file: RenditionWidth; width: number }> = [];
  for (const w of RENDITION_WIDTHS) {
    if (w <= intrinsic) out.push({ file: w, width: w });
    else {
      out.push({ file: w, width: intrinsic });
      break;
    }
  }
  return out.filter((c, i) => i === 0 || c.width > out[i - 1].width);
}

/**
 * `srcSet` and `sizes` for an image whose URL is a media URL, null for any other URL (external
 * links, data: URLs) or an image too small to need more than one file.
 */
export function responsiveImage(image: { url: string; width: number }, sizes: string): { srcSet: string; sizes: string } | null {
  const media = parseMediaUrl(image.url);
  if (!media || !(image.width > 0)) return null;
  const candidates = renditionCandidates(Math.floor(image.width));
  if (candidates.length < 2) return null;
  const srcSet = candidates.map((c) => `${media.origin}${renditionUrl(media.id, c.file)} ${c.width}w`).join(', ');
  return { srcSet, sizes };
}

/**
 * The smallest rendition at least twice `cssWidth` (sharp on 2× screens) of a media URL, for a
 * fixed-size thumbnail when only the URL is known (cart lines, order lists, the console's
 * previews). Null for anything but a media URL.
 */
export function thumbnailUrl(url: string, cssWidth: number): string | null {
  const media = parseMediaUrl(url);
  if (!media) return null;
  return `${media.origin}${renditionUrl(media.id, thumbnailWidth(cssWidth))}`;
}

/** `thumbnailUrl` as a one-candidate srcset, so the browser never fetches the full-size original. */
export function thumbnailImage(url: string, cssWidth: number): { srcSet: string; sizes: string } | null {
  const src = thumbnailUrl(url, cssWidth);
  return src ? { srcSet: `${src} ${thumbnailWidth(cssWidth)}w`, sizes: `${cssWidth}px` } : null;
}

function thumbnailWidth(cssWidth: number): RenditionWidth {
  return RENDITION_WIDTHS.find((w) => w >= cssWidth * 2) ?? RENDITION_WIDTHS[RENDITION_WIDTHS.length - 1];
}
