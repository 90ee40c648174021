import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listQuery, page, problemSchema } from '../../platform/http/pagination.js';
import { adminSecurity as security } from '../../platform/http/admin-security.js';
import { permit } from '../staff/index.js';
import type { MessagesService } from './service.js';
import { messageView } from './views.js';
import { MESSAGE_CHANNELS } from './schema.js';

/**
 * The sandbox outbox for staff. It needs settings.manage (admins only), not customers.read: the
 * bodies hold password-reset codes, and cs, operator and risk staff (customers.read) could ask
 * for a shopper's reset and read the code — taking over the account.
 */
export function messagesAdminRoutes(messages: MessagesService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/messages', {
      ...permit('settings.manage'),
      schema: {
        operationId: 'adminListMessages', tags: ['admin: messages'], security,
        summary: 'Email and SMS the store has queued (the sandbox mailbox), newest first',
        querystring: listQuery.extend({
          to: z.string().trim().min(1).max(200).optional().describe('An email address or a mobile number, exactly'),
          channel: z.enum(MESSAGE_CHANNELS).optional(),
        }),
        response: { 200: page(messageView), 400: problemSchema },
      },
    }, async (req) => {
      const { to, channel, limit, cursor } = req.query;
      return messages.page({ to: to?.includes('@') ? to.toLowerCase() : to, channel, limit, cursor });
    });
  };
}
