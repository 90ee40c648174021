import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.js';
import { formatOrderNumber, localStamp, nextSlot, type NumberSlot } from './logic/order-number.js';

/**
 * Gives out order numbers (format in logic/order-number.ts) without a database round trip per
 * order: the process leases a worker number once from the `order_number_workers` sequence (which
 * cycles 0–999, so a worker comes back only after 999 other leases) and counts within the second
 * itself. It leases again only when it must: store-local time went back (daylight saving, a new
 * time zone, the clock set back) or a number was found taken (`taken`, the fallback). One
 * allocator per process (the order service holds it).
 */
export class OrderNumberAllocator {
  private worker: number | null = null;
  private last: NumberSlot | null = null;
  private leasing: Promise<number> | null = null;
  private leases = 0;

  constructor(
    private readonly db: Database,
    private readonly timeZone: () => string,
  ) {}

  /** The worker number now held (null before the first lease): tests and logs. */
  get currentWorker(): number | null {
    return this.worker;
  }

  /** How many workers this process has leased so far. */
  get leaseCount(): number {
    return this.leases;
  }

  /** Leases a worker now, so the first order does not pay for it (called when the server starts). */
  async warm(): Promise<void> {
    if (this.worker === null) await this.lease();
  }

  /**
   * The next number, for an order placed at `at`. With a worker held nothing here awaits, so
   * numbers come out in the order of the calls: callers that read the clock and call this in the
   * same synchronous step get numbers in the order of their timestamps.
   */
  async next(at: Date): Promise<string> {
    const second = Math.floor(at.getTime() / 1000);
    for (;;) {
      const worker = this.worker ?? (await this.lease());
      if (worker !== this.worker) continue; // renewed meanwhile by another caller
      const tz = this.timeZone();
      const step = nextSlot(this.last, second, (s) => localStamp(s * 1000, tz));
      if ('renew' in step) {
        this.drop(worker);
        continue;
      }
      this.last = step.slot;
      return formatOrderNumber({ stamp: step.slot.stamp, worker, counter: step.slot.counter });
    }
  }

  /** `number` (given out by this allocator) was already in the database: give up its worker. */
  taken(number: string): void {
    const worker = Number(number.slice(14, 17));
    this.drop(worker);
  }

  private drop(worker: number): void {
    if (this.worker !== worker) return;
    this.worker = null;
    this.last = null;
  }

  private lease(): Promise<number> {
    this.leasing ??= (async () => {
      try {
        // db.q: inside checkout's transaction when leased lazily (PGlite has one connection);
        // a sequence is not transactional, so a rollback does not give the worker back.
        const res = await this.db.q.execute(sql`select nextval('order_number_workers')::int as worker`);
        const worker = Number((res as unknown as { rows: Array<{ worker: number }> }).rows[0]!.worker);
        this.worker = worker;
        this.last = null;
        this.leases++;
        return worker;
      } finally {
        this.leasing = null;
      }
    })();
    return this.leasing;
  }
}
