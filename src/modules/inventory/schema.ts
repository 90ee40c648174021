import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Localized } from '../../platform/i18n.js';
import { LEDGER_REASONS } from './reasons.js';

export const warehouses = pgTable('inventory_warehouses', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: jsonb('name').$type<Localized>().notNull(),
  isDefault: boolean('is_default').notNull().default(false),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** Stock of one variant in one warehouse. available = on_hand − reserved, never negative. */
export const stockLevels = pgTable(
  'inventory_stock',
  {
    variantId: uuid('variant_id').notNull(),
    warehouseId: uuid('warehouse_id').notNull(),
    onHand: integer('on_hand').notNull().default(0),
    reserved: integer('reserved').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.variantId, t.warehouseId] }),
    check('inventory_stock_non_negative', sql`${t.reserved} >= 0 and ${t.reserved} <= ${t.onHand}`),
  ],
);

/** Every change to on-hand or reserved, with its reason: sums always equal the stock figures. */
export const stockLedger = pgTable(
  'inventory_ledger',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    variantId: uuid('variant_id').notNull(),
    warehouseId: uuid('warehouse_id').notNull(),
    deltaOnHand: integer('delta_on_hand').notNull(),
    deltaReserved: integer('delta_reserved').notNull(),
    onHandAfter: integer('on_hand_after').notNull(),
    reservedAfter: integer('reserved_after').notNull(),
    reason: text('reason', { enum: LEDGER_REASONS }).notNull(),
    refType: text('ref_type'),
    refId: text('ref_id'),
    note: text('note'),
    staffId: uuid('staff_id'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('inventory_ledger_variant').on(t.variantId, t.id), index('inventory_ledger_ref').on(t.refType, t.refId)],
);

/** What an order holds: makes commit, release and restock idempotent per order line. */
export const reservations = pgTable(
  'inventory_reservations',
  {
    id: uuid('id').primaryKey(),
    orderId: uuid('order_id').notNull(),
    variantId: uuid('variant_id').notNull(),
    warehouseId: uuid('warehouse_id').notNull(),
    quantity: integer('quantity').notNull(),
    /** Units returned to stock after commit (refund before shipment). */
    restocked: integer('restocked').notNull().default(0),
    status: text('status', { enum: ['held', 'committed', 'released'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('inventory_reservations_order').on(t.orderId)],
);
