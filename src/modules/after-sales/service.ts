import { and, desc, eq, inArray, lt, or, type SQL } from 'drizzle-orm';
import type { EventType } from '../../platform/outbox/events.js';
import type { Kernel } from '../../platform/kernel.js';
import { AppError, CoreErrors } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { formatMoney } from '../../platform/money.js';
import { listCursor, timeAndId, toPage } from '../../platform/http/pagination.js';
import type { InventoryService } from '../inventory/index.js';
import type { PaymentService } from '../payments/index.js';
import { OrderErrors, type OrderLineRow, type OrderRow, type OrderService } from '../orders/index.js';
import { afterSaleRefunds, type RefundStatus } from './schema.js';
import { AfterSaleErrors } from './errors.js';
import { AfterSaleEvents, type RefundEventPayload } from './events.js';
import { planRefund, type RefundPlan } from './logic/plan.js';

/** The list's cursor: its sort key, signed (platform/http/pagination.ts). */
const refundCursor = listCursor('after-sales.refunds', timeAndId);

export type RefundRow = typeof afterSaleRefunds.$inferSelect;

export interface RefundInput {
  /** Some units of some lines; absent = the whole order. */
  lines?: Array<{ lineId: string; quantity: number }>;
  /** Give back less than the lines are worth (absent = what they are worth). */
  amount?: number;
  reason: string;
}

export interface RefundFilter {
  status?: RefundStatus[];
  orderId?: string;
  limit: number;
  cursor?: string;
}

/** States holding money that may go back (shipped, delivered and completed orders included). */
const REFUNDABLE = new Set(['paid', 'shipped', 'delivered', 'completed', 'partially_refunded']);

/**
 * Refunds after payment. Every refund is a row: requested by customer service and decided by
 * finance, or requested and executed at once by someone allowed to approve. Executing sends the
 * money back through the provider (ledger rows), records it on the order (state and timeline) and
 * restocks units that never left — one transaction, with the order row locked first, so two
 * refunds of one order (or two approvals of one request) run one after the other and the second
 * sees what the first did: refunds can never add up to more than was paid.
 */
export class AfterSalesService {
  constructor(
    private readonly k: Kernel,
    private readonly orders: OrderService,
    private readonly payments: PaymentService,
    private readonly inventory: InventoryService,
  ) {}

  private get q() {
    return this.k.db.q;
  }

  /** A request for finance to decide; the units it asks for are held against other requests. */
  async request(orderRef: string, input: RefundInput, staffId: string): Promise<RefundRow> {
    return this.k.db.transaction(async () => {
      const order = await this.lockOrder(orderRef);
      const { plan } = await this.plan(order, input, await this.heldUnits(order.id));
      const row = await this.insert(order, input, plan, staffId);
      await this.orders.note(order.id, 'refund_requested', { actor: 'staff', actorId: staffId }, { refundId: row.id, amount: row.amount, reason: row.reason });
      await this.emit(AfterSaleEvents.refundRequested, row);
      return row;
    });
  }

  /** Requested and executed at once (refunds.approve). */
  async refundNow(orderRef: string, input: RefundInput, staffId: string): Promise<RefundRow> {
    return this.k.db.transaction(async () => {
      const order = await this.lockOrder(orderRef);
      const { plan } = await this.plan(order, input);
      const row = await this.insert(order, input, plan, staffId);
      return this.execute(order, row, staffId, null);
    });
  }

  async approve(refundId: string, staffId: string, note: string | null = null): Promise<{ before: RefundRow; after: RefundRow }> {
    return this.k.db.transaction(async () => {
      const order = await this.orders.lock((await this.get(refundId)).orderId);
      const before = await this.lockPending(refundId);
      return { before, after: await this.execute(order, before, staffId, note) };
    });
  }

  async reject(refundId: string, staffId: string, note: string | null): Promise<{ before: RefundRow; after: RefundRow }> {
    return this.k.db.transaction(async () => {
      await this.orders.lock((await this.get(refundId)).orderId);
      const before = await this.lockPending(refundId);
      const now = this.k.clock.now();
      const [after] = await this.q
        .update(afterSaleRefunds)
        .set({ status: 'rejected', decidedBy: staffId, decidedAt: now, decisionNote: note, updatedAt: now })
        .where(eq(afterSaleRefunds.id, refundId))
        .returning();
      await this.orders.note(after.orderId, 'refund_rejected', { actor: 'staff', actorId: staffId }, { refundId: after.id, note });
      await this.emit(AfterSaleEvents.refundRejected, after);
      return { before, after };
    });
  }

