import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { answeredWrite } from '../../platform/http/answer.js';
import { z } from 'zod';
import type { Kernel } from '../../platform/kernel.js';
import { listQuery, page, problemSchema } from '../../platform/http/pagination.js';
import { adminSecurity as security } from '../../platform/http/admin-security.js';
import type { AuditService } from '../audit/index.js';
import type { StaffService } from './service.js';
import { permit } from './guard.js';
import { PERMISSIONS, ROLE_PERMISSIONS, ROLES } from './permissions.js';
import { roleSchema, rolesView, staffCreated, staffCreateInput, staffPatch, staffView } from './types.js';

const tags = ['admin: staff'];

/** Staff accounts and the role matrix, for holders of `staff.manage`. */
export function staffManagementRoutes(k: Kernel, staff: StaffService, audit: AuditService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/staff',
      {
        ...permit('staff.manage'),
        schema: {
          operationId: 'adminListStaff',
          tags,
          summary: 'Staff accounts by email',
          security,
          querystring: listQuery.extend({
            role: roleSchema.optional(),
            active: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
          }),
          response: { 200: page(staffView) },
        },
      },
      async (req) => staff.list(req.query),
    );

    app.post(
      '/staff',
      {
        ...permit('staff.manage'),
        schema: {
          operationId: 'adminCreateStaff',
          tags,
          summary: 'Create a staff account (a random password is generated when none is given)',
          security,
          body: staffCreateInput,
          response: { 201: staffCreated, 409: problemSchema },
        },
      },
      async (req, reply) => {
        const created = await answeredWrite(k.db, req, 201, async () => {
          const result = await staff.create(req.body);
          await audit.record(req.staff, 'staff.create', { type: 'staff', id: result.staff.id }, null, result.staff);
          return result;
        });
        return reply.code(201).send(created);
      },
    );

    app.patch(
      '/staff/:staffId',
      {
        ...permit('staff.manage'),
        schema: {
          operationId: 'adminUpdateStaff',
          tags,
          summary: 'Change name, role, active (false deactivates and signs out) or password',
          security,
          params: z.object({ staffId: z.uuid() }),
          body: staffPatch,
          response: { 200: staffView, 404: problemSchema, 422: problemSchema },
        },
      },
      async (req) =>
        answeredWrite(k.db, req, 200, async () => {
          const { before, after } = await staff.update(req.params.staffId, req.body);
          const changed = { passwordChanged: req.body.password !== undefined };
          await audit.record(req.staff, 'staff.update', { type: 'staff', id: after.id }, { ...before, passwordChanged: false }, { ...after, ...changed });
          return after;
        }),
    );

    app.get(
      '/roles',
      {
        ...permit('staff.manage'),
        schema: {
          operationId: 'adminListRoles',
          tags,
          summary: 'The role × permission matrix',
          security,
          response: { 200: rolesView },
        },
      },
      async () => ({
        permissions: [...PERMISSIONS],
        roles: ROLES.map((role) => ({ role, permissions: [...ROLE_PERMISSIONS[role]] })),
      }),
    );
  };
}
