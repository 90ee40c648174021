import type { Config } from '../platform/config.js';
import { createKernel, type Kernel } from '../platform/kernel.js';
import { BackgroundWorker } from '../platform/worker-loop.js';
import { createApp, createServices, ensureStoreDefaults, type Services } from '../app.js';
import { ensureFirstAdmin } from '../modules/staff/index.js';
import { DemoDataExistsError, demoState, type DemoResult } from '../demo/index.js';
import { onShutdown } from './lifecycle.js';
import { describeAdmin, describeDemo, generateWithProgress } from './seed.js';

export async function serve(config: Config, opts: { worker: boolean }): Promise<void> {
  if (!opts.worker && !config.databaseUrl) {
    throw new Error('serve --no-worker needs DATABASE_URL: the embedded database cannot be shared with a worker process.');
  }
  const started = Date.now();
  const k = await createKernel(config);
  const services = createServices(k);
  await ensureStoreDefaults(k, services);
  const demo = config.demoData ? await demoOnFirstStart(k, services) : null;
  const admin = await ensureFirstAdmin(k, services.staff);
  const { app } = await createApp(k, services);
  const bg = opts.worker ? new BackgroundWorker(k) : null;
  await bg?.start();
  await app.listen({ port: config.port, host: config.host });
  onShutdown(async () => {
    await app.close();
    await bg?.stop();
    await k.cache.close();
    await k.db.close();
  });
  const shape = config.databaseUrl ? `PostgreSQL${config.redisUrl ? ' + Redis' : ''}` : `embedded (${config.dataDir})`;
  console.log(
    `\nShopkeeper ${shape} ready in ${((Date.now() - started) / 1000).toFixed(1)} s\n` +
      `  Storefront  ${config.publicUrl}/\n` +
      `  Console     ${config.publicUrl}/admin\n` +
      `  Store API   ${config.publicUrl}/api/store\n` +
      `  Admin API   ${config.publicUrl}/api/admin\n` +
      `  API docs    ${config.publicUrl}/api/docs\n` +
      (demo ? describeDemo(demo) : '') +
      describeAdmin(admin),
  );
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
