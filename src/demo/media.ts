import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import sharp from 'sharp';
import { mediaUrl } from '../modules/media/index.js';
import { mediaAssets } from '../modules/media/schema.js';
import { BulkWriter } from './bulk.js';
import type { CatalogPlan } from './catalog-plan.js';
import { Rng, uuidAt } from './random.js';

/** Width of the demo pictures as stored: the storefront's renditions are made from these. */
export const DEMO_IMAGE_WIDTH = 1200;
/**
 * Pictures rasterised at once. libvips works off the main thread, so this overlaps the order
 * simulation, which keeps one core busy: leave it that core (on 2 cores, one picture at a time).
 */
const PARALLEL = Math.min(4, Math.max(1, availableParallelism() - 1));
/** Far above any sequence number the main id stream reaches, so these ids never meet those. */
const SEQ_BASE = 0x4000_0000;

export interface DemoMedia {
  /** The catalog plan with each product's SVG picture replaced by its media asset's URL and size. */
  plan: CatalogPlan;
  /** Starts rasterising (at most once); `write` waits for it. */
  start(): void;
  /** Writes the assets' rows (after `start`): how many, and the milliseconds spent waiting for pictures. */
  write(exec: (sql: string) => Promise<void>): Promise<{ assets: number; waitedMs: number }>;
}

/**
 * The demo shop's product pictures as real media assets, so its pages show renditions (srcset)
 * like a real store's: each planned SVG picture is rasterised once into a WebP original. Ids are
 * reproducible (a stream of their own), so the rest of the shop's ids do not move; the rows are
 * written at the end of the load, by when the pictures — made on libvips' threads while the main
 * thread simulates the year of orders — are ready.
 */
export function planDemoMedia(plan: CatalogPlan, seed: number, createdAt: number): DemoMedia {
  const rng = new Rng(seed).fork('media');
  const bySvg = new Map<string, { id: string; svg: string }>();
  const products = plan.products.map((p) => ({
    ...p,
    images: p.images.map((img) => {
      const svg = svgOf(img.url);
      if (!svg) return img;
      let asset = bySvg.get(svg);
      if (!asset) {
        asset = { id: uuidAt(createdAt, SEQ_BASE + bySvg.size, rng), svg };
        bySvg.set(svg, asset);
      }
      const height = Math.round((DEMO_IMAGE_WIDTH * img.height) / img.width);
      return { ...img, url: mediaUrl(asset.id), width: DEMO_IMAGE_WIDTH, height };
    }),
  }));
  let made: Promise<Array<{ id: string; data: Buffer; width: number; height: number }>> | null = null;
  return {
    plan: { ...plan, products },
    start() {
      made ??= mapLimit([...bySvg.values()], PARALLEL, async (a) => ({ id: a.id, ...(await rasterise(a.svg)) }));
      made.catch(() => {}); // surfaced by write(); never an unhandled rejection if the load fails first
    },
    async write(exec) {
      if (!made) throw new Error('planDemoMedia: start() before write()');
      const waited = performance.now();
      const assets = await made;
      const waitedMs = performance.now() - waited;
      const writer = new BulkWriter(exec, 50); // ~15 KB a picture: small statements
      const at = new Date(createdAt);
      for (const a of assets) {
        writer.add(mediaAssets, {
          id: a.id,
          sha256: createHash('sha256').update(a.data).digest('hex'),
          format: 'webp',
          width: a.width,
          height: a.height,
          byteSize: a.data.length,
          data: a.data,
          createdBy: null,
          createdAt: at,
        });
      }
      await writer.flushAll();
      return { assets: assets.length, waitedMs };
    },
  };
}

function svgOf(url: string): string | null {
  const prefix = 'data:image/svg+xml;utf8,';
  return url.startsWith(prefix) ? decodeURIComponent(url.slice(prefix.length)) : null;
}

async function rasterise(svg: string): Promise<{ data: Buffer; width: number; height: number }> {
  // Drawn at the final size (an SVG has no pixels: scaling a small render up would blur it).
  const viewBoxWidth = Number(/viewBox='[\d.]+ [\d.]+ ([\d.]+)/.exec(svg)?.[1] ?? 80);
  const { data, info } = await sharp(Buffer.from(svg), { density: (72 * DEMO_IMAGE_WIDTH) / viewBoxWidth })
    .resize({ width: DEMO_IMAGE_WIDTH })
    // Fastest encoder effort: drawing the SVG is most of the work, and renditions are re-encoded anyway.
    .webp({ quality: 80, effort: 0 })
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
