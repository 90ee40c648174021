import { z } from 'zod';
import { localizedView as localized } from '../../platform/http/view-fields.js';
// Other modules' pure view files, not their index: a views file must not pull in services or routes.
import { adminShipmentView } from '../fulfilment/views.js';
import { refundView } from '../after-sales/views.js';
import type { orderLines, orders } from './schema.js';

// Row types from the tables, not service.ts: importing that pulls route files into the web apps' type check.
type OrderRow = typeof orders.$inferSelect;
type OrderLineRow = typeof orderLines.$inferSelect;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A shipping address typed at checkout (input). */
export const addressSchema = z.object({
  recipient: z.string().min(1).max(50),
  mobile: z.string().regex(/^1[3-9]\d{9}$/, 'a mainland China mobile number'),
  provinceCode: z.string().regex(/^\d{2}$/),
  cityCode: z.string().regex(/^\d{4}$/),
  districtCode: z.string().regex(/^\d{6}$/),
  regionText: z.string().max(100).default(''),
  detail: z.string().min(1).max(200),
  postalCode: z.string().regex(/^\d{6}$/).nullable().optional(),
});

/** The address as stored on the order (what checkout accepted, or a saved address): no limits of its own. */
const shippingAddressView = z.object({
  recipient: z.string(),
  mobile: z.string(),
  provinceCode: z.string(),
  cityCode: z.string(),
  districtCode: z.string(),
  regionText: z.string(),
  detail: z.string(),
  postalCode: z.string().nullable().optional(),
});

const orderLineView = z.object({
  id: z.string(),
  variantId: z.string(),
  productId: z.string(),
  sku: z.string(),
  title: localized,
  optionValues: z.record(z.string(), z.string()),
  image: z.string().nullable(),
  unitPrice: z.number().int(),
  quantity: z.number().int(),
  subtotal: z.number().int(),
  discountTotal: z.number().int(),
  total: z.number().int(),
  refundedQuantity: z.number().int(),
});

export const orderSummaryView = z.object({
  id: z.string(),
  number: z.string(),
  status: z.string(),
  currency: z.string(),
  total: z.number().int(),
  itemCount: z.number().int(),
  placedAt: z.string(),
  paymentDueAt: z.string(),
  firstLine: z.object({ title: localized, image: z.string().nullable() }).nullable(),
});

export const orderDetailView = orderSummaryView.extend({
  customerId: z.string(),
  subtotal: z.number().int(),
  discountTotal: z.number().int(),
  shippingFee: z.number().int(),
  shippingDiscount: z.number().int(),
  paidAmount: z.number().int(),
  refundedAmount: z.number().int(),
  shippingMethodName: localized.nullable(),
  shippingAddress: shippingAddressView,
  note: z.string().nullable(),
  paidAt: z.string().nullable(),
  shippedAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  shippingHold: z.string().nullable().describe('Why the order may not ship yet (groupBuy: its team is still forming)'),
  lines: z.array(orderLineView),
  timeline: z.array(
    z.object({ at: z.string(), type: z.string(), fromStatus: z.string().nullable(), toStatus: z.string().nullable(), actor: z.string(), data: z.record(z.string(), z.unknown()) }),
  ),
});

/** Staff see more of each order in the list. */
/** An order as its shopper reads it: the recipient's mobile masked (138****5678; docs/decisions/0019). */
export const shopperOrderDetailView = orderDetailView.extend({
  shippingAddress: shippingAddressView.extend({ mobile: z.string().describe('Masked: 138****5678') }),
});

export const adminOrderSummaryView = orderSummaryView.extend({
  customerId: z.string(),
  paidAmount: z.number().int(),
  refundedAmount: z.number().int(),
  paidAt: z.string().nullable(),
  shippedAt: z.string().nullable(),
  recipient: z.string(),
  mobile: z.string(),
  channel: z.string().nullable(),
});

/** A payment as staff see it on the order's page (every attempt, failed ones too). */
export const orderPaymentView = z.object({
  id: z.string(), provider: z.string(), method: z.string(), amount: z.number().int(), currency: z.string(),
  status: z.string(), failureReason: z.string().nullable(), createdAt: z.string(), completedAt: z.string().nullable(),
});

const localizedOrNull = localized.nullable();
/** An order line for staff: its option codes named as the product names them (null: the code is no longer known). */
export const adminOrderLineView = orderLineView.extend({
  options: z.array(z.object({ code: z.string(), value: z.string(), name: localizedOrNull, valueName: localizedOrNull })),
});

/** One order for staff: the shopper's view plus what the other modules add to it. */
export const adminOrderDetailView = orderDetailView.extend({
  lines: z.array(adminOrderLineView),
  channel: z.string().nullable(),
  utm: z.record(z.string(), z.string()).nullable().describe('UTM parameters of the visit that placed the order (last touch): source, medium, campaign, term, content'),
  allowedEvents: z.array(z.string()).describe('Events the order state accepts now (the buttons the console may show)'),
  payments: z.array(orderPaymentView),
  shipments: z.array(adminShipmentView),
  refunds: z.array(refundView),
});

export function toOrderSummary(o: OrderRow, first?: Pick<OrderLineRow, 'title' | 'image'>) {
  return {
    id: o.id,
    number: o.number,
    status: o.status,
    currency: o.currency,
    total: o.total,
    itemCount: o.itemCount,
    placedAt: o.placedAt.toISOString(),
    paymentDueAt: o.paymentDueAt.toISOString(),
    firstLine: first ? { title: first.title, image: first.image } : null,
  };
}

export function toOrderDetail(
  o: OrderRow,
  lines: OrderLineRow[],
  timeline: Array<{ at: Date; type: string; fromStatus: string | null; toStatus: string | null; actor: string; data: Record<string, unknown> }>,
) {
  return {
    ...toOrderSummary(o, lines[0]),
    customerId: o.customerId,
    subtotal: o.subtotal,
    discountTotal: o.discountTotal,
    shippingFee: o.shippingFee,
    shippingDiscount: o.shippingDiscount,
    paidAmount: o.paidAmount,
    refundedAmount: o.refundedAmount,
    shippingMethodName: o.shippingMethodName,
    shippingAddress: { ...o.shippingAddress, regionText: o.shippingAddress.regionText ?? '' },
    note: o.note,
    paidAt: iso(o.paidAt),
    shippedAt: iso(o.shippedAt),
    deliveredAt: iso(o.deliveredAt),
    completedAt: iso(o.completedAt),
    cancelledAt: iso(o.cancelledAt),
    cancelReason: o.cancelReason,
    shippingHold: o.shippingHold,
    lines: lines.map((l) => ({
      id: l.id,
      variantId: l.variantId,
      productId: l.productId,
      sku: l.sku,
      title: l.title,
      optionValues: l.optionValues,
      image: l.image,
      unitPrice: l.unitPrice,
      quantity: l.quantity,
      subtotal: l.subtotal,
      discountTotal: l.discountTotal,
      total: l.total,
      refundedQuantity: l.refundedQuantity,
    })),
    timeline: timeline.map((t) => ({ at: t.at.toISOString(), type: t.type, fromStatus: t.fromStatus, toStatus: t.toStatus, actor: t.actor, data: t.data })),
  };
}