  /**
   * Staff cancel an order. Unpaid: a plain cancel. Paid and not shipped: the money goes back, so it
   * is a full refund — executed at once with refunds.approve, otherwise requested for finance.
   */
  async cancel(orderRef: string, reason: string, staff: { id: string; canApprove: boolean; canRequest: boolean }) {
    return this.k.db.transaction(async () => {
      const order = await this.lockOrder(orderRef);
      if (order.status === 'pending_payment') {
        const after = await this.orders.cancel(order.id, { by: 'staff', actor: 'staff', actorId: staff.id }, reason);
        return { outcome: 'cancelled' as const, before: order, after, refund: null };
      }
      if (order.shippedAt) throw new AppError(AfterSaleErrors.ORDER_NOT_CANCELLABLE, { number: order.number, status: order.status });
      if (!REFUNDABLE.has(order.status)) throw new AppError(OrderErrors.ORDER_STATE_CONFLICT, { status: order.status, action: 'cancel' });
      if (!staff.canApprove && !staff.canRequest) throw new AppError(CoreErrors.FORBIDDEN, { permission: 'refunds.request' });
      const input = { reason };
      const refund = staff.canApprove ? await this.refundNow(order.id, input, staff.id) : await this.request(order.id, input, staff.id);
      const after = await this.orders.get(order.id);
      return { outcome: staff.canApprove ? ('refunded' as const) : ('refund_requested' as const), before: order, after, refund };
    });
  }

  async get(refundId: string): Promise<RefundRow> {
    const [row] = await this.q.select().from(afterSaleRefunds).where(eq(afterSaleRefunds.id, refundId));
    if (!row) throw new AppError(AfterSaleErrors.REFUND_NOT_FOUND, { id: refundId });
    return row;
  }

  listForOrder(orderId: string): Promise<RefundRow[]> {
    return this.q.select().from(afterSaleRefunds).where(eq(afterSaleRefunds.orderId, orderId)).orderBy(afterSaleRefunds.createdAt, afterSaleRefunds.id);
  }

  /** Newest first, keyset-paginated. */
  async list(f: RefundFilter) {
    const where: SQL[] = [];
    if (f.status?.length) where.push(inArray(afterSaleRefunds.status, f.status));
    if (f.orderId) where.push(eq(afterSaleRefunds.orderId, f.orderId));
    const after = refundCursor.decode(this.k.secrets.session, f.cursor);
    if (after) {
      const [at, id] = after;
      where.push(or(lt(afterSaleRefunds.createdAt, at), and(eq(afterSaleRefunds.createdAt, at), lt(afterSaleRefunds.id, id)))!);
    }
    const rows = await this.q
      .select()
      .from(afterSaleRefunds)
      .where(and(...where))
      .orderBy(desc(afterSaleRefunds.createdAt), desc(afterSaleRefunds.id))
      .limit(f.limit + 1);
    return toPage(rows, f.limit, (r) => refundCursor.encode(this.k.secrets.session, [r.createdAt.toISOString(), r.id]), (r) => r);
  }

  // ── inside the transaction, with the order locked ─────────────────────────

  private async execute(order: OrderRow, row: RefundRow, staffId: string, note: string | null): Promise<RefundRow> {
    // Recomputed now: other refunds, or the shipment, may have happened since the request.
    const { plan, lines } = await this.plan(order, { lines: row.wholeOrder ? undefined : row.lines, amount: row.requestedAmount ?? undefined, reason: row.reason });
    await this.payments.refundOrder(order.id, plan.amount, `after_sale:${row.id}`);
    const units = plan.lines.map((l) => ({ lineId: l.lineId, quantity: l.quantity }));
    await this.orders.recordRefund(order.id, plan.amount, units, { actor: 'staff', actorId: staffId }, { refundId: row.id, reason: row.reason, shippingAmount: plan.shippingAmount });
    if (plan.restock) {
      const variantOf = new Map(lines.map((l) => [l.id, l.variantId]));
      await this.inventory.restock(order.id, units.map((u) => ({ variantId: variantOf.get(u.lineId)!, quantity: u.quantity })));
    }
    const now = this.k.clock.now();
    const [after] = await this.q
      .update(afterSaleRefunds)
      .set({
        status: 'executed', wholeOrder: plan.wholeOrder, lines: plan.lines, itemsAmount: plan.itemsAmount, shippingAmount: plan.shippingAmount,
        amount: plan.amount, restock: plan.restock, decidedBy: staffId, decidedAt: now, decisionNote: note, executedAt: now, updatedAt: now,
      })
      .where(eq(afterSaleRefunds.id, row.id))
      .returning();
    await this.emit(AfterSaleEvents.refundExecuted, after);
    return after;
  }

