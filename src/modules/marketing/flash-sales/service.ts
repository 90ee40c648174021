import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Kernel } from '../../../platform/kernel.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { LocalCopy } from '../../../platform/local-copy.js';
import { coalesced } from '../../../platform/coalesce.js';
import type { CatalogService } from '../../catalog/index.js';
import type { InventoryService } from '../../inventory/index.js';
import { BuyTokens } from './buy-token.js';
import { ClaimLedger, type Written } from './claim-ledger.js';
import { Crowd } from './crowd.js';
import { FlashSaleErrors } from './errors.js';
import type { FlashGate } from './gate.js';
import { flashSaleClaims, flashSaleItems, flashSaleRounds } from './schema.js';
import { FLASH_SALES_TAG } from './cache-tags.js';

export { FLASH_SALES_TAG };
import { FlashOrders, type FlashOrderPorts } from './orders.js';
import type { FlashClaimView, FlashItemReport, FlashItemView, FlashRoundInput, FlashRoundView } from './types.js';

type Round = typeof flashSaleRounds.$inferSelect;
type Item = typeof flashSaleItems.$inferSelect;
type Claim = typeof flashSaleClaims.$inferSelect;
/** The same refusal for everyone (read only, never thrown): made once, not for each of a crowd's attempts. */
let SOLD_OUT: AppError | undefined;
let ENDED: AppError | undefined;
/** Shoppers remembered as having an address, per process (a crowd of 100,000: ~10 MB). */
const REMEMBERED_ADDRESSED = 100_000;
/** How long one answer of the rounds-to-come is shared between pollers. */
export const UPCOMING_SHARED_MS = 1000;

/** What the buy path needs of an item, from the in-process copy: no statement per attempt. */
interface LiveItem {
  item: Item;
  startsAt: number;
  endsAt: number;
}

/**
 * Flash sales (秒杀, decision 0040): operators set up rounds of SKUs at a flash price with stock carved
 * out of the warehouse; shoppers' attempts are decided by the gate (memory or Redis) and each win is
 * written to the claim ledger, which the gate is loaded from again whenever it has nothing.
 */
export class FlashSaleService {
  private readonly live: LocalCopy<Map<string, LiveItem>>;
  /** Orders from wins: made through checkout, paid, cancelled (orders.ts). */
  readonly orders: FlashOrders;
  private readonly ledger: ClaimLedger;
  /** Whether a crowd presses now (its wins' orders wait for it to thin: crowd.ts). */
  readonly crowd = new Crowd();
  /** Shoppers known to have a saved address (hasAddress). */
  private readonly addressed = new Set<string>();
  private readonly addressOwners: (customerId: string) => Promise<true | undefined>;
  private readonly tokens: BuyTokens;

  constructor(
    private readonly k: Kernel,
    private readonly catalog: CatalogService,
    private readonly inventory: InventoryService,
    private readonly gate: FlashGate,
    private readonly ports: FlashOrderPorts,
  ) {
    this.live = new LocalCopy(k.db, k.cache, FLASH_SALES_TAG);
    this.ledger = new ClaimLedger(k);
    this.addressOwners = coalesced(k.db, async (ids: readonly string[]) => new Map([...(await ports.withAddress(ids))].map((id) => [id, true as const])));
    this.tokens = new BuyTokens(k.secrets.session);
    this.orders = new FlashOrders(k, inventory, gate, ports, (item) => this.reload(item));
  }

  private get q() {
    return this.k.db.q;
  }

