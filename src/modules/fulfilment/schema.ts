import { bigserial, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Localized } from '../../platform/i18n.js';
import type { TrackingStatus } from './logic/carriers.js';

/** A parcel handed to a carrier for an order (one per order for now; the table allows more). */
export const shipments = pgTable(
  'fulfilment_shipments',
  {
    id: uuid('id').primaryKey(),
    orderId: uuid('order_id').notNull(),
    carrier: text('carrier').notNull(),
    trackingNumber: text('tracking_number').notNull(),
    warehouseId: uuid('warehouse_id').notNull(),
    shippedAt: timestamp('shipped_at', { withTimezone: true }).notNull(),
    /** Who entered it; null when a system (an integration) shipped it. */
    staffId: uuid('staff_id'),
  },
  (t) => [
    index('fulfilment_shipments_order').on(t.orderId),
    // A waybill number names one parcel: the same number on two orders is a typo (see ADR 0007).
    uniqueIndex('fulfilment_shipments_waybill').on(t.carrier, t.trackingNumber),
  ],
);

/** What the carrier reported about a shipment, in the order it was reported. */
export const trackingEvents = pgTable(
  'fulfilment_tracking_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    shipmentId: uuid('shipment_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    status: text('status').$type<TrackingStatus>().notNull(),
    description: jsonb('description').$type<Localized>().notNull(),
    location: text('location'),
    source: text('source', { enum: ['sandbox', 'carrier', 'staff'] }).notNull(),
  },
  (t) => [index('fulfilment_tracking_events_shipment').on(t.shipmentId, t.at)],
);
