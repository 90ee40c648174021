import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { answeredWrite } from '../../platform/http/answer.js';
import type { Kernel } from '../../platform/kernel.js';
import { problemSchema } from '../../platform/http/pagination.js';
import { adminSecurity as security } from '../../platform/http/admin-security.js';
import { permit, requireStaff } from '../staff/index.js';
import type { AuditService } from '../audit/index.js';
import type { StoreSettingsService } from './service.js';
import { adminSettingsView, settingsPatch, type PaymentSandboxView } from './types.js';

const tags = ['admin: settings'];

/**
 * Store settings for the console. Reading needs only a staff session: nothing here is secret, and
 * every screen needs the store's name and time zone to show dates. Changing needs settings.manage.
 */
export function settingsAdminRoutes(k: Kernel, settings: StoreSettingsService, audit: AuditService, paymentSandbox: () => PaymentSandboxView): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/settings', {
      // Checked at onRequest like permit(), so an anonymous caller gets 401 before anything else.
      onRequest: async (req) => void requireStaff(req),
      schema: {
        operationId: 'adminGetSettings', tags, security, summary: 'The store settings (any signed-in staff member)',
        response: { 200: adminSettingsView, 401: problemSchema },
      },
    }, async () => ({ ...(await settings.get()), paymentSandbox: paymentSandbox() }));

    app.patch('/settings', {
      ...permit('settings.manage'),
      schema: {
        operationId: 'adminUpdateSettings', tags, security,
        summary: 'Change store settings (absent fields stay as they are); the time zone applies at once in every process',
        body: settingsPatch,
        response: { 200: adminSettingsView, 400: problemSchema },
      },
    }, async (req) =>
      answeredWrite(k.db, req, 200, async () => {
        const { before, after, changed } = await settings.update(req.body);
        if (changed) await audit.record(req.staff, 'settings.update', { type: 'settings', id: 'store' }, before, after);
        return { ...after, paymentSandbox: paymentSandbox() };
      }),
    );
  };
}
