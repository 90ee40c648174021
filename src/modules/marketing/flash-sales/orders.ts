import { and, eq, sql } from 'drizzle-orm';
import type { Kernel } from '../../../platform/kernel.js';
import { AppError } from '../../../platform/errors.js';
import type { InventoryService } from '../../inventory/index.js';
import type { PlaceOrderInput } from '../../checkout/index.js';
import type { OrderEventPayload, OrderPaid, ShippingAddress } from '../../orders/index.js';
import { FlashSaleErrors } from './errors.js';
import type { FlashGate } from './gate.js';
import { flashSaleClaims, flashSaleItems, flashSaleRounds, type FLASH_CLAIM_RELEASE_REASONS } from './schema.js';

type Claim = typeof flashSaleClaims.$inferSelect;
type Item = typeof flashSaleItems.$inferSelect;

/** The checkout claim kind of a flash sale win (`PlaceOrderInput.claim`). */
export const FLASH_CLAIM_KIND = 'flashSale';

/** What making an order needs from other modules, handed in by the composition root (no imports of their services). */
export interface FlashOrderPorts {
  /** The shopper's saved addresses, default first. */
  addressIds(customerId: string): Promise<string[]>;
  /** Which of these customers have a saved address (the buy token's check, for a crowd at once). */
  withAddress(customerIds: readonly string[]): Promise<Set<string>>;
  shippingAddress(customerId: string, addressId: string): Promise<ShippingAddress>;
  /** The shipping method a flash order uses: the store's first active one. */
  shippingMethodId(): Promise<string>;
  placeOrder(customerId: string, input: PlaceOrderInput): Promise<unknown>;
}

/**
 * Orders from flash sale wins (decision 0040). A win is a claim (`decided`) written with the
 * `flashSale.claimed` event; the event's consumer places the order through checkout with the claim,
 * and this module's checkout participant prices it at the flash price and moves the carved unit to
 * the order in the order's transaction (`ordered`). Paid: `paid`. Cancelled or timed out unpaid:
 * `released`, and the unit goes back to flash stock while the round is on (to the warehouse after).
 * An order that cannot be made (no address, the SKU withdrawn) releases the claim at once.
 */
export class FlashOrders {
  constructor(
    private readonly k: Kernel,
    private readonly inventory: InventoryService,
    private readonly gate: FlashGate,
    private readonly ports: FlashOrderPorts,
    /** Reloads an item's gate counters from the ledger. */
    private readonly reload: (item: Item) => Promise<void>,
  ) {}

  private get q() {
    return this.k.db.q;
  }

  /**
   * The `flashSale.claimed` consumer (outside any transaction: checkout opens its own, so a refused
   * order leaves nothing behind). At least once: a repeat finds the claim no longer `decided`.
   */
  async makeOrder(claimId: string): Promise<void> {
    const claim = await this.claim(claimId);
    if (!claim || claim.state !== 'decided') return;
    const [item] = await this.q.select().from(flashSaleItems).where(eq(flashSaleItems.id, claim.itemId));
    try {
      const addressId = claim.addressId ?? (await this.ports.addressIds(claim.customerId))[0];
      if (!addressId) throw new AppError(FlashSaleErrors.FLASH_ADDRESS_NEEDED);
      await this.ports.placeOrder(claim.customerId, {
        items: [{ variantId: item.variantId, quantity: claim.quantity }],
        shippingMethodId: await this.ports.shippingMethodId(),
        address: await this.ports.shippingAddress(claim.customerId, addressId),
        channel: null,
        claim: { kind: FLASH_CLAIM_KIND, id: claim.id },
      });
    } catch (err) {
      if (!(err instanceof AppError)) throw err; // retried by the outbox
      // A repeat of a delivery whose order was made finds the claim taken: nothing to give back.
      if ((await this.claim(claimId))?.state !== 'decided') return;
      await this.k.db.transaction(() => this.releaseDecided(claim, item, err.code));
    }
  }

  /** The participant's price: the claim's units at the flash price, and nothing else beside it. */
  async pricesFor(customerId: string | null, claimId: string): Promise<Map<string, number> | null> {
    const claim = await this.claim(claimId);
    if (!claim || claim.customerId !== customerId || claim.state !== 'decided') return null;
    const [item] = await this.q.select().from(flashSaleItems).where(eq(flashSaleItems.id, claim.itemId));
    return new Map([[item.variantId, item.flashPrice]]);
  }