  private async plan(order: OrderRow, input: RefundInput, held?: Map<string, number>): Promise<{ plan: RefundPlan; lines: OrderLineRow[] }> {
    if (!REFUNDABLE.has(order.status) || order.paidAmount === 0) {
      throw new AppError(AfterSaleErrors.ORDER_NOT_REFUNDABLE, { number: order.number, status: order.status });
    }
    const lines = await this.orders.linesOf(order.id);
    const res = planRefund(
      {
        quote: order.quote,
        refundedQuantities: new Map(lines.map((l) => [l.id, l.refundedQuantity])),
        paidAmount: order.paidAmount,
        refundedAmount: order.refundedAmount,
        shipped: order.shippedAt !== null,
      },
      { lines: input.lines, amount: input.amount },
      held,
    );
    if (res.ok) return { plan: res, lines };
    const money = (n: number) => formatMoney(n, order.currency);
    switch (res.code) {
      case 'LINES_INVALID':
        throw new AppError(AfterSaleErrors.REFUND_LINES_INVALID, { reason: res.reason });
      case 'NOTHING_TO_REFUND':
        throw new AppError(AfterSaleErrors.NOTHING_TO_REFUND, { reason: res.reason });
      case 'AMOUNT_NOT_ALLOWED':
        throw new AppError(AfterSaleErrors.REFUND_AMOUNT_NOT_ALLOWED, { reason: res.reason });
      case 'EXCEEDS_REFUNDABLE':
        throw new AppError(
          AfterSaleErrors.REFUND_EXCEEDS_REFUNDABLE,
          { amount: money(input.amount ?? res.refundable), refundable: money(res.refundable), number: order.number, paid: money(order.paidAmount), refunded: money(order.refundedAmount) },
          { refundable: res.refundable },
        );
    }
  }

  private async insert(order: OrderRow, input: RefundInput, plan: RefundPlan, staffId: string): Promise<RefundRow> {
    const now = this.k.clock.now();
    const [row] = await this.q
      .insert(afterSaleRefunds)
      .values({
        id: newId(), orderId: order.id, orderNumber: order.number, wholeOrder: plan.wholeOrder, lines: plan.lines,
        itemsAmount: plan.itemsAmount, shippingAmount: plan.shippingAmount, amount: plan.amount, requestedAmount: input.amount ?? null,
        currency: order.currency, reason: input.reason, status: 'requested', restock: plan.restock, requestedBy: staffId,
        createdAt: now, updatedAt: now,
      })
      .returning();
    return row;
  }

  /** Units that open requests of the order already ask for, per line. */
  private async heldUnits(orderId: string): Promise<Map<string, number>> {
    const open = await this.q
      .select({ lines: afterSaleRefunds.lines })
      .from(afterSaleRefunds)
      .where(and(eq(afterSaleRefunds.orderId, orderId), eq(afterSaleRefunds.status, 'requested')));
    const held = new Map<string, number>();
    for (const l of open.flatMap((r) => r.lines)) held.set(l.lineId, (held.get(l.lineId) ?? 0) + l.quantity);
    return held;
  }

  private async lockOrder(orderRef: string): Promise<OrderRow> {
    return this.orders.lock((await this.orders.getByRef(orderRef)).id);
  }

  private async lockPending(refundId: string): Promise<RefundRow> {
    const [row] = await this.q.select().from(afterSaleRefunds).where(eq(afterSaleRefunds.id, refundId)).for('update');
    if (!row) throw new AppError(AfterSaleErrors.REFUND_NOT_FOUND, { id: refundId });
    if (row.status !== 'requested') throw new AppError(AfterSaleErrors.REFUND_NOT_PENDING, { id: refundId, status: row.status });
    return row;
  }

  private async emit(type: EventType<RefundEventPayload>, r: RefundRow) {
    await this.k.outbox.emit(type, { refundId: r.id, orderId: r.orderId, orderNumber: r.orderNumber, amount: r.amount, status: r.status });
  }
}
