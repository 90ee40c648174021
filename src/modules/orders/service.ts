import { and, desc, eq, gte, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Utm } from '../../platform/attribution.js';
import type { Kernel } from '../../platform/kernel.js';
import { AppError } from '../../platform/errors.js';
import { isUuid, newId } from '../../platform/ids.js';
import { DAY, MINUTE } from '../../platform/clock.js';
import { listCursor, timeAndId, toPage } from '../../platform/http/pagination.js';
import type { InventoryService } from '../inventory/index.js';
import type { PriceQuote } from '../pricing/index.js';
import { orderLines, orders, orderTimeline, type ShippingAddress } from './schema.js';
import { OrderErrors } from './errors.js';
import { OrderEvents, OrderJobs, type OrderEventPayload } from './events.js';
import type { EventType } from '../../platform/outbox/events.js';
import { transition, type OrderEvent, type OrderState } from './logic/state-machine.js';
import { countTabs, factsInTab, ORDER_PROGRESS, type OrderProgress, type OrderTab, type OrderTabFacts } from './logic/tabs.js';
import { OrderNumberAllocator } from './numbers.js';
import { customerTotals, paidTotals, paidTotalsByDay, refundTotals } from './stats.js';

/** The list's cursor: its sort key, signed (platform/http/pagination.ts). */
const orderCursor = listCursor('orders', timeAndId);

export type OrderRow = typeof orders.$inferSelect;
export type OrderLineRow = typeof orderLines.$inferSelect;
export type OrderTimelineRow = typeof orderTimeline.$inferSelect;

/** An order as checkout wrote it: what its answer shows, without reading it back. */
export interface PlacedOrder {
  order: OrderRow;
  lines: OrderLineRow[];
  timeline: OrderTimelineRow[];
}
type Actor = { actor: 'shopper' | 'staff' | 'system' | 'provider' | 'carrier'; actorId?: string | null };
/** What staff read when an order on hold is refused shipping. */
const HOLD_TEXT: Record<string, { en: string; zh: string }> = { groupBuy: { en: 'its group-buy team is still forming', zh: '拼团尚未成团' } };

export interface NewOrder {
  customerId: string;
  currency: string;
  quote: PriceQuote;
  shippingMethod: { id: string; name: { 'zh-CN': string; en: string } } | null;
  shippingAddress: ShippingAddress;
  note?: string | null;
  channel?: string | null;
  utm?: Utm | null;
  lines: Array<{
    lineId: string;
    variantId: string;
    productId: string;
    sku: string;
    title: { 'zh-CN': string; en: string };
    optionValues: Record<string, string>;
    image: string | null;
    weightGrams: number;
  }>;
}

export interface OrderFilter {
  status?: OrderState[];
  /** A tab of the shopper's order list (logic/tabs.ts). */
  tab?: OrderTab;
  customerId?: string;
  q?: string;
  from?: Date;
  to?: Date;
  limit: number;
  cursor?: string;
}

/**
 * Orders and their state. Every transition goes through the pure state machine with the order
 * row locked, writes a timeline entry and emits a domain event in the same transaction.
 */
export class OrderService {
  /** This process's order numbers; `numbers.warm()` leases its worker when the server starts. */
  readonly numbers: OrderNumberAllocator;

  constructor(
    private readonly k: Kernel,
    private readonly inventory: InventoryService,
  ) {
    this.numbers = new OrderNumberAllocator(k.db, () => k.timezone.get());
  }

  private get q() {
    return this.k.db.q;
  }

  /** Writes a new order (inside checkout's transaction). */
  async create(input: NewOrder, orderId = newId()): Promise<OrderRow> {
    return (await this.place(input, orderId)).order;
  }

