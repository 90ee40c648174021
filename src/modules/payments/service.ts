import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Kernel } from '../../platform/kernel.js';
import { AppError } from '../../platform/errors.js';
import { isUuid, newId } from '../../platform/ids.js';
import type { OrderService } from '../orders/index.js';
import { paymentLedger, payments, refunds, webhookEvents } from './schema.js';
import { PaymentErrors } from './errors.js';
import type { PaymentProvider } from './provider.js';
import { sandboxStatus, type SandboxStatus } from './logic/sandbox-exposure.js';
import { PaymentEvents, refundIdempotencyKey } from './events.js';
import { safeErrorMessage } from '../../platform/log-redact.js';

/** Rejects when `work` takes longer than `ms` (the work itself is not cancelled: its key makes a late success harmless). */
function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the payment provider did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export type PaymentRow = typeof payments.$inferSelect;

/**
 * Payments: attempts, provider callbacks and refunds. A callback is handled once per provider
 * event id (the insert of that id is the lock); the payment row is locked so two different
 * callbacks for one payment apply once; money movements are ledger rows in the same transaction.
 */
export class PaymentService {
  private readonly providers = new Map<string, PaymentProvider>();

  constructor(
    private readonly k: Kernel,
    private readonly orders: OrderService,
  ) {}

  private get q() {
    return this.k.db.q;
  }

  addProvider(p: PaymentProvider): void {
    this.providers.set(p.code, p);
  }

  /** Whether the sandbox runs, and why it needs attention (a public PUBLIC_URL, a real provider beside it). */
  sandboxStatus(): SandboxStatus {
    const c = this.k.config;
    return sandboxStatus({ enabled: this.providers.has('sandbox'), publicUrl: c.publicUrlSet ? c.publicUrl : undefined, providers: [...this.providers.keys()] });
  }

  provider(code: string): PaymentProvider {
    const p = this.providers.get(code);
    if (!p) throw new AppError(PaymentErrors.PROVIDER_UNAVAILABLE, { provider: code });
    return p;
  }

  /** Starts paying an order the shopper owns; a new attempt each time ("pay again"). */
  async create(orderId: string, customerId: string, providerCode: string, method: string) {
    const provider = this.provider(providerCode);
    if (!provider.methods.includes(method)) throw new AppError(PaymentErrors.PROVIDER_UNAVAILABLE, { provider: `${providerCode}/${method}` });
    const order = await this.orders.paymentTerms(orderId, customerId);
    if (order.status !== 'pending_payment') throw new AppError(PaymentErrors.ORDER_NOT_PAYABLE, { status: order.status });
    const now = this.k.clock.now();
    if (order.paymentDueAt <= now) throw new AppError(PaymentErrors.PAYMENT_WINDOW_CLOSED);
    const id = newId();
    const created = await provider.create({
      paymentId: id,
      orderId: order.id,
      orderNumber: order.number,
      amount: order.total,
      currency: order.currency,
      method,
      expiresAt: order.paymentDueAt,
    });
    const row: PaymentRow = { id, orderId: order.id, provider: providerCode, method, amount: order.total, currency: order.currency, status: 'pending', providerRef: created.providerRef, failureReason: null, createdAt: now, completedAt: null };
    await this.q.insert(payments).values(row);
    return { payment: row, payUrl: created.payUrl, expiresAt: order.paymentDueAt };
  }

  async get(paymentId: string): Promise<PaymentRow> {
    const [row] = await this.q.select().from(payments).where(eq(payments.id, paymentId));
    if (!row) throw new AppError(PaymentErrors.PAYMENT_NOT_FOUND, { id: paymentId });
    return row;
  }

  listForOrder(orderId: string) {
    return this.q.select().from(payments).where(eq(payments.orderId, orderId)).orderBy(desc(payments.createdAt));
  }

  /**
   * A provider callback. Returns what happened, for logs and tests; a replay returns 'duplicate'.
   * The signature is checked before anything is read or written.
   */
  async handleWebhook(providerCode: string, rawBody: Buffer, headers: Record<string, string | string[] | undefined>) {
    const provider = this.provider(providerCode);
    const event = provider.verifyWebhook(rawBody, headers, this.k.clock.now());
    return this.k.db.transaction(async () => {
      const fresh = await this.q
        .insert(webhookEvents)
        .values({ provider: providerCode, eventId: event.eventId, type: event.type, paymentId: event.paymentId, receivedAt: this.k.clock.now() })
        .onConflictDoNothing()
        .returning({ eventId: webhookEvents.eventId });
      if (!fresh.length) return 'duplicate' as const;
      if (event.type === 'payment.succeeded') {
        const captured = await this.captureExpected(providerCode, event);
        if (captured) return this.applyCapture(captured, providerCode, false);
      }
      const [payment] = await this.q.select().from(payments).where(eq(payments.id, event.paymentId)).for('update');
      if (!payment || payment.provider !== providerCode) throw new AppError(PaymentErrors.PAYMENT_NOT_FOUND, { id: event.paymentId });
      const succeeded = event.type === 'payment.succeeded' && event.amount === payment.amount && event.currency === payment.currency;
      // An expired attempt the shopper completed after all: the money came, and is sent back below.
      const lateForExpired = payment.status === 'expired' && succeeded;
      if (payment.status !== 'pending' && !lateForExpired) return 'ignored' as const; // out of order: the payment already ended
      const now = this.k.clock.now();
      if (!succeeded) {
        // A code the console translates; the provider's own words stay beside it in the timeline.
        const reason = event.type === 'payment.failed' ? 'payment_declined' : 'amount_mismatch';
        const providerMessage = event.type === 'payment.failed' ? (event.reason ?? null) : `${event.amount} ${event.currency}`;
        await this.q.update(payments).set({ status: 'failed', failureReason: reason, completedAt: now }).where(eq(payments.id, payment.id));
        await this.orders.note(payment.orderId, 'payment_failed', { actor: 'provider', actorId: providerCode }, { paymentId: payment.id, reason, providerMessage });
        return 'failed' as const;
      }
      await this.q.update(payments).set({ status: 'succeeded', completedAt: now }).where(eq(payments.id, payment.id));
      await this.ledger(payment, 'capture', payment.amount, null, { eventId: event.eventId });
      return this.applyCapture(payment, providerCode, lateForExpired);
    });
  }

