import { boolean, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import type { Localized } from '../../platform/i18n.js';
import { SHIPPING_KINDS } from '../pricing/index.js';

/** Delivery options offered at checkout; `rule` holds the fee parameters of its kind. */
export const shippingMethods = pgTable('checkout_shipping_methods', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: jsonb('name').$type<Localized>().notNull(),
  kind: text('kind', { enum: SHIPPING_KINDS }).notNull(),
  rule: jsonb('rule').$type<Record<string, unknown>>().notNull(),
  active: boolean('active').notNull().default(true),
  position: integer('position').notNull().default(0),
  /** Days from an order to its delivery, for the estimate a product page shows ("预计 12月5日 送达"). */
  deliveryDays: integer('delivery_days').notNull().default(3),
});