  /** In the order's transaction: the claim is the order's, and its carved units move to the order. */
  async hold(orderId: string, customerId: string, claimId: string): Promise<Array<{ variantId: string; quantity: number }>> {
    const [claim] = await this.q
      .update(flashSaleClaims)
      .set({ state: 'ordered', orderId, updatedAt: this.k.clock.now() })
      .where(and(eq(flashSaleClaims.id, claimId), eq(flashSaleClaims.customerId, customerId), eq(flashSaleClaims.state, 'decided')))
      .returning();
    if (!claim) throw new AppError(FlashSaleErrors.FLASH_CLAIM_GONE);
    const [item] = await this.q.select().from(flashSaleItems).where(eq(flashSaleItems.id, claim.itemId));
    await this.inventory.moveHeld(item.id, 'flashSaleItem', orderId, { variantId: item.variantId, quantity: claim.quantity });
    return [{ variantId: item.variantId, quantity: claim.quantity }];
  }

  /** `order.paid`: the claim is sold. */
  async paid(e: OrderPaid): Promise<void> {
    await this.q
      .update(flashSaleClaims)
      .set({ state: 'paid', updatedAt: this.k.clock.now() })
      .where(and(eq(flashSaleClaims.orderId, e.orderId), eq(flashSaleClaims.state, 'ordered')));
  }

  /**
   * `order.cancelled` (the shopper, staff or the unpaid timeout): the order's units went back to the
   * warehouse with the cancel; while the round is on they are carved again for the flash sale (one
   * statement, all or nothing) and offered again — unless a shopper outside the sale bought them in
   * between, when they count as returned. After the round they stay in the warehouse.
   */
  async cancelled(e: OrderEventPayload): Promise<void> {
    const now = this.k.clock.now();
    const [claim] = await this.q
      .update(flashSaleClaims)
      .set({ state: 'released', releasedReason: 'orderCancelled', updatedAt: now })
      .where(and(eq(flashSaleClaims.orderId, e.orderId), eq(flashSaleClaims.state, 'ordered')))
      .returning();
    if (!claim) return;
    const [item] = await this.q.select().from(flashSaleItems).where(eq(flashSaleItems.id, claim.itemId));
    // The round's row is the lock that keeps this and the round's closing apart.
    const [round] = await this.q.select().from(flashSaleRounds).where(eq(flashSaleRounds.id, item.roundId)).for('update');
    const on = round.status === 'published' && now < round.endsAt;
    const carved = on && (await this.inventory.tryHold(item.id, { variantId: item.variantId, quantity: claim.quantity }, 'flashSaleItem'));
    await this.q
      .update(flashSaleItems)
      .set({ claimed: sql`${flashSaleItems.claimed} - ${claim.quantity}`, returned: sql`${flashSaleItems.returned} + ${carved ? 0 : claim.quantity}` })
      .where(eq(flashSaleItems.id, item.id));
    if (carved) this.k.db.afterCommit(() => this.gate.giveBack(item.id, claim.customerId, claim.quantity).then(() => undefined));
    else if (on) this.k.db.afterCommit(() => this.reload(item));
  }

  /** An order that could not be made: the claim is released and its units, still carved, are offered again. */
  private async releaseDecided(claim: Claim, item: Item, failure: string): Promise<void> {
    const reason: (typeof FLASH_CLAIM_RELEASE_REASONS)[number] = 'orderFailed';
    const [released] = await this.q
      .update(flashSaleClaims)
      .set({ state: 'released', releasedReason: reason, failure: failure.slice(0, 60), updatedAt: this.k.clock.now() })
      .where(and(eq(flashSaleClaims.id, claim.id), eq(flashSaleClaims.state, 'decided')))
      .returning();
    if (!released) return;
    await this.q.update(flashSaleItems).set({ claimed: sql`${flashSaleItems.claimed} - ${claim.quantity}` }).where(eq(flashSaleItems.id, item.id));
    this.k.db.afterCommit(() => this.gate.giveBack(item.id, claim.customerId, claim.quantity).then(() => undefined));
  }

  private async claim(id: string): Promise<Claim | undefined> {
    const [claim] = await this.q.select().from(flashSaleClaims).where(eq(flashSaleClaims.id, id));
    return claim;
  }
}
