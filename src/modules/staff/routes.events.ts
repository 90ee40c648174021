import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Kernel } from '../../platform/kernel.js';
import { AppError } from '../../platform/errors.js';
import { problemSchema } from '../../platform/http/pagination.js';
import { adminSecurity as security } from '../../platform/http/admin-security.js';
import type { AuditService } from '../audit/index.js';
import { permit } from './guard.js';
import { StaffErrors } from './errors.js';
import { deadEventView } from './types.js';

const tags = ['admin: events'];

/** Domain-event deliveries that failed every retry, for staff with `events.manage` to inspect and revive. */
export function deadEventRoutes(k: Kernel, audit: AuditService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/events/dead',
      {
        ...permit('events.manage'),
        schema: {
          operationId: 'adminListDeadEvents',
          tags,
          summary: 'Dead event deliveries, newest first',
          security,
          querystring: z.object({
            limit: z.coerce.number().int().min(1).max(100).default(50),
            offset: z.coerce.number().int().min(0).max(100_000).default(0),
          }),
          response: { 200: z.object({ items: z.array(deadEventView) }) },
        },
      },
      async (req) => {
        const rows = await k.outbox.listDead(req.query.limit, req.query.offset);
        return { items: rows.map((r) => ({ ...r, occurredAt: r.occurredAt.toISOString() })) };
      },
    );

    app.post(
      '/events/:eventId/retry',
      {
        ...permit('events.manage'),
        schema: {
          operationId: 'adminRetryEvent',
          tags,
          summary: 'Put every dead delivery of an event back in the queue',
          security,
          params: z.object({ eventId: z.uuid() }),
          response: { 200: z.object({ revived: z.number().int() }), 404: problemSchema },
        },
      },
      async (req) =>
        k.db.transaction(async () => {
          const revived = await k.outbox.retryDead(req.params.eventId);
          if (revived === 0) throw new AppError(StaffErrors.DEAD_EVENT_NOT_FOUND, { id: req.params.eventId });
          const entity = { type: 'outbox_event', id: req.params.eventId };
          await audit.record(req.staff, 'events.retry', entity, { status: 'dead' }, { status: 'pending', deliveries: revived });
          return { revived };
        }),
    );
  };
}
