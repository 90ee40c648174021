import { tzOffset } from '@date-fns/tz';
import type { Localized } from '../platform/i18n.js';
import { DEFAULT_CURRENCY } from '../platform/money.js';
import { orderLines, orders, orderTimeline } from '../modules/orders/schema.js';
import { paymentLedger, payments, refunds } from '../modules/payments/schema.js';
import { reservations, stockLedger } from '../modules/inventory/schema.js';
import { scheduledJobs } from '../platform/jobs/schema.js';
import { shipments, trackingEvents } from '../modules/fulfilment/schema.js';
import { afterSaleRefunds } from '../modules/after-sales/schema.js';
import { SANDBOX_STEPS } from '../modules/fulfilment/logic/carriers.js';
import { priceCart, refundableAmounts, type Adjustment, type PriceQuote, type ShippingMethod } from '../modules/pricing/index.js';
import { OrderJobs, transition, type OrderEvent, type OrderState, type ShippingAddress } from '../modules/orders/index.js';
import type { BulkWriter } from './bulk.js';
import { DAY_MS, HOUR_MS, festivalOf, sampleTimes, warehouseOpen, type StoreDay } from './calendar.js';
import { cumulative, pick, pickBuyer, type CustomerPlan } from './customers-plan.js';
import { planLife, type Step } from './order-life.js';
import { addressOf, personOf } from './people.js';
import { Rng } from './random.js';
import { MoveQueue, StockBook, type StockMove } from './stock.js';
import { CARRIERS, ORDER_NOTES } from './vocab/people.js';
import { CHANNEL_NAMES } from './customers-plan.js';

/** A product as the simulator sells it. */
export interface SimProduct {
  id: string;
  title: Localized;
  categoryId: string;
  topSlug: string;
  typeKey: string;
  image: string | null;
  launchAt: number;
  active: boolean;
  popularity: number;
  consumable: boolean;
  variants: number[];
}

export interface SimVariant {
  id: string;
  product: number;
  sku: string;
  optionValues: Record<string, string>;
  price: number;
  listPrice: number | null;
  weightGrams: number;
  popularity: number;
  /** Replenished while short until this instant; afterwards it sells out (a discontinued SKU). */
  restockUntil: number;
  reorderQty: number;
}

export interface SimDeps {
  seed: number;
  asOf: number;
  tz: string;
  days: readonly StoreDay[];
  counts: readonly number[];
  products: readonly SimProduct[];
  variants: readonly SimVariant[];
  customers: CustomerPlan;
  customerIds: readonly string[];
  warehouseId: string;
  shipping: ShippingMethod;
  unpaidTimeoutMs: number;
  autoConfirmMs: number;
  writer: BulkWriter;
  nextId: (at: number) => string;
}

export interface SimStats {
  orders: number;
  byStatus: Record<string, number>;
  skippedLines: number;
  receipts: number;
}

const WINTER = new Set(['mens-down', 'womens-down', 'snow-boots', 'duvet']);
const SUMMER = new Set(['sunscreen', 'run-shorts', 'run-tee', 'water', 'tent', 'camp-chair']);
const REMOTE = new Set(['65', '54', '63', '15', '62', '64']);
const LINE_COUNTS = [0.6, 0.24, 0.1, 0.04, 0.02];

function seasonal(typeKey: string, month: number): number {
  if (WINTER.has(typeKey)) return [2.2, 1.4, 0.8, 0.5, 0.25, 0.25, 0.25, 0.25, 0.6, 1.4, 2.2, 2.2][month - 1];
  if (SUMMER.has(typeKey)) return [0.3, 0.3, 0.6, 0.9, 1.3, 2, 2, 2, 1.3, 0.8, 0.5, 0.3][month - 1];
  return 1;
}

