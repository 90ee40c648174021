import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kernel } from '../../platform/kernel.js';
import type { CustomersService } from './service.js';
import { authRoutes } from './routes.auth.js';
import { accountRoutes } from './routes.account.js';

/** Everything the customers module serves under /api/store. */
export function customerStoreRoutes(k: Kernel, customers: CustomersService): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('onClose', () => customers.close());
    await app.register(authRoutes(k, customers));
    await app.register(accountRoutes(k, customers));
  };
}
