import { sql } from 'drizzle-orm';
import type { Kernel } from './platform/kernel.js';
import { createHttpServer } from './platform/http/server.js';
import { CatalogService, catalogStoreRoutes, registerCatalogConsumers } from './modules/catalog/index.js';
import { VERSION } from './version.js';

/**
 * The composition root: builds every module's service on the kernel, wires consumers and jobs,
 * and mounts each module's routes as an encapsulated Fastify plugin under its prefix.
 */
export function createServices(k: Kernel) {
  const catalog = new CatalogService(k);
  registerCatalogConsumers(k);
  return { catalog };
}

export type Services = ReturnType<typeof createServices>;

export async function createApp(k: Kernel, services: Services = createServices(k)) {
  const app = await createHttpServer({
    logLevel: k.config.logLevel,
    bodyLimit: k.config.bodyLimitBytes,
    publicUrl: k.config.publicUrl,
    version: VERSION,
  });

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    try {
      await k.db.q.execute(sql`select 1`);
      return { status: 'ready', database: k.db.kind };
    } catch {
      return reply.code(503).send({ status: 'unavailable' });
    }
  });

  const noStock = async () => new Map<string, number>();
  await app.register(catalogStoreRoutes(k, services.catalog, noStock), { prefix: '/api/store' });

  return { app, services };
}