/** Threshold discounts (满减) the shopping festivals ran, as pricing-engine adjustments. */
function festivalDiscount(day: StoreDay, subtotal: number): Adjustment | null {
  const md = day.m * 100 + day.d;
  const rule =
    md >= 601 && md <= 620
      ? { id: `demo-618-${day.y}`, every: 30_000, off: 4_000, zh: '618 每满300减40', en: '618: ¥40 off every ¥300' }
      : md >= 1020 && md <= 1112
        ? { id: `demo-double11-${day.y}`, every: 30_000, off: 5_000, zh: '双11 每满300减50', en: 'Double 11: ¥50 off every ¥300' }
        : md >= 1210 && md <= 1212
          ? { id: `demo-double12-${day.y}`, every: 19_900, off: 2_000, zh: '双12 满199减20', en: 'Double 12: ¥20 off ¥199' }
          : null;
  if (!rule || subtotal < rule.every) return null;
  const times = rule.id.includes('double12') ? 1 : Math.floor(subtotal / rule.every);
  return { id: rule.id, kind: 'thresholdDiscount', label: { 'zh-CN': rule.zh, en: rule.en }, amount: times * rule.off };
}

/**
 * Plays a year of orders into bulk rows: picks buyers and products, prices each cart with the
 * pricing engine, reserves stock, and writes every order's lines, timeline, payments, refunds,
 * stock movements and reservations — the same rows the services write one order at a time.
 */
export class OrderSimulator {
  readonly book: StockBook;
  readonly queue = new MoveQueue();
  readonly sales: Int32Array;
  readonly stats: SimStats = { orders: 0, byStatus: {}, skippedLines: 0, receipts: 0 };
  private readonly root: Rng;
  private seq = 0;
  private readonly dayStarts: Float64Array;

  constructor(private readonly d: SimDeps) {
    this.book = new StockBook(d.variants.length);
    this.sales = new Int32Array(d.products.length);
    this.root = new Rng(d.seed).fork('orders');
    this.dayStarts = Float64Array.from(d.days, (x) => x.start);
  }

  get variantIds(): string[] {
    return this.d.variants.map((v) => v.id);
  }

  get productIds(): string[] {
    return this.d.products.map((p) => p.id);
  }

  /** Opening stock: each variant's first receipt, a little before its product went on sale. */
  openingStock(openingQty: (variant: number) => number): void {
    this.d.variants.forEach((v, i) => {
      const at = this.d.products[v.product].launchAt - 2 * DAY_MS;
      this.queue.push({ at, variant: i, reason: 'receipt', quantity: openingQty(i), orderId: null, note: '期初入库 / opening stock' });
    });
  }

  /** Places day `i`'s orders (and applies every stock movement due before each). */
  async day(i: number): Promise<number> {
    const day = this.d.days[i];
    const n = this.d.counts[i];
    if (n === 0) return 0;
    const rng = this.root.fork('day', day.key);
    const times = sampleTimes(day, n, rng, this.d.asOf);
    const offsetStart = tzOffset(this.d.tz, new Date(day.start));
    const offsetSame = offsetStart === tzOffset(this.d.tz, new Date(day.end - 1));
    const productCum = this.productWeights(day);
    for (const t of times) {
      this.drain(t);
      const offset = offsetSame ? offsetStart : tzOffset(this.d.tz, new Date(t));
      this.placeOrder(t, day, rng, productCum, offset);
      await this.d.writer.flushFull();
    }
    return times.length;
  }

  /** Applies every stock movement up to `until` and writes its ledger row. */
  drain(until: number): void {
    for (let m = this.queue.popUntil(until); m; m = this.queue.popUntil(until)) this.move(m);
  }

  private move(m: StockMove): void {
    const after = this.book.apply(m);
    this.d.writer.add(stockLedger, {
      variantId: this.d.variants[m.variant].id,
      warehouseId: this.d.warehouseId,
      deltaOnHand: after.deltaOnHand,
      deltaReserved: after.deltaReserved,
      onHandAfter: after.onHandAfter,
      reservedAfter: after.reservedAfter,
      reason: m.reason,
      refType: m.orderId ? 'order' : 'adjustment',
      refId: m.orderId,
      note: m.note ?? null,
      staffId: null,
      at: new Date(m.at),
    });
  }

  private productWeights(day: StoreDay): Float64Array {
    const festival = festivalOf(day);
    return cumulative(
      this.d.products.map((p) => {
        if (!p.active || p.launchAt > day.start) return 0;
        let w = p.popularity * seasonal(p.typeKey, day.m);
        if (day.start - p.launchAt < 14 * DAY_MS) w *= 2.5; // 新品首发: a launch draws a crowd
        if ((festival === '618' && p.topSlug === 'electronics') || ((festival === 'double11' || festival === 'goddess') && p.topSlug === 'beauty')) w *= 1.6;
        return w;
      }),
    );
  }

