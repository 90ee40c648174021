import type { Config } from '../platform/config.js';
import { createKernel } from '../platform/kernel.js';
import { BackgroundWorker } from '../platform/worker-loop.js';
import { createServices } from '../app.js';
import { onShutdown } from './lifecycle.js';

export async function worker(config: Config): Promise<void> {
  if (!config.databaseUrl) {
    throw new Error('worker needs DATABASE_URL: the embedded database belongs to the serve process, which already runs background work.');
  }
  const k = await createKernel(config);
  createServices(k); // registers every consumer and job handler
  await k.outbox.start();
  const bg = new BackgroundWorker(k);
  await bg.start();
  onShutdown(async () => {
    await bg.stop();
    await k.cache.close();
    await k.db.close();
  });
  console.log(`Shopkeeper worker running${config.redisUrl ? ' (BullMQ on Redis)' : ''}`);
}
