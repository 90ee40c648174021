import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kernel } from '../../platform/kernel.js';
import { AppError } from '../../platform/errors.js';
import { requireCustomer } from '../../platform/http/require-customer.js';
import { problemSchema } from '../../platform/http/pagination.js';
import { maskMobile } from '../../platform/privacy.js';
import { answeredWrite } from '../../platform/http/answer.js';
import type { CustomersService } from './service.js';
import { CustomerErrors } from './errors.js';
import { localeOf } from '../../platform/http/problem.js';
import type { Locale } from '../../platform/i18n.js';
import { regionFullName, regionPath, regionsUnder, type Region } from './regions.js';
import { addressInput, addressPatch, addressView, regionDetailView, regionView } from './types.js';

const tags = ['customers'];
const signedIn: Array<Record<string, string[]>> = [{ bearer: [] }, { session: [] }];
const byId = z.object({ id: z.uuid() });
const problems = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, problemSchema]));
const lang = z.string().max(10).optional().describe('Language of `name` (zh-CN or en); overrides Accept-Language');
const inLocale = (r: Region, locale: Locale) => ({ code: r.code, name: r.names[locale], names: r.names });

/** The shopper's address book, and the region lists its forms are filled from. */
export function accountRoutes(k: Kernel, customers: CustomersService): FastifyPluginAsyncZod {
  const book = customers.addresses;
  return async (app) => {
    app.get(
      '/me/addresses',
      {
        schema: {
          operationId: 'listAddresses',
          tags,
          summary: 'My addresses, default first; mobile numbers masked (138****5678) — getAddress has the full number for editing',
          security: signedIn,
          response: { 200: z.object({ items: z.array(addressView) }), ...problems(401) },
        },
      },
      async (req) => ({ items: (await book.list(requireCustomer(req).id)).map((a) => ({ ...a, mobile: maskMobile(a.mobile) })) }),
    );

    app.post(
      '/me/addresses',
      {
        schema: {
          operationId: 'createAddress',
          tags,
          summary: 'Add an address (the first one becomes the default)',
          security: signedIn,
          body: addressInput,
          response: { 201: addressView, ...problems(400, 401, 403, 422) },
        },
      },
      async (req, reply) => reply.code(201).send(await answeredWrite(k.db, req, 201, () => book.create(requireCustomer(req).id, req.body))),
    );

    app.get(
      '/me/addresses/:id',
      {
        schema: { operationId: 'getAddress', tags, summary: 'One of my addresses', security: signedIn, params: byId, response: { 200: addressView, ...problems(400, 401, 404) } },
      },
      async (req) => book.get(requireCustomer(req).id, req.params.id),
    );

    app.patch(
      '/me/addresses/:id',
      {
        schema: {
          operationId: 'updateAddress',
          tags,
          summary: 'Change an address',
          security: signedIn,
          params: byId,
          body: addressPatch,
          response: { 200: addressView, ...problems(400, 401, 403, 404, 422) },
        },
      },
      async (req) => answeredWrite(k.db, req, 200, () => book.update(requireCustomer(req).id, req.params.id, req.body)),
    );

    app.delete(
      '/me/addresses/:id',
      {
        schema: {
          operationId: 'deleteAddress',
          tags,
          summary: 'Delete an address',
          security: signedIn,
          params: byId,
          response: { 204: z.null(), ...problems(400, 401, 403, 404) },
        },
      },
      async (req, reply) => {
        await book.remove(requireCustomer(req).id, req.params.id);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/me/addresses/:id/default',
      {
        schema: {
          operationId: 'setDefaultAddress',
          tags,
          summary: 'Make an address the default',
          security: signedIn,
          params: byId,
          response: { 200: addressView, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => book.setDefault(requireCustomer(req).id, req.params.id),
    );

    app.get(
      '/regions',
      {
        schema: {
          operationId: 'listRegions',
          tags,
          summary: 'Provinces; or the cities of a province; or the districts of a city (GB/T 2260)',
          description: "`name` is in the request's language (`?lang=`, else Accept-Language, else Chinese); `names` has both.",
          querystring: z.object({
            parent: z
              .string()
              .regex(/^\d{2}(\d{2})?$/, 'a 2-digit province or 4-digit city code')
              .optional()
              .describe('Province code for its cities, city code for its districts; absent for provinces'),
            lang,
          }),
          response: { 200: z.object({ items: z.array(regionView) }), ...problems(400, 404) },
        },
      },
      async (req, reply) => {
        const items = regionsUnder(req.query.parent);
        if (!items) throw new AppError(CustomerErrors.REGION_NOT_FOUND, { code: req.query.parent });
        const locale = localeOf(req);
        reply.header('cache-control', 'public, max-age=86400').header('vary', 'accept-language');
        return { items: items.map((r) => inLocale(r, locale)) };
      },
    );

    app.get(
      '/regions/:code',
      {
        schema: {
          operationId: 'getRegion',
          tags,
          summary: 'One province, city or district by its GB/T 2260 code, with its full name in both languages',
          description: 'For showing a stored address (an order keeps its region in Chinese) in the reader\'s language.',
          params: z.object({ code: z.string().regex(/^\d{2}(\d{2}(\d{2})?)?$/, 'a 2-, 4- or 6-digit code') }),
          querystring: z.object({ lang }),
          response: { 200: regionDetailView, ...problems(400, 404) },
        },
      },
      async (req, reply) => {
        const path = regionPath(req.params.code);
        if (!path) throw new AppError(CustomerErrors.REGION_NOT_FOUND, { code: req.params.code });
        const self = path[path.length - 1];
        reply.header('cache-control', 'public, max-age=86400').header('vary', 'accept-language');
        return {
          ...inLocale(self, localeOf(req)),
          parentCode: path.length > 1 ? path[path.length - 2].code : null,
          fullName: regionFullName(self.code)!,
        };
      },
    );
  };
}
