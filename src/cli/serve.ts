import type { Config } from '../platform/config.js';
import { createKernel, type Kernel } from '../platform/kernel.js';
import { BackgroundWorker } from '../platform/worker-loop.js';
import { createApp, createServices, ensureStoreDefaults, type Services } from '../app.js';
import { ensureFirstAdmin } from '../modules/staff/index.js';
import { DemoDataExistsError, demoState, type DemoResult } from '../demo/index.js';
import cluster from 'node:cluster';
import { clusterIndex, serveCluster } from './cluster.js';
import { onShutdown } from './lifecycle.js';
import type { AddressInfo } from 'node:net';
import { describeDemo, generateWithProgress } from './seed.js';
import { adminBlock, readyBanner, siteUrl } from './banner.js';

export async function serve(config: Config, opts: { worker: boolean }): Promise<void> {
  if (!opts.worker && !config.databaseUrl) {
    throw new Error('serve --no-worker needs DATABASE_URL: the embedded database cannot be shared with a worker process.');
  }
  if (config.processes > 1 && cluster.isPrimary) {
    return serveCluster(config, { prepare: prepareStore, banner: (c, started, n) => readyBanner(c, { host: c.host, port: c.port }, started, n) });
  }
  const started = Date.now();
  const k = await createKernel(config);
  const services = createServices(k);
  // A cluster's processes find the store prepared by the primary (see cluster.ts).
  const { demo, admin } = cluster.isWorker ? { demo: null, admin: null } : await prepareStoreWith(k, services);
  const { app } = await createApp(k, services);
  // In a cluster only the first process runs background work, as `serve` + one `worker` would.
  const bg = opts.worker && (!cluster.isWorker || clusterIndex() === 0) ? new BackgroundWorker(k) : null;
  await bg?.start();
  await app.listen({ port: config.port, host: config.host });
  onShutdown(async () => {
    await app.close();
    await bg?.stop();
    await k.cache.close();
    await k.db.close();
  });
  if (cluster.isWorker) return;
  // The port actually bound (PORT=0 picks a free one) and the host asked for.
  const bound = { host: config.host, port: (app.server.address() as AddressInfo).port };
  // The sign-in block comes last, after everything else start-up prints, so it is easy to find.
  console.log(readyBanner(config, bound, started, 1) + (demo ? describeDemo(demo) : '') + (admin ? adminBlock(admin, `${siteUrl(config, bound)}/admin`) : ''));
}

/** Migrations, store defaults, the demo shop on first start and the first admin: once, before listening. */
async function prepareStore(config: Config): Promise<string> {
  const k = await createKernel(config);
  try {
    const { demo, admin } = await prepareStoreWith(k, createServices(k));
    return (demo ? describeDemo(demo) : '') + adminBlock(admin, `${siteUrl(config, { host: config.host, port: config.port })}/admin`);
  } finally {
    await k.cache.close();
    await k.db.close();
  }
}

async function prepareStoreWith(k: Kernel, services: Services) {
  await ensureStoreDefaults(k, services);
  const demo = k.config.demoData ? await demoOnFirstStart(k, services) : null;
  const admin = await ensureFirstAdmin(k, services.staff);
  return { demo, admin };
}

/**
 * With DEMO_DATA on (the default for the embedded database), the first start of an empty store
 * generates the demo shop before listening; any later start finds products and skips it.
 */
async function demoOnFirstStart(k: Kernel, services: Services): Promise<DemoResult | null> {
  const state = await demoState(k);
  if (state.products > 0) {
    if (state.interrupted) k.log.warn('An earlier demo-data run was interrupted; the demo shop is incomplete. Start on an empty DATA_DIR to regenerate it.');
    return null;
  }
  console.log('First start: generating the demo shop (a year of history, once)…');
  try {
    return await generateWithProgress(k, services, {});
  } catch (err) {
    if (err instanceof DemoDataExistsError) return null; // another process generated it meanwhile
    throw err;
  }
}
