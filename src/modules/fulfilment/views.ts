import { z } from 'zod';
import { CARRIERS, TRACKING_STATUSES } from './logic/carriers.js';
import type { shipments, trackingEvents } from './schema.js';

import { localizedView as localized } from '../../platform/http/view-fields.js';

export const carrierView = z.object({ code: z.string(), name: localized });

export const trackingEventView = z.object({
  at: z.string(),
  status: z.enum(TRACKING_STATUSES),
  description: localized,
  location: z.string().nullable(),
});

/** What the shopper sees of a shipment. */
export const shipmentView = z.object({
  id: z.string(),
  carrier: carrierView,
  trackingNumber: z.string(),
  shippedAt: z.string(),
  /** The latest scan's status; null before the first scan. */
  status: z.enum(TRACKING_STATUSES).nullable(),
  events: z.array(trackingEventView).describe('Newest first'),
});

/** What staff see: also where it left from and who shipped it. */
export const adminShipmentView = shipmentView.extend({ orderId: z.string(), warehouseId: z.string(), staffId: z.string().nullable() });

export const orderTrackingView = z.object({
  orderId: z.string(),
  number: z.string(),
  status: z.string(),
  shipments: z.array(shipmentView),
});

const bulkShipRow = z.object({
  row: z.number().int().describe('Spreadsheet row (the header is row 1)'),
  orderNumber: z.string(),
  carrier: z.string(),
  trackingNumber: z.string(),
  result: z.enum(['shipped', 'skipped']),
  code: z.string().nullable().describe('Why the row was skipped (a problem code)'),
  reason: z.string().nullable(),
  shipmentId: z.string().nullable(),
});

/** The answer to a CSV bulk ship: every row reported, shipped or skipped. */
export const bulkShipResult = z.object({ shipped: z.number().int(), skipped: z.number().int(), rows: z.array(bulkShipRow) });

// Row types from the tables, not service.ts: importing that pulls route files into the web apps' type check.
type WithEvents = typeof shipments.$inferSelect & { events: Array<typeof trackingEvents.$inferSelect> };

const carrierOf = (code: string) => {
  const c = CARRIERS.find((x) => x.code === code);
  return { code, name: c?.name ?? { 'zh-CN': code, en: code } };
};

export function toShipment(s: WithEvents): z.infer<typeof shipmentView> {
  return {
    id: s.id,
    carrier: carrierOf(s.carrier),
    trackingNumber: s.trackingNumber,
    shippedAt: s.shippedAt.toISOString(),
    status: s.events[0]?.status ?? null,
    events: s.events.map((e) => ({ at: e.at.toISOString(), status: e.status, description: e.description, location: e.location })),
  };
}

export function toAdminShipment(s: WithEvents): z.infer<typeof adminShipmentView> {
  return { ...toShipment(s), orderId: s.orderId, warehouseId: s.warehouseId, staffId: s.staffId };
}