  private shipAt(paidAt: number, rng: Rng): number {
    let at = paidAt + rng.between(3, 30) * HOUR_MS;
    const paidDay = this.dayIndex(paidAt);
    const f = paidDay >= 0 ? festivalOf(this.d.days[paidDay]) : null;
    if (f === '618' || f === 'double11') at += rng.between(0, 48) * HOUR_MS; // festival backlog
    // Closed over the Spring Festival: parcels wait for the first working day.
    for (let i = this.dayIndex(at); i >= 0 && i < this.d.days.length && !warehouseOpen(this.d.days[i]); i++) {
      const next = this.d.days[i + 1];
      if (next && warehouseOpen(next)) at = next.start + rng.between(9, 18) * HOUR_MS;
    }
    return Math.floor(at);
  }

  private dayIndex(at: number): number {
    const starts = this.dayStarts;
    if (at < starts[0] || at >= this.d.days[this.d.days.length - 1].end) return -1;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private placeOrder(t: number, day: StoreDay, rng: Rng, productCum: Float64Array, offsetMin: number): void {
    const d = this.d;
    const buyer = pickBuyer(d.customers, t, rng);
    if (buyer < 0 || productCum[productCum.length - 1] === 0) return;
    const customerId = d.customerIds[buyer];
    const festival = festivalOf(day);
    const wanted = 1 + rng.weighted(festival === '618' || festival === 'double11' ? [0.45, 0.3, 0.14, 0.07, 0.04] : LINE_COUNTS);

    // Lines: distinct products, a variant each, stock reserved (replenished first if it runs low).
    const orderId = d.nextId(t);
    const chosen = new Set<number>();
    const lines: Array<{ id: string; variant: number; quantity: number }> = [];
    for (let tries = 0; lines.length < wanted && tries < wanted * 4; tries++) {
      const p = pick(productCum, rng.next());
      if (chosen.has(p)) continue;
      chosen.add(p);
      const product = d.products[p];
      const variant = product.variants[rng.weighted(product.variants.map((v) => d.variants[v].popularity))];
      const v = d.variants[variant];
      const quantity = v.price >= 100_000 ? 1 : product.consumable ? 1 + rng.weighted([0.45, 0.3, 0.15, 0.1]) : 1 + rng.weighted([0.86, 0.11, 0.03]);
      if (!this.ensureStock(variant, quantity, t)) {
        this.stats.skippedLines++;
        continue;
      }
      lines.push({ id: d.nextId(t), variant, quantity });
    }
    if (lines.length === 0) return;
    for (const l of lines) this.move({ at: t, variant: l.variant, reason: 'reserve', quantity: l.quantity, orderId });

    const person = personOf(d.seed, buyer);
    const address: ShippingAddress = addressOf(d.seed, buyer, 0, person);
    const pricingLines = lines.map((l) => {
      const v = d.variants[l.variant];
      const p = d.products[v.product];
      return {
        lineId: l.id,
        variantId: v.id,
        productId: p.id,
        categoryId: p.categoryId,
        unitPrice: v.price,
        ...(v.listPrice !== null ? { listPrice: v.listPrice } : {}),
        quantity: l.quantity,
        weightGrams: v.weightGrams,
      };
    });
    const subtotal = pricingLines.reduce((n, l) => n + l.unitPrice * l.quantity, 0);
    const discount = festivalDiscount(day, subtotal);
    const quote = priceCart({
      currency: DEFAULT_CURRENCY,
      lines: pricingLines,
      shipping: d.shipping,
      destination: { provinceCode: address.provinceCode },
      ...(discount ? { adjustments: [discount] } : {}),
    });

    const life = planLife(t, lines.length, REMOTE.has(address.provinceCode), rng, {
      unpaidTimeoutMs: d.unpaidTimeoutMs,
      autoConfirmMs: d.autoConfirmMs,
      shipAt: (paidAt, r) => this.shipAt(paidAt, r),
    });
    const channel = rng.chance(0.55) ? CHANNEL_NAMES[d.customers.channel[buyer]] : CHANNEL_NAMES[rng.weighted([40, 10, 8, 5, 5, 15, 15, 2])];
    const note = rng.chance(0.03) ? rng.pick(ORDER_NOTES) : null;
    this.writeOrder({ orderId, customerId, t, day, rng, lines, quote, address, life, channel, note, offsetMin });
  }

  /** Makes sure `quantity` units can be reserved at `t`, receiving a replenishment if needed. */
  private ensureStock(variant: number, quantity: number, t: number): boolean {
    const v = this.d.variants[variant];
    const available = this.book.available(variant);
    const safety = Math.ceil(v.reorderQty / 4);
    if (available - quantity >= safety) return true;
    if (t < v.restockUntil) {
      this.stats.receipts++;
      this.move({ at: t, variant, reason: 'receipt', quantity: v.reorderQty + Math.max(0, quantity - available), orderId: null, note: '补货入库 / replenishment' });
      return true;
    }
    return available >= quantity;
  }

  private writeOrder(o: {
    orderId: string;
    customerId: string;
    t: number;
    day: StoreDay;
    rng: Rng;
    lines: Array<{ id: string; variant: number; quantity: number }>;
    quote: PriceQuote;
    address: ShippingAddress;
    life: ReturnType<typeof planLife>;
    channel: string;
    note: string | null;
    offsetMin: number;
  }): void {
    const d = this.d;
    const { orderId, t, rng, quote, lines } = o;
    const w = d.writer;
    const asOf = d.asOf;
    const orderSeq = this.seq++;
    const number = localStamp(t, o.offsetMin) + String((orderSeq * 7919 + 104_729) % 1_000_000).padStart(6, '0');
    const shopper = { actor: 'shopper' as const, actorId: o.customerId };

    let status: OrderState = 'pending_payment';
    let updatedAt = t;
    let paidAmount = 0;
    let refundedAmount = 0;
    const at: Partial<Record<'paidAt' | 'shippedAt' | 'deliveredAt' | 'completedAt' | 'cancelledAt', Date>> = {};
    let cancelReason: string | null = null;
    const refundedQty = new Map<number, number>();
    const timeline = (when: number, type: string, from: OrderState | null, to: OrderState | null, actor: { actor: 'shopper' | 'staff' | 'system' | 'provider' | 'carrier'; actorId: string | null }, data: Record<string, unknown>) =>
      w.add(orderTimeline, { orderId, at: new Date(when), type, fromStatus: from, toStatus: to, actor: actor.actor, actorId: actor.actorId, data });
    timeline(t, 'placed', null, 'pending_payment', shopper, { total: quote.total });

    // Payment attempts the shopper made (a pending one stays pending if nothing came back).
    const paid = o.life.steps.find((s) => s.kind === 'pay' && s.at <= asOf);
    let paymentId: string | null = null;
    let failedPaymentId: string | null = null;
    if (o.life.failedAttemptAt !== null && o.life.failedAttemptAt <= asOf) {
      failedPaymentId = d.nextId(o.life.failedAttemptAt);
      const started = Math.max(t, o.life.failedAttemptAt - 15_000);
      w.add(payments, paymentRow(failedPaymentId, orderId, rng, quote.total, 'failed', started, o.life.failedAttemptAt, 'payment_declined'));
    }
    if (o.life.paymentStartedAt !== null && o.life.paymentStartedAt <= asOf) {
      paymentId = d.nextId(o.life.paymentStartedAt);
      // An attempt the shopper abandoned ends when its order is cancelled (as PaymentService.expirePending does).
      const cancelled = paid ? undefined : o.life.steps.find((st) => st.kind === 'cancel' && st.at <= asOf);
      const attemptStatus = paid ? 'succeeded' : cancelled ? 'expired' : 'pending';
      w.add(payments, paymentRow(paymentId, orderId, rng, quote.total, attemptStatus, o.life.paymentStartedAt, paid ? paid.at : (cancelled?.at ?? null), cancelled ? 'order_cancelled' : null));
    }

    for (const step of o.life.steps) {
      if (step.at > asOf) break;
      if (step.kind === 'paymentFailed') {
        // A note, not a state change: the shopper tries again.
        timeline(step.at, 'payment_failed', null, null, { actor: 'provider', actorId: 'sandbox' }, { paymentId: failedPaymentId, reason: 'payment_declined', providerMessage: 'declined by the sandbox' });
        continue;
      }
      const event = eventOf(step, paidAmount, refundedAmount, quote, lines);
      const result = transition(status, event.event);
      if (!result.ok) continue; // e.g. a confirmation planned after a refund that came first
      const from = status;
      status = result.to;
      updatedAt = step.at;
      switch (step.kind) {
        case 'pay': {
          paidAmount = quote.total;
          at.paidAt = new Date(step.at);
          // The provider event the capture came from (its id only: the replay guard in
          // payment_webhook_events matters for live callbacks, and these ones are history).
          const eventId = `evt_${d.nextId(step.at)}`;
          w.add(paymentLedger, { orderId, paymentId: paymentId!, refundId: null, kind: 'capture', amount: quote.total, currency: quote.currency, data: { eventId }, at: new Date(step.at) });
          timeline(step.at, 'pay', from, status, { actor: 'provider', actorId: 'sandbox' }, { amount: quote.total });
          for (const l of lines) {
            this.queue.push({ at: step.at, variant: l.variant, reason: 'commit', quantity: l.quantity, orderId });
            this.sales[d.variants[l.variant].product] += l.quantity;
          }
          break;
        }
        case 'cancel': {
          at.cancelledAt = new Date(step.at);
          cancelReason = step.by === 'timeout' ? 'unpaid_timeout' : 'shopper_cancelled';
          timeline(step.at, 'cancel', from, status, step.by === 'timeout' ? { actor: 'system', actorId: null } : shopper, { reason: cancelReason });
          if (paymentId) timeline(step.at, 'payment_expired', null, null, { actor: 'system', actorId: null }, { paymentId, reason: 'order_cancelled' });
          for (const l of lines) this.queue.push({ at: step.at, variant: l.variant, reason: 'release', quantity: l.quantity, orderId });
          break;
        }
        case 'ship': {
          at.shippedAt = new Date(step.at);
          const [carrier, prefix] = CARRIERS[rng.weighted(CARRIERS.map((c) => c[2]))];
          // The order's sequence makes the waybill unique (carrier + number is a unique key) at any scale.
          const trackingNumber = prefix + String(orderSeq).padStart(8, '0') + String(rng.int(1000, 9999));
          timeline(step.at, 'ship', from, status, { actor: 'staff', actorId: null }, { carrier, trackingNumber });
          this.writeShipment(orderId, carrier, trackingNumber, step.at, o.life.steps.find((x) => x.kind === 'deliver')?.at ?? null, o.address.regionText);
          break;
        }
        case 'deliver':
          at.deliveredAt = new Date(step.at);
          timeline(step.at, 'deliver', from, status, { actor: 'carrier', actorId: null }, {});
          break;
        case 'confirm':
          at.completedAt = new Date(step.at);
          timeline(step.at, 'confirmReceipt', from, status, step.by === 'shopper' ? shopper : { actor: 'system', actorId: null }, {});
          break;
        case 'refund': {
          const amount = event.amount;
          const refunded = step.full ? lines.map((l, i) => ({ i, quantity: l.quantity })) : [{ i: step.line, quantity: lines[step.line].quantity }];
          const refundId = d.nextId(step.at);
          refundedAmount += amount;
          w.add(refunds, { id: refundId, orderId, paymentId: paymentId!, amount, reason: step.reason, status: 'succeeded', providerRefundId: `sbx_rf_${refundId.replace(/-/g, '')}`, createdAt: new Date(step.at) });
          w.add(paymentLedger, { orderId, paymentId: paymentId!, refundId, kind: 'refund', amount: -amount, currency: quote.currency, data: { reason: step.reason }, at: new Date(step.at) });
          const refundLines = refunded.map((r) => ({ lineId: lines[r.i].id, quantity: r.quantity }));
          // The after-sales record staff see in the refunds queue: requested and executed at once, as finance does.
          const open = refunded.map((r) => ({ lineId: lines[r.i].id, quantity: r.quantity - (refundedQty.get(r.i) ?? 0), alreadyRefundedQuantity: refundedQty.get(r.i) ?? 0 })).filter((r) => r.quantity > 0);
          const shares = refundableAmounts(quote, open).lines;
          const itemsAmount = Math.min(amount, shares.reduce((n, l) => n + l.amount, 0));
          w.add(afterSaleRefunds, {
            id: refundId, orderId, orderNumber: number, wholeOrder: step.full, lines: shares.map((l) => ({ lineId: l.lineId, quantity: l.quantity, amount: l.amount })),
            itemsAmount, shippingAmount: amount - itemsAmount, amount, requestedAmount: null, currency: quote.currency, reason: step.reason, status: 'executed', restock: true,
            requestedBy: DEMO_STAFF_ID, decidedBy: DEMO_STAFF_ID, decisionNote: null, createdAt: new Date(step.at), decidedAt: new Date(step.at), executedAt: new Date(step.at), updatedAt: new Date(step.at),
          });
          timeline(step.at, event.event.type, from, status, { actor: 'staff', actorId: null }, { amount, lines: refundLines, reason: step.reason });
          for (const r of refunded) {
            refundedQty.set(r.i, (refundedQty.get(r.i) ?? 0) + r.quantity);
            this.queue.push({ at: step.at, variant: lines[r.i].variant, reason: 'restock', quantity: r.quantity, orderId });
            this.sales[d.variants[lines[r.i].variant].product] -= r.quantity;
          }
          break;
        }
      }
    }

    const shippingMethod = d.shipping;
    w.add(orders, {
      id: orderId,
      number,
      customerId: o.customerId,
      status,
      currency: quote.currency,
      subtotal: quote.subtotal,
      discountTotal: quote.discountTotal,
      shippingFee: quote.shippingFee,
      shippingDiscount: quote.shippingDiscount,
      total: quote.total,
      paidAmount,
      refundedAmount,
      itemCount: quote.lines.reduce((n, l) => n + l.quantity, 0),
      shippingMethodId: shippingMethod.id,
      shippingMethodName: shippingMethod.name,
      shippingAddress: o.address,
      quote,
      note: o.note,
      channel: o.channel,
      placedAt: new Date(t),
      paymentDueAt: new Date(t + d.unpaidTimeoutMs),
      paidAt: at.paidAt ?? null,
      shippedAt: at.shippedAt ?? null,
      deliveredAt: at.deliveredAt ?? null,
      completedAt: at.completedAt ?? null,
      cancelledAt: at.cancelledAt ?? null,
      cancelReason,
      updatedAt: new Date(updatedAt),
    });
    quote.lines.forEach((ql, i) => {
      const v = d.variants[lines[i].variant];
      const p = d.products[v.product];
      w.add(orderLines, {
        id: ql.lineId,
        orderId,
        variantId: v.id,
        productId: p.id,
        sku: v.sku,
        title: p.title,
        optionValues: v.optionValues,
        image: p.image,
        unitPrice: ql.unitPrice,
        quantity: ql.quantity,
        subtotal: ql.subtotal,
        discountTotal: ql.discountTotal,
        total: ql.total,
        refundedQuantity: refundedQty.get(i) ?? 0,
        weightGrams: v.weightGrams,
      });
      w.add(reservations, {
        id: d.nextId(t),
        orderId,
        variantId: v.id,
        warehouseId: d.warehouseId,
        quantity: ql.quantity,
        restocked: refundedQty.get(i) ?? 0,
        status: at.paidAt ? 'committed' : at.cancelledAt ? 'released' : 'held',
        createdAt: new Date(t),
      });
    });

    // The jobs the services would have scheduled and that have not run yet.
    if (status === 'pending_payment') this.job(OrderJobs.unpaidTimeout, `unpaid:${orderId}`, orderId, t + d.unpaidTimeoutMs);
    if (at.shippedAt && !at.completedAt && status !== 'refunded') this.job(OrderJobs.autoConfirm, `autoconfirm:${orderId}`, orderId, at.shippedAt.getTime() + d.autoConfirmMs);

    this.stats.orders++;
    this.stats.byStatus[status] = (this.stats.byStatus[status] ?? 0) + 1;
  }

  /**
   * The parcel and what the carrier reported, as the fulfilment module records them: picked up,
   * in transit and out for delivery on the sandbox carrier's schedule (kept before the delivery),
   * then delivered when the order was — only what had happened by the end of the history.
   */
  private writeShipment(orderId: string, carrier: string, trackingNumber: string, shippedAt: number, deliveredAt: number | null, destination: string): void {
    const w = this.d.writer;
    const shipmentId = this.d.nextId(shippedAt);
    w.add(shipments, { id: shipmentId, orderId, carrier, trackingNumber, warehouseId: this.d.warehouseId, shippedAt: new Date(shippedAt), staffId: null });
    const place = { origin: '主仓', destination };
    let last = shippedAt;
    for (const step of SANDBOX_STEPS) {
      let when = step.status === 'delivered' ? deliveredAt : shippedAt + step.afterMs;
      if (when === null) continue;
      if (deliveredAt !== null && step.status !== 'delivered') when = Math.min(when, deliveredAt - (4 - SANDBOX_STEPS.indexOf(step)) * 3_600_000);
      when = Math.max(when, last + 60_000);
      if (when > this.d.asOf) break;
      last = when;
      w.add(trackingEvents, { shipmentId, at: new Date(when), status: step.status, description: step.description(place), location: step.location(place), source: 'sandbox' });
    }
  }

  private job(name: string, key: string, orderId: string, runAt: number): void {
    this.d.writer.add(scheduledJobs, {
      id: this.d.nextId(runAt),
      name,
      key,
      payload: { orderId },
      runAt: new Date(runAt),
      status: 'pending',
      attempts: 0,
      lastError: null,
      finishedAt: null,
    });
  }
}

function paymentRow(id: string, orderId: string, rng: Rng, amount: number, status: 'pending' | 'succeeded' | 'failed' | 'expired', createdAt: number, completedAt: number | null, failureReason: string | null) {
  return {
    id,
    orderId,
    provider: 'sandbox',
    method: rng.pick(['alipay', 'alipay', 'alipay', 'wechat', 'wechat', 'card']),
    amount,
    currency: DEFAULT_CURRENCY,
    status,
    providerRef: `sbx_${id.replace(/-/g, '')}`,
    failureReason,
    createdAt: new Date(createdAt),
    completedAt: completedAt === null ? null : new Date(completedAt),
  };
}

/** The state-machine event a planned step is, with the refund amount where there is one. */
/** Staff actions in the generated history are recorded as this (nil) staff id: no account did them. */
const DEMO_STAFF_ID = '00000000-0000-0000-0000-000000000000';

function eventOf(
  step: Exclude<Step, { kind: 'paymentFailed' }>,
  paidAmount: number,
  refundedBefore: number,
  quote: PriceQuote,
  lines: ReadonlyArray<{ id: string; quantity: number }>,
): { event: OrderEvent; amount: number } {
  switch (step.kind) {
    case 'pay':
      return { event: { type: 'pay' }, amount: 0 };
    case 'cancel':
      return { event: { type: 'cancel', by: step.by }, amount: 0 };
    case 'ship':
      return { event: { type: 'ship' }, amount: 0 };
    case 'deliver':
      return { event: { type: 'deliver' }, amount: 0 };
    case 'confirm':
      return { event: { type: 'confirmReceipt', by: step.by }, amount: 0 };
    case 'refund': {
      if (step.full) {
        const amount = paidAmount - refundedBefore;
        return refundedBefore === 0 ? { event: { type: 'refund' }, amount } : { event: { type: 'partialRefund', amount, refundedBefore, paidAmount }, amount };
      }
      const amount = refundableAmounts(quote, [{ lineId: lines[step.line].id, quantity: lines[step.line].quantity }]).total;
      return { event: { type: 'partialRefund', amount, refundedBefore, paidAmount }, amount };
    }
  }
}

/** YYYYMMDDhhmmss in the store's time zone (offset in minutes). */
function localStamp(t: number, offsetMin: number): string {
  const x = new Date(t + offsetMin * 60_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${x.getUTCFullYear()}${p(x.getUTCMonth() + 1)}${p(x.getUTCDate())}${p(x.getUTCHours())}${p(x.getUTCMinutes())}${p(x.getUTCSeconds())}`;
}