  /**
   * Writes a new order and returns it as written — row, lines and timeline — so the answer needs
   * no second read (inside checkout's transaction; checkout reserves the stock after it).
   */
  async place(input: NewOrder, orderId = newId()): Promise<PlacedOrder> {
    const now = this.k.clock.now();
    // Taken with the clock read, before any await: a process's numbers follow its placement times.
    let number = this.numbers.next(now);
    void number.catch(() => {}); // awaited below; not an unhandled rejection if settings fail first
    const timeoutMinutes = (await this.k.settings.get<number>('orders.unpaidTimeoutMinutes')) ?? this.k.config.unpaidTimeoutMinutes;
    const dueAt = new Date(now.getTime() + timeoutMinutes * MINUTE);
    const qByLine = new Map(input.quote.lines.map((l) => [l.lineId, l]));
    const row = {
      id: orderId,
      customerId: input.customerId,
      status: 'pending_payment' as const,
      currency: input.currency,
      subtotal: input.quote.subtotal,
      discountTotal: input.quote.discountTotal,
      shippingFee: input.quote.shippingFee,
      shippingDiscount: input.quote.shippingDiscount,
      total: input.quote.total,
      itemCount: input.quote.lines.reduce((n, l) => n + l.quantity, 0),
      shippingMethodId: input.shippingMethod?.id ?? null,
      shippingMethodName: input.shippingMethod?.name ?? null,
      shippingAddress: input.shippingAddress,
      quote: input.quote,
      note: input.note ?? null,
      channel: input.channel ?? null,
      utm: input.utm ?? null,
      placedAt: now,
      paymentDueAt: dueAt,
      updatedAt: now,
    };
    let order: OrderRow | undefined = undefined;
    // The allocator cannot repeat a number; a number found taken anyway (a worker number reused
    // while its earlier holder still ran, a demo order in the same second) costs a new worker and
    // one more insert, not the order. ON CONFLICT keeps the transaction usable without a savepoint.
    for (let attempt = 0; ; attempt++) {
      const n = await number;
      // Only the id comes back: the row is what was written (wide JSON columns are not read back).
      const [hit] = await this.q.insert(orders).values({ ...row, number: n }).onConflictDoNothing({ target: orders.number }).returning({ id: orders.id });
      if (hit) {
        order = { ...row, number: n, paidAmount: 0, refundedAmount: 0, paidAt: null, shippedAt: null, deliveredAt: null, completedAt: null, cancelledAt: null, cancelReason: null, shippingHold: null };
        break;
      }
      if (attempt >= 3) throw new Error(`order number ${n} and three after it were taken`);
      this.k.log.warn({ number: n }, 'order number already taken; leasing a new worker number');
      this.numbers.taken(n);
      number = this.numbers.next(now);
    }
    const lines: OrderLineRow[] = input.lines.map((l) => {
      const ql = qByLine.get(l.lineId)!;
        return {
          id: l.lineId,
          orderId,
          variantId: l.variantId,
          productId: l.productId,
          sku: l.sku,
          title: l.title,
          optionValues: l.optionValues,
          image: l.image,
          unitPrice: ql.unitPrice,
          quantity: ql.quantity,
          subtotal: ql.subtotal,
          discountTotal: ql.discountTotal,
          total: ql.total,
          weightGrams: l.weightGrams,
          refundedQuantity: 0,
        };
      });
    await this.q.insert(orderLines).values(lines);
    lines.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)); // as linesOf() lists them
    const placed = await this.timeline(orderId, 'placed', null, 'pending_payment', { actor: 'shopper', actorId: input.customerId }, { total: order.total });
    await this.k.jobs.schedule(OrderJobs.unpaidTimeout, { orderId }, dueAt, `unpaid:${orderId}`);
    await this.emit(OrderEvents.placed, order, lines);
    return { order, lines, timeline: [placed] };
  }

  async get(orderId: string): Promise<OrderRow> {
    const [row] = await this.q.select().from(orders).where(eq(orders.id, orderId));
    if (!row) throw new AppError(OrderErrors.ORDER_NOT_FOUND, { id: orderId });
    return row;
  }

  /** The shopper's own order, by id or number; another shopper's is "not found". */
  async getForCustomer(idOrNumber: string, customerId: string): Promise<OrderRow> {
    const byId = isUuid(idOrNumber);
    const [row] = await this.q
      .select()
      .from(orders)
      .where(and(byId ? eq(orders.id, idOrNumber) : eq(orders.number, idOrNumber), eq(orders.customerId, customerId)));
    if (!row) throw new AppError(OrderErrors.ORDER_NOT_FOUND, { id: idOrNumber });
    return row;
  }

  /** What starting a payment needs of the shopper's own order (a narrow read: no JSON columns). */
  async paymentTerms(idOrNumber: string, customerId: string) {
    const byId = isUuid(idOrNumber);
    const [row] = await this.q
      .select({ id: orders.id, number: orders.number, status: orders.status, total: orders.total, currency: orders.currency, paymentDueAt: orders.paymentDueAt })
      .from(orders)
      .where(and(byId ? eq(orders.id, idOrNumber) : eq(orders.number, idOrNumber), eq(orders.customerId, customerId)));
    if (!row) throw new AppError(OrderErrors.ORDER_NOT_FOUND, { id: idOrNumber });
    return row;
  }

  /** Any order by id or number, for staff (the console uses ids, spreadsheets use numbers). */
  async getByRef(idOrNumber: string): Promise<OrderRow> {
    const byId = isUuid(idOrNumber);
    const [row] = await this.q.select().from(orders).where(byId ? eq(orders.id, idOrNumber) : eq(orders.number, idOrNumber));
    if (!row) throw new AppError(OrderErrors.ORDER_NOT_FOUND, { id: idOrNumber });
    return row;
  }

  linesOf(orderId: string): Promise<OrderLineRow[]> {
    return this.q.select().from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(orderLines.id);
  }

  /** The first line (title, image) of each of some orders, in one query: for the staff list. */
  async firstLines(orderIds: string[]): Promise<Map<string, Pick<OrderLineRow, 'title' | 'image'>>> {
    if (orderIds.length === 0) return new Map();
    const rows = await this.q
      .selectDistinctOn([orderLines.orderId], { orderId: orderLines.orderId, title: orderLines.title, image: orderLines.image })
      .from(orderLines)
      .where(inArray(orderLines.orderId, orderIds))
      .orderBy(orderLines.orderId, orderLines.id);
    return new Map(rows.map((r) => [r.orderId, { title: r.title, image: r.image }]));
  }

  timelineOf(orderId: string) {
    return this.q.select().from(orderTimeline).where(eq(orderTimeline.orderId, orderId)).orderBy(orderTimeline.id);
  }

  /** Newest first, keyset-paginated; for the shopper's list and the admin list. */
  async list(f: OrderFilter) {
    const where: SQL[] = [];
    if (f.customerId) where.push(eq(orders.customerId, f.customerId));
    if (f.status?.length) where.push(inArray(orders.status, f.status));
    if (f.tab && f.tab !== 'all') where.push(inTab(f.tab));
    if (f.from) where.push(gte(orders.placedAt, f.from));
    if (f.to) where.push(lt(orders.placedAt, f.to));
    if (f.q) where.push(or(eq(orders.number, f.q), sql`${orders.shippingAddress}->>'mobile' = ${f.q}`)!);
    const after = orderCursor.decode(this.k.secrets.session, f.cursor);
    if (after) {
      const [at, id] = after;
      where.push(or(lt(orders.placedAt, at), and(eq(orders.placedAt, at), lt(orders.id, id)))!);
    }
    const rows = await this.q
      .select()
      .from(orders)
      .where(and(...where))
      .orderBy(desc(orders.placedAt), desc(orders.id))
      .limit(f.limit + 1);
    return toPage(rows, f.limit, (r) => orderCursor.encode(this.k.secrets.session, [r.placedAt.toISOString(), r.id]), (r) => r);
  }

  /** How many of the customer's orders each tab of their order list shows (the same grouping as list({tab})). */
  async tabCounts(customerId: string): Promise<Record<OrderTab, number>> {
    const progress = progressOf();
    const rows = await this.q
      .select({ status: orders.status, refunded: sql<boolean>`${orders.refundedAmount} > 0`, progress, count: sql<number>`count(*)::int` })
      .from(orders)
      .where(eq(orders.customerId, customerId))
      .groupBy(orders.status, sql`2`, sql`3`);
    return countTabs(
      rows.map((r) => ({ status: r.status, refunded: r.refunded === true, progress: (ORDER_PROGRESS as readonly string[]).includes(r.progress) ? (r.progress as OrderProgress) : 'none', count: Number(r.count) })),
    );
  }

  // ── transitions ─────────────────────────────────────────────────────────

  /**
   * The payment for an order succeeded. Returns 'applied', or 'late' when the order can no longer
   * take it (timed out or cancelled meanwhile) — the caller refunds the money.
   */
  async markPaid(orderId: string, amount: number, by: Actor): Promise<'applied' | 'late'> {
    // The state machine's pay transition as the update's condition: one statement locks, checks
    // and moves the order; no row means it no longer waits for payment.
    const pay = transition('pending_payment', { type: 'pay' });
    if (!pay.ok) throw new Error('the state machine no longer lets pending_payment be paid');
    const now = this.k.clock.now();
    const [updated] = await this.q
      .update(orders)
      .set({ status: pay.to, paidAmount: amount, paidAt: now, updatedAt: now })
      .where(and(eq(orders.id, orderId), eq(orders.status, 'pending_payment')))
      .returning();
    if (!updated) return 'late';
    await this.timeline(orderId, 'pay', 'pending_payment', pay.to, by, { amount });
    await this.inventory.commit(orderId);
    // The unpaid-timeout job is left to run: it re-checks the order and does nothing (a statement saved here).
    await this.emitPaid(updated, await this.linesOf(orderId));
    return 'applied';
  }

  /** Cancels an unpaid order (shopper, staff or timeout) and releases its stock. */
  async cancel(orderId: string, by: Actor & { by: 'shopper' | 'staff' | 'timeout' }, reason: string): Promise<OrderRow> {
    const order = await this.lock(orderId);
    const updated = await this.move(order, { type: 'cancel', by: by.by }, by, { cancelledAt: this.k.clock.now(), cancelReason: reason }, { reason });
    await this.inventory.release(orderId);
    await this.k.jobs.cancel(`unpaid:${orderId}`);
    await this.emit(OrderEvents.cancelled, updated);
    return updated;
  }

  /** What each order was paid and refunded (reports elsewhere: campaigns, group buys). */
  async amountsOf(orderIds: string[]): Promise<Array<{ orderId: string; paidAmount: number; refundedAmount: number }>> {
    if (orderIds.length === 0) return [];
    return this.q.select({ orderId: orders.id, paidAmount: orders.paidAmount, refundedAmount: orders.refundedAmount }).from(orders).where(inArray(orders.id, orderIds));
  }

  /**
   * Holds a paid order back from shipping (a group-buy team still forming) — or lets it go (`null`).
   * In the caller's transaction; a timeline note each way.
   */
  async holdShipping(orderId: string, hold: string | null): Promise<void> {
    const [row] = await this.q.update(orders).set({ shippingHold: hold, updatedAt: this.k.clock.now() }).where(eq(orders.id, orderId)).returning({ id: orders.id });
    if (row) await this.timeline(orderId, hold ? 'shipping_held' : 'shipping_released', null, null, { actor: 'system' }, { hold });
  }

  async markShipped(orderId: string, by: Actor, data: Record<string, unknown>): Promise<OrderRow> {
    const order = await this.lock(orderId);
    if (order.shippingHold) throw new AppError(OrderErrors.ORDER_ON_HOLD, { holdEn: HOLD_TEXT[order.shippingHold]?.en ?? order.shippingHold, holdZh: HOLD_TEXT[order.shippingHold]?.zh ?? order.shippingHold });
    // A partly refunded order may still ship — once.
    if (order.shippedAt) throw new AppError(OrderErrors.ORDER_STATE_CONFLICT, { status: order.status, action: 'ship' });
    const now = this.k.clock.now();
    const updated = await this.move(order, { type: 'ship' }, by, { shippedAt: now }, data);
    const days = (await this.k.settings.get<number>('orders.autoConfirmDays')) ?? this.k.config.autoConfirmDays;
    await this.k.jobs.schedule(OrderJobs.autoConfirm, { orderId }, new Date(now.getTime() + days * DAY), `autoconfirm:${orderId}`);
    await this.emit(OrderEvents.shipped, updated);
    return updated;
  }

  async markDelivered(orderId: string, by: Actor): Promise<OrderRow | null> {
    const order = await this.lock(orderId);
    // A late or repeated carrier scan changes nothing.
    if (order.deliveredAt || !order.shippedAt || !transition(order.status, { type: 'deliver' }).ok) return null;
    const updated = await this.move(order, { type: 'deliver' }, by, { deliveredAt: this.k.clock.now() });
    await this.emit(OrderEvents.delivered, updated);
    return updated;
  }

  async confirmReceipt(orderId: string, by: Actor & { by: 'shopper' | 'auto' }): Promise<OrderRow> {
    const order = await this.lock(orderId);
    if (!order.shippedAt || order.completedAt) throw new AppError(OrderErrors.ORDER_STATE_CONFLICT, { status: order.status, action: 'confirmReceipt' });
    const updated = await this.move(order, { type: 'confirmReceipt', by: by.by }, by, { completedAt: this.k.clock.now() });
    await this.k.jobs.cancel(`autoconfirm:${orderId}`);
    await this.emit(OrderEvents.completed, updated);
    return updated;
  }

  /**
   * Records a refund of `amount` (already sent back through the payment provider by the caller)
   * and of `lines` units; moves the order to refunded or partially_refunded.
   */
  async recordRefund(orderId: string, amount: number, lines: Array<{ lineId: string; quantity: number }>, by: Actor, data: Record<string, unknown>) {
    const order = await this.lock(orderId);
    const full = order.refundedAmount + amount === order.paidAmount;
    const event: OrderEvent =
      full && order.refundedAmount === 0
        ? { type: 'refund' }
        : { type: 'partialRefund', amount, refundedBefore: order.refundedAmount, paidAmount: order.paidAmount };
    const updated = await this.move(order, event, by, { refundedAmount: order.refundedAmount + amount }, { amount, lines, ...data });
    for (const l of lines) {
      await this.q
        .update(orderLines)
        .set({ refundedQuantity: sql`${orderLines.refundedQuantity} + ${l.quantity}` })
        .where(and(eq(orderLines.id, l.lineId), eq(orderLines.orderId, orderId)));
    }
    await this.emitRefunded(updated, amount, lines);
    return updated;
  }

  /** Adds a timeline note without a state change (payment failed, tracking, late payment refunded). */
  note(orderId: string, type: string, by: Actor, data: Record<string, unknown> = {}) {
    return this.timeline(orderId, type, null, null, by, data);
  }

  /** Orders locked for update, for the caller's transaction. */
  async lock(orderId: string): Promise<OrderRow> {
    const [row] = await this.q.select().from(orders).where(eq(orders.id, orderId)).for('update');
    if (!row) throw new AppError(OrderErrors.ORDER_NOT_FOUND, { id: orderId });
    return row;
  }

  private async move(order: OrderRow, event: OrderEvent, by: Actor, set: Partial<OrderRow>, data: Record<string, unknown> = {}) {
    const result = transition(order.status, event);
    if (!result.ok) {
      if (result.code === 'INVALID_REFUND_AMOUNT') throw new AppError(OrderErrors.REFUND_INVALID, { reason: result.reason });
      throw new AppError(OrderErrors.ORDER_STATE_CONFLICT, { status: order.status, action: event.type });
    }
    const [updated] = await this.q
      .update(orders)
      .set({ ...set, status: result.to, updatedAt: this.k.clock.now() })
      .where(eq(orders.id, order.id))
      .returning();
    await this.timeline(order.id, event.type, order.status, result.to, by, data);
    return updated;
  }

  private async timeline(orderId: string, type: string, from: string | null, to: string | null, by: Actor, data: Record<string, unknown>): Promise<OrderTimelineRow> {
    const entry = { orderId, at: this.k.clock.now(), type, fromStatus: from, toStatus: to, actor: by.actor, actorId: by.actorId ?? null, data };
    const [{ id }] = await this.q.insert(orderTimeline).values(entry).returning({ id: orderTimeline.id });
    return { id, ...entry };
  }


  private async emit(type: EventType<OrderEventPayload>, o: OrderRow, lines?: OrderLineRow[]) {
    await this.k.outbox.emit(type, { ...orderFacts(o), ...(lines ? { lines: lines.map((l) => ({ productId: l.productId, variantId: l.variantId, quantity: l.quantity })) } : {}) });
  }

  /** order.paid: what points, membership, RFM and analytics need (the OrderPaid contract). */
  private async emitPaid(o: OrderRow, lines: OrderLineRow[]) {
    await this.k.outbox.emit(OrderEvents.paid, {
      ...orderFacts(o),
      currency: o.currency,
      lines: lines.map((l) => ({ lineId: l.id, productId: l.productId, variantId: l.variantId, quantity: l.quantity, unitPrice: l.unitPrice, paidAmount: l.total })),
      discounts: (o.quote.adjustments ?? []).map((a) => ({ source: a.kind, id: a.id, amount: a.amount, shipping: a.shipping })),
      shipping: { fee: o.shippingFee, discount: o.shippingDiscount },
      channel: o.channel,
      utm: o.utm ?? null,
      placedAt: o.placedAt.toISOString(),
      paidAt: (o.paidAt ?? this.k.clock.now()).toISOString(),
      storeDay: storeDay(o.paidAt ?? this.k.clock.now(), this.k.timezone.get()),
    });
  }

  private async emitRefunded(o: OrderRow, amount: number, refundedLines: Array<{ lineId: string; quantity: number }>) {
    await this.k.outbox.emit(OrderEvents.refunded, {
      ...orderFacts(o),
      amount,
      currency: o.currency,
      refundedLines,
      keptAmount: o.paidAmount - o.refundedAmount,
      storeDay: storeDay(this.k.clock.now(), this.k.timezone.get()),
    });
  }


  // ── aggregates (stats.ts; definitions in docs/metrics.md) ──────────────────

  /** GMV and count of the orders paid in [from, to). */
  paidTotals(from: Date, to: Date, currency: string) {
    return paidTotals(this.q, from, to, currency);
  }

  /** Refunds recorded in [from, to). */
  refundTotals(from: Date, to: Date, currency: string) {
    return refundTotals(this.q, from, to, currency);
  }

  /** Paid totals per store-local day ('YYYY-MM-DD') of the orders paid in [from, to). */
  paidTotalsByDay(from: Date, to: Date, timeZone: string, currency: string) {
    return paidTotalsByDay(this.q, from, to, timeZone, currency);
  }

  /** A customer's order count and total spent. */
  customerTotals(customerId: string, currency: string) {
    return customerTotals(this.q, customerId, currency);
  }

  /** Due unpaid orders, for the timeout job's safety sweep and tests. */
  async overdueUnpaid(limit = 100) {
    return this.q
      .select({ id: orders.id })
      .from(orders)
      .where(and(eq(orders.status, 'pending_payment'), lte(orders.paymentDueAt, this.k.clock.now())))
      .limit(limit);
  }
}

/** The facts every order event carries. */
function orderFacts(o: OrderRow) {
  return { orderId: o.id, number: o.number, customerId: o.customerId, status: o.status, total: o.total };
}

/** A moment's calendar day in the store's time zone, YYYY-MM-DD. */
function storeDay(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** How far the parcel got, from the latest timestamp set: OrderTabFacts.progress in SQL. */
function progressOf() {
  return sql<string>`case when ${orders.completedAt} is not null then 'completed' when ${orders.deliveredAt} is not null then 'delivered' when ${orders.shippedAt} is not null then 'shipped' else 'none' end`;
}

/**
 * Orders in a tab: those whose (status, refunded, progress) is one of the facts tabsOf() puts in
 * it. The tuples are the module's own constants, written as literals so no parameter needs a type.
 */
function inTab(tab: OrderTab): SQL {
  const literal = (f: OrderTabFacts) => sql.raw(`('${f.status}', ${f.refunded}, '${f.progress}')`);
  return sql`(${orders.status}, ${orders.refundedAmount} > 0, ${progressOf()}) in (${sql.join(factsInTab(tab).map(literal), sql`, `)})`;
}
