import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError, CoreErrors } from '../../platform/errors.js';
import { listQuery, page, problemSchema } from '../../platform/http/pagination.js';
import { adminSecurity as security } from '../../platform/http/admin-security.js';
import { DEFAULT_CURRENCY } from '../../platform/money.js';
import { permit } from '../staff/index.js';
import type { OrderService } from '../orders/index.js';
import type { CustomersService } from './service.js';
import { customerDetail, customerView } from './types.js';

const tags = ['admin: customers'];

/** Staff view of shoppers (CS, operators, risk): search, and one customer's whole picture. */
export function customerAdminRoutes(customers: CustomersService, orders: OrderService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/customers', {
      ...permit('customers.read'),
      schema: {
        operationId: 'adminListCustomers', tags, security, summary: 'Customers, newest first; q matches email, mobile or name',
        querystring: listQuery.extend({ q: z.string().trim().min(1).max(100).optional().describe('Part of the email, mobile number or name') }),
        response: { 200: page(customerView), 400: problemSchema },
      },
    }, async (req) => customers.listCustomers(req.query));

    app.get('/customers/:id', {
      ...permit('customers.read'),
      schema: {
        operationId: 'adminGetCustomer', tags, security,
        summary: 'One customer: profile, acquisition channel, addresses, order count, total spent and their orders',
        params: z.object({ id: z.uuid() }),
        querystring: z.object({
          ordersLimit: z.coerce.number().int().min(1).max(100).default(20),
          ordersCursor: z.string().max(500).optional(),
        }),
        response: { 200: customerDetail, 400: problemSchema, 404: problemSchema },
      },
    }, async (req) => {
      const { id } = req.params;
      const customer = await customers.getCustomer(id);
      if (!customer) throw new AppError(CoreErrors.NOT_FOUND, { what: `customer ${id}` });
      const addresses = await customers.addresses.list(id);
      const totals = await orders.customerTotals(id, DEFAULT_CURRENCY);
      const list = await orders.list({ customerId: id, limit: req.query.ordersLimit, cursor: req.query.ordersCursor });
      return {
        ...customer,
        addresses,
        stats: { ...totals, currency: DEFAULT_CURRENCY },
        orders: {
          nextCursor: list.nextCursor,
          items: list.items.map((o) => ({
            id: o.id,
            number: o.number,
            status: o.status,
            currency: o.currency,
            total: o.total,
            paidAmount: o.paidAmount,
            refundedAmount: o.refundedAmount,
            itemCount: o.itemCount,
            channel: o.channel,
            placedAt: o.placedAt.toISOString(),
            paidAt: o.paidAt?.toISOString() ?? null,
          })),
        },
      };
    });
  };
}
