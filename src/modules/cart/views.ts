import { z } from 'zod';
import { offersView } from '../pricing/index.js';
import { localizedView as localized } from '../../platform/http/view-fields.js';
import { CART_STATUSES } from './schema.js';

/** The cart's HTTP answer. Zod only, so the storefront can infer its `Cart` type from it. */
export const cartView = z.object({
  id: z.string(),
  status: z.enum(CART_STATUSES),
  customerId: z.string().nullable(),
  token: z.string().nullable().describe('Guest cart token: send it back as X-Cart-Token (also set as a cookie)'),
  items: z.array(
    z.object({
      id: z.string(),
      variantId: z.string(),
      productId: z.string().nullable(),
      sku: z.string().nullable(),
      title: localized.nullable(),
      optionValues: z.record(z.string(), z.string()),
      image: z.string().nullable(),
      unitPrice: z.number().int().nullable(),
      quantity: z.number().int(),
      available: z.boolean().describe('false when the variant is no longer on sale'),
    }),
  ),
  quote: z.unknown().describe('Price breakdown from the pricing engine (null for an empty cart)'),
  offers: offersView.nullable().describe('What promotions, coupons and points did to the quote, and what more would reach (null for an empty cart)'),
});

/** What a page header needs on every page: the cart's state and its number of units. */
export const cartSummaryView = z.object({
  id: z.string(),
  status: z.enum(CART_STATUSES),
  itemCount: z.number().int().describe('Units in the cart (the sum of the quantities)'),
});
