import cliProgress from 'cli-progress';
import type { Config } from '../platform/config.js';
import { createKernel, type Kernel } from '../platform/kernel.js';
import { createServices, ensureStoreDefaults, type Services } from '../app.js';
import { ensureFirstAdmin } from '../modules/staff/index.js';
import { adminBlock, siteUrl } from './banner.js';
import { DEMO_PASSWORD, DEMO_SHOPPER_EMAIL, generateDemoShop, type DemoProgress, type DemoResult } from '../demo/index.js';

/** A progress bar for the demo generator (plain lines every few seconds when not on a terminal). */
export function demoProgressBar(): { update: (p: DemoProgress) => void; stop: () => void } {
  const labels: Record<DemoProgress['phase'], string> = { customers: 'shoppers', orders: 'orders', finishing: 'stock and totals' };
  const bar = new cliProgress.SingleBar(
    {
      format: '  Demo shop |{bar}| {percentage}% | {phase} | {eta_formatted} left',
      barsize: 30,
      hideCursor: true,
      noTTYOutput: true,
      notTTYSchedule: 5000,
      etaBuffer: 50,
      formatTime: (seconds: number) => formatEta(seconds),
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(p) {
      if (!started) {
        bar.start(p.total, 0, { phase: labels[p.phase] });
        started = true;
      }
      bar.update(p.done, { phase: labels[p.phase] });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

/** Time left as a person reads it: `45 s`, `2 min 05 s` (cli-progress' own rounding printed `1m60s`). */
export function formatEta(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '…';
  const s = Math.ceil(seconds / 5) * 5;
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

/** Generates the demo shop with a progress bar; prints what it made. */
export async function generateWithProgress(k: Kernel, services: Services, opts: { seed?: number; scale?: number }): Promise<DemoResult> {
  const bar = demoProgressBar();
  try {
    return await generateDemoShop(k, services, { ...opts, onProgress: bar.update });
  } finally {
    bar.stop();
  }
}

export function describeDemo(r: DemoResult): string {
  const n = (x: number) => x.toLocaleString('en');
  const statuses = Object.entries(r.byStatus)
    .sort((a, b) => b[1] - a[1])
    .map(([s, c]) => `${s} ${n(c)}`)
    .join(', ');
  return (
    `  Demo shop   ${n(r.size.products)} products, ${n(r.size.customers)} shoppers, ${n(r.orders)} orders ` +
    `(${r.from} … ${r.asOf.slice(0, 10)}, seed ${r.seed}) in ${(r.ms / 1000).toFixed(1)} s\n` +
    `              ${statuses}\n` +
    `  Shopper     ${DEMO_SHOPPER_EMAIL} / ${DEMO_PASSWORD} (every demo shopper has this password)\n`
  );
}

/** `shopkeeper seed`: the demo shop into an empty store (refused when the store has products). */
export async function seed(config: Config, opts: { scale: number; seed: number }): Promise<void> {
  const k = await createKernel(config);
  try {
    const services = createServices(k);
    await ensureStoreDefaults(k, services);
    console.log(`Generating the demo shop (scale ${opts.scale}, seed ${opts.seed})…`);
    const result = await generateWithProgress(k, services, opts);
    const admin = await ensureFirstAdmin(k, services.staff);
    console.log(`\n${describeDemo(result)}${adminBlock(admin, `${siteUrl(config, { host: config.host, port: config.port })}/admin`)}`);
  } finally {
    await k.cache.close();
    await k.db.close();
  }
}
