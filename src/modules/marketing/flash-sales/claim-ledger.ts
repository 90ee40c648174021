import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Kernel } from '../../../platform/kernel.js';
import { FlashSaleEvents } from './events.js';
import { flashSaleClaims, flashSaleItems } from './schema.js';

type Claim = typeof flashSaleClaims.$inferSelect;
/** What the ledger made of a win the gate decided: written, or refused (the gate was loaded while wins were still being written). */
export type Written = 'ok' | 'soldOut' | 'limit';

/** Wins written in one transaction at most: a crowd's first second fits in a handful of them. */
const MAX_BATCH = 200;

interface Waiting {
  claim: Claim;
  limit: number;
  resolve: (w: Written) => void;
  reject: (err: unknown) => void;
}

/**
 * Writes the gate's wins to the claim ledger in batches (group commit, decision 0040): while one
 * transaction is being written the wins that arrive queue, and the next transaction takes them all.
 * A crowd's thousand wins cost a handful of transactions instead of a thousand — on PGlite's single
 * connection the difference between a second and half a minute. Each winner is answered once its
 * transaction has committed, so a 202 always stands on a durable claim; if the transaction fails,
 * every win in it fails (the caller gives the units back to the gate).
 *
 * Within a transaction each item's row is locked (winners of one item queue here, across API
 * processes too), and every claim is checked again against the stock and the customer's units:
 * never past stock, never past the limit, whatever the gate said.
 */
export class ClaimLedger {
  private readonly queue: Waiting[] = [];
  private writing = false;

  constructor(private readonly k: Kernel) {}

  write(claim: Claim, limit: number): Promise<Written> {
    // Inside a caller's transaction (a tool, a test): written there, at once.
    if (this.k.db.inTransaction) return this.record([{ claim, limit }]).then(([w]) => w);
    return new Promise((resolve, reject) => {
      this.queue.push({ claim, limit, resolve, reject });
      if (this.writing) return;
      this.writing = true;
      // Written after this turn's other requests have been read: on PGlite a transaction runs on
      // this thread, and started at once it would hold each win alone (a batch of one, every time).
      setImmediate(() => void this.drain());
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length) {
        if (!this.k.db.inTransaction) await new Promise<void>((resolve) => setImmediate(resolve));
        const batch = this.queue.splice(0, MAX_BATCH);
        try {
          const written = await this.k.db.transaction(() => this.record(batch));
          batch.forEach((w, i) => w.resolve(written[i]));
        } catch (err) {
          for (const w of batch) w.reject(err);
        }
      }
    } finally {
      this.writing = false;
    }
  }

  /** The batch's claims per item, in arrival order: limit first, then stock; the accepted ones written with their events. */
  private async record(batch: ReadonlyArray<{ claim: Claim; limit: number }>): Promise<Written[]> {
    const written: Written[] = new Array(batch.length);
    const byItem = new Map<string, number[]>();
    batch.forEach((w, i) => byItem.set(w.claim.itemId, [...(byItem.get(w.claim.itemId) ?? []), i]));
    const accepted: Claim[] = [];
    for (const [itemId, indexes] of byItem) {
      const [item] = await this.k.db.q
        .select({ stock: flashSaleItems.stock, claimed: flashSaleItems.claimed, returned: flashSaleItems.returned })
        .from(flashSaleItems)
        .where(eq(flashSaleItems.id, itemId))
        .for('update');
      const customerIds = [...new Set(indexes.map((i) => batch[i].claim.customerId))];
      const held = await this.k.db.q
        .select({ customerId: flashSaleClaims.customerId, units: sql<number>`sum(${flashSaleClaims.quantity})::int` })
        .from(flashSaleClaims)
        .where(and(eq(flashSaleClaims.itemId, itemId), inArray(flashSaleClaims.customerId, customerIds), ne(flashSaleClaims.state, 'released')))
        .groupBy(flashSaleClaims.customerId);
      const units = new Map(held.map((h) => [h.customerId, Number(h.units)] as const));
      let room = item ? item.stock - item.claimed - item.returned : 0;
      let taken = 0;
      for (const i of indexes) {
        const { claim, limit } = batch[i];
        const had = units.get(claim.customerId) ?? 0;
        if (had + claim.quantity > limit) written[i] = 'limit';
        else if (claim.quantity > room) written[i] = 'soldOut';
        else {
          written[i] = 'ok';
          units.set(claim.customerId, had + claim.quantity);
          room -= claim.quantity;
          taken += claim.quantity;
          accepted.push(claim);
        }
      }
      if (taken > 0) await this.k.db.q.update(flashSaleItems).set({ claimed: sql`${flashSaleItems.claimed} + ${taken}` }).where(eq(flashSaleItems.id, itemId));
    }
    if (accepted.length) {
      await this.k.db.q.insert(flashSaleClaims).values(accepted);
      // Orders are made from the wins by the event's consumer: a crash now loses nothing.
      for (const c of accepted) await this.k.outbox.emit(FlashSaleEvents.claimed, { claimId: c.id, itemId: c.itemId, customerId: c.customerId, quantity: c.quantity });
    }
    return written;
  }
}