  async createRound(input: FlashRoundInput): Promise<FlashRoundView> {
    const now = this.k.clock.now();
    if (Date.parse(input.endsAt) <= now.getTime()) throw new AppError(FlashSaleErrors.FLASH_WINDOW_PAST);
    const variants = await this.catalog.sellableVariants(input.items.map((i) => i.variantId));
    const round: Round = { id: newId(), name: input.name, startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt), status: 'draft', createdAt: now, updatedAt: now };
    const items: Item[] = input.items.map((i) => {
      const v = variants.get(i.variantId);
      if (!v?.sellable) throw new AppError(FlashSaleErrors.FLASH_VARIANT_UNAVAILABLE, { variantId: i.variantId });
      if (i.flashPrice >= v.price) throw new AppError(FlashSaleErrors.FLASH_PRICE_NOT_LOWER, { sku: v.sku, price: (v.price / 100).toFixed(2) });
      return { id: newId(), roundId: round.id, variantId: i.variantId, productId: v.productId, flashPrice: i.flashPrice, stock: i.stock, claimed: 0, returned: 0, perCustomerLimit: i.perCustomerLimit, createdAt: now };
    });
    await this.q.insert(flashSaleRounds).values(round);
    await this.q.insert(flashSaleItems).values(items);
    return this.view(round, items);
  }

  /**
   * Publishes a draft round: each item's stock is carved out of the warehouse (reserved under the
   * item, so ordinary checkouts cannot sell it) in the caller's transaction — all or none — and the
   * gate is loaded once the transaction has committed.
   */
  async publish(id: string): Promise<FlashRoundView> {
    const [round] = await this.q.select().from(flashSaleRounds).where(eq(flashSaleRounds.id, id)).for('update');
    if (!round) throw notFound(`flash sale round ${id}`);
    if (round.status !== 'draft') throw new AppError(FlashSaleErrors.FLASH_ROUND_NOT_DRAFT, { action: 'published', actionZh: '发布' });
    const now = this.k.clock.now();
    if (round.endsAt <= now) throw new AppError(FlashSaleErrors.FLASH_WINDOW_PAST);
    const items = await this.itemsOf([id]);
    const titles = await this.catalog.sellableVariants(items.map((i) => i.variantId));
    for (const item of items) await this.inventory.reserve(item.id, [{ variantId: item.variantId, quantity: item.stock, title: titles.get(item.variantId)?.title }], 'flashSaleItem');
    const [published] = await this.q.update(flashSaleRounds).set({ status: 'published', updatedAt: now }).where(eq(flashSaleRounds.id, id)).returning();
    this.live.written();
    this.k.db.afterCommit(async () => {
      this.shared = null;
      for (const item of items) await this.gate.load({ itemId: item.id, left: item.stock, perCustomerLimit: item.perCustomerLimit, taken: new Map() });
    });
    return this.view(published, items, new Map(items.map((i) => [i.id, i.stock])));
  }

  /**
   * Cancels a round before its start: a draft simply, a published round with its carve given back
   * to the warehouse (counted as returned). A round already on is not cancelled: it closes at its end.
   */
  async cancel(id: string): Promise<FlashRoundView> {
    const [round] = await this.q.select().from(flashSaleRounds).where(eq(flashSaleRounds.id, id)).for('update');
    if (!round) throw notFound(`flash sale round ${id}`);
    const now = this.k.clock.now();
    if (round.status !== 'draft' && round.status !== 'published') throw new AppError(FlashSaleErrors.FLASH_ROUND_OVER, { status: round.status });
    if (round.status === 'published' && round.startsAt <= now) throw new AppError(FlashSaleErrors.FLASH_ROUND_STARTED);
    const items = await this.itemsOf([id]);
    if (round.status === 'published') {
      for (const item of items) {
        const back = await this.inventory.release(item.id, 'flashSaleItem');
        await this.q.update(flashSaleItems).set({ returned: sql`${flashSaleItems.returned} + ${back}` }).where(eq(flashSaleItems.id, item.id));
      }
    }
    const [cancelled] = await this.q.update(flashSaleRounds).set({ status: 'cancelled', updatedAt: now }).where(eq(flashSaleRounds.id, id)).returning();
    this.live.written();
    this.k.db.afterCommit(async () => {
      this.shared = null;
      for (const item of items) await this.gate.drop(item.id);
    });
    return this.view(cancelled, await this.itemsOf([id]));
  }

  async list(): Promise<FlashRoundView[]> {
    const rounds = await this.q.select().from(flashSaleRounds).orderBy(desc(flashSaleRounds.startsAt)).limit(100);
    const items = await this.itemsOf(rounds.map((r) => r.id));
    const left = await this.gate.left(items.map((i) => i.id));
    return rounds.map((r) => this.view(r, items.filter((i) => i.roundId === r.id), left));
  }

  async get(id: string): Promise<FlashRoundView> {
    const [round] = await this.q.select().from(flashSaleRounds).where(eq(flashSaleRounds.id, id));
    if (!round) throw notFound(`flash sale round ${id}`);
    const items = await this.itemsOf([id]);
    return this.view(round, items, await this.gate.left(items.map((i) => i.id)));
  }

  /**
   * Published rounds not yet over, soonest first, for the storefront (units left from the gate).
   * Every shopper on the round page polls this: it is worked out at most once a second per process
   * and shared (a thousand pollers cost one query a second, not a thousand).
   */
  upcoming(): Promise<FlashRoundView[]> {
    const now = this.k.clock.now().getTime();
    if (this.shared && now - this.shared.at < UPCOMING_SHARED_MS && now >= this.shared.at) return this.shared.value;
    const value = this.loadUpcoming();
    this.shared = { at: now, value };
    value.catch(() => {
      if (this.shared?.value === value) this.shared = null;
    });
    return value;
  }

  private shared: { at: number; value: Promise<FlashRoundView[]> } | null = null;

  private async loadUpcoming(): Promise<FlashRoundView[]> {
    const now = this.k.clock.now();
    const rounds = await this.q
      .select()
      .from(flashSaleRounds)
      .where(and(eq(flashSaleRounds.status, 'published'), sql`${flashSaleRounds.endsAt} > ${now}`))
      .orderBy(asc(flashSaleRounds.startsAt))
      .limit(20);
    const items = await this.itemsOf(rounds.map((r) => r.id));
    const left = await this.gate.left(items.map((i) => i.id));
    return rounds.map((r) => this.view(r, items.filter((i) => i.roundId === r.id), left));
  }

  /**
   * One shopper's attempt. Refused with no database work before the start, after the end, over the
   * limit, when sold out; a win is a claim in the ledger (written in a batch with the other wins of
   * the moment, claim-ledger.ts), answered once it has committed — never past stock, never past the
   * customer's limit, whatever the gate said (a gate loaded while wins were still being written may
   * say yes once too often: the database says no, and the gate is loaded again). Only winners reach
   * the database. Should the write fail, the unit goes back to the gate; should the process die
   * first, the next load from the ledger does not count it.
   */
  async buy(customerId: string, itemId: string, quantity: number, token: string, addressId: string | null = null): Promise<FlashClaimView> {
    const live = await this.open(itemId);
    if (!this.tokens.valid(token, customerId, itemId, live.endsAt, this.k.clock.now().getTime())) throw new AppError(FlashSaleErrors.FLASH_TOKEN_INVALID);
    if (quantity > live.item.perCustomerLimit) throw new AppError(FlashSaleErrors.FLASH_OVER_LIMIT, { limit: live.item.perCustomerLimit });
    let decided = await this.gate.take(itemId, customerId, quantity);
    if (!decided.ok && decided.reason === 'notLoaded') {
      await this.reload(live.item);
      decided = await this.gate.take(itemId, customerId, quantity);
    }
    if (!decided.ok) {
      if (decided.reason === 'limit') throw new AppError(FlashSaleErrors.FLASH_LIMIT_REACHED, { limit: live.item.perCustomerLimit });
      throw new AppError(FlashSaleErrors.FLASH_SOLD_OUT);
    }
    const at = this.k.clock.now();
    const claim: Claim = { id: newId(), itemId, customerId, quantity, state: 'decided', orderId: null, addressId, releasedReason: null, failure: null, createdAt: at, updatedAt: at };
    let written: Written;
    try {
      written = await this.ledger.write(claim, live.item.perCustomerLimit);
    } catch (err) {
      await this.gate.giveBack(itemId, customerId, quantity);
      throw err;
    }
    if (written === 'ok') return claimView(claim);
    // The gate said yes where the ledger says no: it was loaded with wins still being written.
    await this.reload(live.item);
    if (written === 'limit') throw new AppError(FlashSaleErrors.FLASH_LIMIT_REACHED, { limit: live.item.perCustomerLimit });
    throw new AppError(FlashSaleErrors.FLASH_SOLD_OUT);
  }

  /**
   * The refusal of an attempt (or a token request) known before anything else is looked at — the
   * item's round has not started or is over, or the gate knows it is sold out — or null: ask the
   * whole way. Answered before the shopper is signed in, the body read or any limit counted
   * (routes.ts): once a round sells out, the crowd pressing on costs what a bare route costs.
   */
  quickRefusal(itemId: string): AppError | null {
    const live = this.live.peek('live')?.get(itemId);
    if (!live) return null;
    const now = this.k.clock.now().getTime();
    if (now < live.startsAt) return this.notStarted(live);
    if (now >= live.endsAt) return (ENDED ??= new AppError(FlashSaleErrors.FLASH_ENDED));
    if (this.gate.soldOut(itemId)) return (SOLD_OUT ??= new AppError(FlashSaleErrors.FLASH_SOLD_OUT));
    return null;
  }

  private notStarted(live: LiveItem): AppError {
    const startsAt = new Date(live.startsAt);
    return new AppError(FlashSaleErrors.FLASH_NOT_STARTED, { startsAt: startsAt.toISOString(), startsAtZh: startsAt.toLocaleString('zh-CN', { timeZone: this.k.timezone.get(), hour12: false }) });
  }

  /**
   * A buy token for the shopper, only inside the round's window (before the start: refused with the
   * start time) and only with a saved address to send the order to (a win becomes an order at once).
   */
  async token(customerId: string, itemId: string): Promise<{ token: string; expiresAt: string }> {
    const live = await this.open(itemId);
    if (!(await this.hasAddress(customerId))) throw new AppError(FlashSaleErrors.FLASH_ADDRESS_NEEDED);
    return { token: this.tokens.issue(customerId, itemId, live.endsAt), expiresAt: new Date(live.endsAt).toISOString() };
  }

  /**
   * Whether the shopper has a saved address: a crowd's token requests of the moment are asked in one
   * statement, and a yes is remembered (an address deleted later only means the order cannot be
   * made: the claim is released with FLASH_ADDRESS_NEEDED, as orders.ts does).
   */
  private async hasAddress(customerId: string): Promise<boolean> {
    if (this.addressed.has(customerId)) return true;
    if (!(await this.addressOwners(customerId))) return false;
    if (this.addressed.size >= REMEMBERED_ADDRESSED) this.addressed.clear();
    this.addressed.add(customerId);
    return true;
  }

  /** The item from the in-process copy if its round is on now; refused with no database work otherwise. */
  private async open(itemId: string): Promise<LiveItem> {
    const live = (await this.live.read('live', () => this.loadLive())).get(itemId);
    if (!live) throw notFound(`flash sale item ${itemId}`);
    const now = this.k.clock.now().getTime();
    if (now < live.startsAt) throw this.notStarted(live);
    if (now >= live.endsAt) throw new AppError(FlashSaleErrors.FLASH_ENDED);
    return live;
  }

  /** The gate's counters for an item, from the ledger: what a restart or an emptied Redis needs. */
  async reload(item: Item): Promise<void> {
    const [current] = await this.q.select({ claimed: flashSaleItems.claimed, returned: flashSaleItems.returned }).from(flashSaleItems).where(eq(flashSaleItems.id, item.id));
    const rows = await this.q
      .select({ customerId: flashSaleClaims.customerId, units: sql<number>`sum(${flashSaleClaims.quantity})::int` })
      .from(flashSaleClaims)
      .where(and(eq(flashSaleClaims.itemId, item.id), ne(flashSaleClaims.state, 'released')))
      .groupBy(flashSaleClaims.customerId);
    const taken = new Map(rows.map((r) => [r.customerId, Number(r.units)] as const));
    await this.gate.load({ itemId: item.id, left: current ? Math.max(0, item.stock - current.claimed - current.returned) : 0, perCustomerLimit: item.perCustomerLimit, taken });
  }

  /** Reloads every item of the published rounds not yet over (at start-up, and as a recurring check). */
  async reloadAll(): Promise<number> {
    const now = this.k.clock.now();
    const rounds = await this.q.select({ id: flashSaleRounds.id }).from(flashSaleRounds).where(and(eq(flashSaleRounds.status, 'published'), sql`${flashSaleRounds.endsAt} > ${now}`));
    const items = await this.itemsOf(rounds.map((r) => r.id));
    for (const item of items) await this.reload(item);
    return items.length;
  }

  /** Every unit of a round accounted for: stock = left + units in claims not released + units returned to the warehouse. */
  async report(id: string): Promise<FlashItemReport[]> {
    const [round] = await this.q.select().from(flashSaleRounds).where(eq(flashSaleRounds.id, id));
    const items = await this.itemsOf([id]);
    if (!round || items.length === 0) throw notFound(`flash sale round ${id}`);
    const rows = await this.q
      .select({ itemId: flashSaleClaims.itemId, state: flashSaleClaims.state, units: sql<number>`sum(${flashSaleClaims.quantity})::int` })
      .from(flashSaleClaims)
      .where(inArray(flashSaleClaims.itemId, items.map((i) => i.id)))
      .groupBy(flashSaleClaims.itemId, flashSaleClaims.state);
    const left = await this.gate.left(items.map((i) => i.id));
    return items.map((item) => {
      const units = { decided: 0, ordered: 0, paid: 0, released: 0 };
      for (const r of rows) if (r.itemId === item.id) units[r.state] = Number(r.units);
      // A closed or cancelled round offers nothing: what it did not sell is in `returned`.
      const l = round.status === 'closed' || round.status === 'cancelled' ? 0 : (left.get(item.id) ?? null);
      const accounted = l !== null && l + units.decided + units.ordered + units.paid + item.returned === item.stock;
      return { itemId: item.id, variantId: item.variantId, stock: item.stock, units, returned: item.returned, left: l, accounted };
    });
  }

  /**
   * Closes rounds that have ended (the recurring job `marketing.flash-sales.close`): the carve's
   * unsold units go back to the warehouse (ledger rows under the item) and count as returned. A round
   * with a win still waiting for its order waits a minute more (the order takes its units from the carve).
   */
  async closeDue(): Promise<number> {
    const now = this.k.clock.now();
    const due = await this.q.select({ id: flashSaleRounds.id }).from(flashSaleRounds).where(and(eq(flashSaleRounds.status, 'published'), sql`${flashSaleRounds.endsAt} <= ${now}`));
    let closed = 0;
    for (const { id } of due) if (await this.k.db.transaction(() => this.closeRound(id))) closed++;
    return closed;
  }

  private async closeRound(id: string): Promise<boolean> {
    const [round] = await this.q.select().from(flashSaleRounds).where(eq(flashSaleRounds.id, id)).for('update');
    if (round?.status !== 'published') return false;
    const items = await this.itemsOf([id]);
    const [waiting] = await this.q
      .select({ n: sql<number>`count(*)::int` })
      .from(flashSaleClaims)
      .where(and(inArray(flashSaleClaims.itemId, items.map((i) => i.id)), eq(flashSaleClaims.state, 'decided')));
    if (Number(waiting.n) > 0) return false;
    for (const item of items) {
      const back = await this.inventory.release(item.id, 'flashSaleItem');
      await this.q.update(flashSaleItems).set({ returned: sql`${flashSaleItems.returned} + ${back}` }).where(eq(flashSaleItems.id, item.id));
    }
    await this.q.update(flashSaleRounds).set({ status: 'closed', updatedAt: this.k.clock.now() }).where(eq(flashSaleRounds.id, id));
    this.live.written();
    this.k.db.afterCommit(async () => {
      this.shared = null;
      for (const item of items) await this.gate.drop(item.id);
    });
    return true;
  }

  /** One of the shopper's own claims (the storefront polls it until the order is made). */
  async claimOf(customerId: string, id: string): Promise<FlashClaimView> {
    const [claim] = await this.q.select().from(flashSaleClaims).where(and(eq(flashSaleClaims.id, id), eq(flashSaleClaims.customerId, customerId)));
    if (!claim) throw notFound(`flash sale claim ${id}`);
    return claimView(claim);
  }

  close(): Promise<void> {
    return this.gate.close();
  }

  private async loadLive(): Promise<Map<string, LiveItem>> {
    const now = this.k.clock.now();
    const rounds = await this.q.select().from(flashSaleRounds).where(and(eq(flashSaleRounds.status, 'published'), sql`${flashSaleRounds.endsAt} > ${now}`));
    const items = await this.itemsOf(rounds.map((r) => r.id));
    const byId = new Map(rounds.map((r) => [r.id, r] as const));
    return new Map(items.map((item) => {
      const r = byId.get(item.roundId)!;
      return [item.id, { item, startsAt: r.startsAt.getTime(), endsAt: r.endsAt.getTime() }] as const;
    }));
  }

  private async itemsOf(roundIds: string[]): Promise<Item[]> {
    if (roundIds.length === 0) return [];
    return this.q.select().from(flashSaleItems).where(inArray(flashSaleItems.roundId, roundIds)).orderBy(asc(flashSaleItems.createdAt), asc(flashSaleItems.id));
  }

  private view(r: Round, items: Item[], left: ReadonlyMap<string, number | null> = new Map()): FlashRoundView {
    return {
      id: r.id,
      name: r.name,
      startsAt: r.startsAt.toISOString(),
      endsAt: r.endsAt.toISOString(),
      status: r.status,
      items: items.map((i): FlashItemView => ({ id: i.id, variantId: i.variantId, productId: i.productId, flashPrice: i.flashPrice, stock: i.stock, perCustomerLimit: i.perCustomerLimit, left: left.get(i.id) ?? null })),
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    };
  }
}

function claimView(c: Claim): FlashClaimView {
  return { id: c.id, itemId: c.itemId, quantity: c.quantity, state: c.state, orderId: c.orderId, releasedReason: c.releasedReason, failure: c.failure, createdAt: c.createdAt.toISOString() };
}