  /**
   * The usual callback in one statement: a pending attempt whose provider, amount and currency match
   * the event becomes `succeeded` and its capture is written to the ledger. Null otherwise (an ended
   * attempt, a mismatch, an unknown id): the careful path above reads the row and decides.
   */
  private async captureExpected(providerCode: string, event: { eventId: string; paymentId: string; amount?: number; currency?: string }): Promise<PaymentRow | null> {
    if (!isUuid(event.paymentId) || !Number.isSafeInteger(event.amount) || typeof event.currency !== 'string') return null;
    const now = this.k.clock.now();
    const res = await this.q.execute(sql`
      with captured as (
        update payments set status = 'succeeded', completed_at = ${now}::timestamptz
        where id = ${event.paymentId}::uuid and provider = ${providerCode} and status = 'pending'
          and amount = ${event.amount}::int and currency = ${event.currency}
        returning *
      ), booked as (
        insert into payment_ledger (order_id, payment_id, refund_id, kind, amount, currency, data, at)
        select order_id, id, null, 'capture', amount, currency, ${JSON.stringify({ eventId: event.eventId })}::jsonb, ${now}::timestamptz from captured
      )
      select id, order_id as "orderId", provider, method, amount, currency, status, provider_ref as "providerRef",
        failure_reason as "failureReason", created_at as "createdAt", completed_at as "completedAt" from captured`);
    const row = (res as unknown as { rows: Array<Omit<PaymentRow, 'createdAt' | 'completedAt'> & { createdAt: string | Date; completedAt: string | Date | null }> }).rows[0];
    return row ? { ...row, createdAt: new Date(row.createdAt), completedAt: row.completedAt ? new Date(row.completedAt) : null } : null;
  }

  /** A capture is booked: the order is paid — or, if it no longer waits for money, the money goes back. */
  private async applyCapture(payment: PaymentRow, providerCode: string, lateForExpired: boolean) {
    const applied = lateForExpired ? 'late' : await this.orders.markPaid(payment.orderId, payment.amount, { actor: 'provider', actorId: providerCode });
    if (applied === 'applied') await this.expirePending(payment.orderId, 'paid_by_another_attempt');
    if (applied === 'late') {
      // The order timed out or was cancelled (or paid by another attempt) before the money came:
      // give it back at once rather than keep money for nothing.
      await this.refundPayment(payment, payment.amount, 'late_payment');
      await this.orders.note(payment.orderId, 'late_payment_refunded', { actor: 'system' }, { paymentId: payment.id, amount: payment.amount });
      return 'refunded_late' as const;
    }
    return 'paid' as const;
  }

  /**
   * Ends the attempts of an order still waiting for the shopper, once the order no longer waits
   * for them (paid by another attempt, or cancelled): each becomes `expired` with a timeline note,
   * in the caller's transaction. Attempts already ended are left alone, so a replay changes nothing.
   */
  async expirePending(orderId: string, reason: 'paid_by_another_attempt' | 'order_cancelled'): Promise<number> {
    // SKIP LOCKED: an attempt whose own callback is being handled right now is left to it (a success
    // then finds the order paid or cancelled and is refunded); waiting for it could deadlock, since
    // that callback holds its payment row and waits for the order row this transaction holds.
    const now = this.k.clock.now();
    const ended = await this.q
      .update(payments)
      .set({ status: 'expired', failureReason: reason, completedAt: now })
      .where(
        and(
          inArray(
            payments.id,
            this.q.select({ id: payments.id }).from(payments).where(and(eq(payments.orderId, orderId), eq(payments.status, 'pending'))).for('update', { skipLocked: true }),
          ),
          eq(payments.status, 'pending'),
        ),
      )
      .returning({ id: payments.id });
    for (const p of ended) await this.orders.note(orderId, 'payment_expired', { actor: 'system' }, { paymentId: p.id, reason });
    return ended.length;
  }

