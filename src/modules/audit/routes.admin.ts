import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listQuery, page } from '../../platform/http/pagination.js';
import { adminSecurity } from '../../platform/http/admin-security.js';
import { permit } from '../staff/index.js';
import type { AuditService } from './service.js';
import { auditEntry } from './views.js';
import { targetKey, type AuditTargetReader } from './targets.js';

/** The audit log, for staff with `audit.read`. */
export function auditAdminRoutes(audit: AuditService, names: AuditTargetReader): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/audit-log',
      {
        ...permit('audit.read'),
        schema: {
          operationId: 'adminListAudit',
          tags: ['admin: audit'],
          summary: 'Audit log, newest first',
          security: adminSecurity,
          querystring: listQuery.extend({
            staffId: z.uuid().optional(),
            entityType: z.string().max(50).optional(),
            entityId: z.string().max(200).optional(),
            action: z.string().max(100).optional().describe('Exact action, or a prefix such as `catalog.*`'),
            from: z.iso.datetime({ offset: true }).optional().describe('Inclusive lower bound on `at`'),
            to: z.iso.datetime({ offset: true }).optional().describe('Exclusive upper bound on `at`'),
          }),
          response: { 200: page(auditEntry) },
        },
      },
      async (req) => {
        const { from, to, ...rest } = req.query;
        const res = await audit.list({ ...rest, from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined });
        const entities = res.items.map((e) => ({ type: e.entityType, id: e.entityId }));
        const [targets, staff] = await Promise.all([names.targets(entities), names.staffNames(res.items.map((e) => e.staffId))]);
        return {
          ...res,
          items: res.items.map((e) => ({
            ...e,
            staffName: staff.get(e.staffId) ?? null,
            target: targets.get(targetKey({ type: e.entityType, id: e.entityId })) ?? { name: null, code: null, ref: null },
          })),
        };
      },
    );
  };
}
