import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kernel } from '../../platform/kernel.js';
import type { AuditService } from '../audit/index.js';
import type { StaffService } from './service.js';
import { staffAuthRoutes } from './routes.auth.js';
import { staffManagementRoutes } from './routes.staff.js';
import { deadEventRoutes } from './routes.events.js';

/** Everything the staff module serves under /api/admin. */
export function staffAdminRoutes(k: Kernel, staff: StaffService, audit: AuditService): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(staffAuthRoutes(k, staff));
    await app.register(staffManagementRoutes(k, staff, audit));
    await app.register(deadEventRoutes(k, audit));
  };
}