  /** Sends `amount` of an order's captured money back through the provider(s). */
  async refundOrder(orderId: string, amount: number, reason: string): Promise<void> {
    const paid = await this.q
      .select()
      .from(payments)
      .where(and(eq(payments.orderId, orderId), eq(payments.status, 'succeeded')))
      .orderBy(desc(payments.completedAt))
      .for('update');
    let left = amount;
    for (const p of paid) {
      if (left === 0) break;
      const room = p.amount - (await this.refundedOf(p.id));
      const part = Math.min(room, left);
      if (part > 0) {
        await this.refundPayment(p, part, reason);
        left -= part;
      }
    }
    if (left > 0) throw new AppError(PaymentErrors.REFUND_EXCEEDS_PAYMENT, { paid: paid.reduce((n, p) => n + p.amount, 0) });
  }

  /**
   * Records a refund as an intent in the deciding transaction: the row (pending) and the event the
   * outbox executes it from. No provider call here — the transaction may still roll back.
   */
  private async refundPayment(p: PaymentRow, amount: number, reason: string) {
    const id = newId();
    await this.q.insert(refunds).values({ id, orderId: p.orderId, paymentId: p.id, amount, reason, status: 'pending', createdAt: this.k.clock.now() });
    await this.k.outbox.emit(PaymentEvents.refundRequested, { refundId: id, orderId: p.orderId });
  }

  /**
   * Executes a refund intent (the outbox consumer `payments.execute-refund`, outside any transaction).
   * The provider is asked with the intent's idempotency key; its answer is booked in one transaction
   * that finds the intent still pending — so a second run, a retry after a timeout or after a crash
   * between the answer and the commit books the refund once and moves the money once.
   */
  async executeRefund(refundId: string): Promise<'succeeded' | 'done_before'> {
    const [intent] = await this.q
      .select({ r: refunds, p: payments })
      .from(refunds)
      .innerJoin(payments, eq(payments.id, refunds.paymentId))
      .where(eq(refunds.id, refundId));
    if (!intent || intent.r.status !== 'pending') return 'done_before';
    const { r, p } = intent;
    try {
      const answer = await withTimeout(
        this.provider(p.provider).refund({ paymentId: p.id, providerRef: p.providerRef, refundId, amount: r.amount, idempotencyKey: refundIdempotencyKey(refundId) }),
        this.providerTimeoutMs,
      );
      return await this.k.db.transaction(async () => {
        const [locked] = await this.q.select().from(refunds).where(eq(refunds.id, refundId)).for('update');
        if (locked.status !== 'pending') return 'done_before' as const;
        await this.q.update(refunds).set({ status: 'succeeded', providerRefundId: answer.providerRefundId }).where(eq(refunds.id, refundId));
        await this.ledger(p, 'refund', -r.amount, refundId, { reason: r.reason });
        // An after-sales refund's reason is on its own timeline entry; a code (late_payment) is shown translated.
        const reason = r.reason.startsWith('after_sale:') ? undefined : r.reason;
        await this.orders.note(r.orderId, 'refund_succeeded', { actor: 'provider', actorId: p.provider }, { refundId, amount: r.amount, ...(reason ? { reason } : {}) });
        return 'succeeded' as const;
      });
    } catch (err) {
      // The provider refused or did not answer, or its answer could not be booked (the transaction
      // rolled back): said on the order's timeline; the outbox retries with the same key and backoff
      // (after its last attempt staff see it among the failed deliveries, with a retry button).
      await this.orders.note(r.orderId, 'refund_retrying', { actor: 'system' }, { refundId, amount: r.amount, error: safeErrorMessage(err).slice(0, 200) });
      throw err;
    }
  }

  /** How long a provider call may take before it counts as failed (and is retried with the same key). */
  providerTimeoutMs = 15_000;

  private async refundedOf(paymentId: string): Promise<number> {
    const [r] = await this.q
      .select({ n: sql<number>`coalesce(sum(${refunds.amount}), 0)::int` })
      .from(refunds)
      // Intents still pending count: the money is promised back already.
      .where(and(eq(refunds.paymentId, paymentId), inArray(refunds.status, ['pending', 'succeeded'])));
    return Number(r.n);
  }

  private async ledger(p: PaymentRow, kind: 'capture' | 'refund', amount: number, refundId: string | null, data: Record<string, unknown>) {
    await this.q.insert(paymentLedger).values({ orderId: p.orderId, paymentId: p.id, refundId, kind, amount, currency: p.currency, data, at: this.k.clock.now() });
  }

  /** An order's refunds as the provider sees them (pending intents, then succeeded), oldest first. */
  refundsOf(orderId: string) {
    return this.q.select().from(refunds).where(eq(refunds.orderId, orderId)).orderBy(refunds.createdAt, refunds.id);
  }

  /** Ledger entries of an order (captures and refunds). */
  ledgerOf(orderId: string) {
    return this.q.select().from(paymentLedger).where(eq(paymentLedger.orderId, orderId)).orderBy(paymentLedger.id);
  }
}
