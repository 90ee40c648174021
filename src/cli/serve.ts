import type { Config } from '../platform/config.js';
import { createKernel } from '../platform/kernel.js';
import { BackgroundWorker } from '../platform/worker-loop.js';
import { createApp } from '../app.js';
import { onShutdown } from './lifecycle.js';

export async function serve(config: Config, opts: { worker: boolean }): Promise<void> {
  if (!opts.worker && !config.databaseUrl) {
    throw new Error('serve --no-worker needs DATABASE_URL: the embedded database cannot be shared with a worker process.');
  }
  const started = Date.now();
  const k = await createKernel(config);
  const { app } = await createApp(k);
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
      `  Store API   ${config.publicUrl}/api/store\n` +
      `  API docs    ${config.publicUrl}/api/docs\n`,
  );
}
