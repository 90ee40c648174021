import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Kernel } from '../../platform/kernel.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { CatalogService, SellableVariant } from '../catalog/index.js';
import { cartItems, carts } from './schema.js';
import { CartErrors, MAX_LINES, MAX_QUANTITY } from './errors.js';

export type CartRow = typeof carts.$inferSelect;

/** Who is asking for a cart: the signed-in shopper and/or the guest cart token they hold. */
export interface CartAccess {
  customerId: string | null;
  token: string | null;
}

export interface CartLine {
  itemId: string;
  variantId: string;
  quantity: number;
  variant: SellableVariant | null;
}

/** The cache tag of everything derived from one cart. */
const cartTag = (cartId: string) => `cart:${cartId}`;

/** A cart's state and unit count, with what the access rule needs. */
export interface CartSummary {
  id: string;
  status: CartRow['status'];
  customerId: string | null;
  tokenHash: string;
  itemCount: number;
}

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export class CartService {
  constructor(
    private readonly k: Kernel,
    private readonly catalog: CatalogService,
  ) {}

  private get q() {
    return this.k.db.q;
  }

  /**
   * A signed-in shopper gets their open cart (created if none) with its lines; a guest a new one
   * with a token. One statement for a cart that exists (its items come with it), one for a new one.
   */
  async open(customerId: string | null): Promise<{ cart: CartRow; token: string | null; lines: CartLine[] }> {
    if (customerId) {
      const [existing] = await this.q
        .select({ cart: carts, items: itemsOf() })
        .from(carts)
        .where(and(eq(carts.customerId, customerId), eq(carts.status, 'open')))
        .orderBy(asc(carts.createdAt))
        .limit(1);
      if (existing) return { cart: existing.cart, token: null, lines: await this.withVariants(existing.items) };
    }
    const token = randomBytes(24).toString('base64url');
    const now = this.k.clock.now();
    const cart: CartRow = { id: newId(), customerId, tokenHash: hash(token), status: 'open', createdAt: now, updatedAt: now };
    await this.q.insert(carts).values(cart);
    return { cart, token: customerId ? null : token, lines: [] };
  }

  async openCartOf(customerId: string): Promise<CartRow | undefined> {
    const [row] = await this.q
      .select()
      .from(carts)
      .where(and(eq(carts.customerId, customerId), eq(carts.status, 'open')))
      .orderBy(asc(carts.createdAt))
      .limit(1);
    return row;
  }

  /**
   * The cart if the caller may use it: their own, or a guest cart whose token they hold.
   * Anything else is "not found" — a guessed id reveals nothing.
   */
  async get(cartId: string, access: CartAccess, opts: { forUpdate?: boolean } = {}): Promise<CartRow> {
    const base = this.q.select().from(carts).where(eq(carts.id, cartId));
    const [cart] = opts.forUpdate ? await base.for('update') : await base;
    if (!cart || !mayUse(cart, access)) throw new AppError(CartErrors.CART_NOT_FOUND, { id: cartId });
    return cart;
  }

  /**
   * The cart and how many units it holds: what a page header shows on every page view, without
   * pricing the lines. Same access rule as `get`. Kept in the response cache under the cart's tag
   * until a write to the cart (here, in any process) drops it — so a shopper browsing costs no
   * database read per page.
   */
  async summary(cartId: string, access: CartAccess): Promise<CartSummary> {
    const key = `cart-summary:${cartId}`;
    const hit = this.k.cache.get(key);
    let row: CartSummary | undefined = hit ? (JSON.parse(hit.body) as CartSummary) : undefined;
    if (!row) {
      const generation = this.k.cache.currentGeneration;
      [row] = await this.q
        .select({
          id: carts.id,
          status: carts.status,
          customerId: carts.customerId,
          tokenHash: carts.tokenHash,
          itemCount: sql<number>`coalesce(sum(${cartItems.quantity}), 0)::int`,
        })
        .from(carts)
        .leftJoin(cartItems, eq(cartItems.cartId, carts.id))
        .where(eq(carts.id, cartId))
        .groupBy(carts.id);
      if (row) this.k.cache.set(key, { body: JSON.stringify(row), tags: [cartTag(cartId)] }, generation);
    }
    if (!row || !mayUse(row, access)) throw new AppError(CartErrors.CART_NOT_FOUND, { id: cartId });
    return row;
  }

  /**
   * Checkout takes the cart: in one statement it is locked and closed (`ordered`) and its items come
   * back with it; then their variants, read fresh (the price charged is never a cached one). Null
   * for the caller's cart that is no longer open; a cart not theirs is "not found" (and the caller's
   * transaction rolls back on the error, so nothing changed). Same access rule as `get`.
   */
  async takeForOrder(cartId: string, access: CartAccess): Promise<{ cart: CartRow; lines: CartLine[] } | null> {
    const now = this.k.clock.now();
    const [row] = await this.q
      .update(carts)
      .set({ status: 'ordered', updatedAt: now })
      .where(and(eq(carts.id, cartId), eq(carts.status, 'open')))
      .returning({ id: carts.id, customerId: carts.customerId, tokenHash: carts.tokenHash, createdAt: carts.createdAt, items: itemsOf() });
    if (!row) {
      await this.get(cartId, access); // not the caller's (or none): "not found"; theirs but closed: null
      return null;
    }
    if (!mayUse(row, access)) throw new AppError(CartErrors.CART_NOT_FOUND, { id: cartId });
    this.changed(cartId);
    const variants = await this.catalog.sellableVariants(row.items.map((i) => i.variantId));
    const { items, ...cart } = row;
    return { cart: { ...cart, status: 'ordered', updatedAt: now }, lines: items.map((i) => lineOf(i, variants)) };
  }

  /** A cart's lines as its answer shows them (variants from the catalog's in-process copy). */
  async lines(cartId: string): Promise<CartLine[]> {
    const items = await this.q.select().from(cartItems).where(eq(cartItems.cartId, cartId)).orderBy(asc(cartItems.addedAt), asc(cartItems.id));
    return this.withVariants(items);
  }

  private async withVariants(items: ReadonlyArray<{ id: string; variantId: string; quantity: number }>): Promise<CartLine[]> {
    const variants = await this.catalog.sellableVariants(items.map((i) => i.variantId), { cached: true });
    return items.map((i) => lineOf(i, variants));
  }

  /**
   * Lines for items bought without the cart (立即购买): the same shape as a cart's lines, each with
   * a new line id (it becomes the order line's id), so checkout prices and orders them alike.
   */
  async linesFor(items: ReadonlyArray<{ variantId: string; quantity: number }>): Promise<CartLine[]> {
    const variants = await this.catalog.sellableVariants(items.map((i) => i.variantId));
    return items.map((i) => ({ itemId: newId(), variantId: i.variantId, quantity: i.quantity, variant: variants.get(i.variantId) ?? null }));
  }

  /**
   * Adds units of a variant, inside the caller's transaction; returns the cart and its lines after.
   * The cart row is locked and touched by one update; the item is added (or its quantity raised)
   * within the line and quantity limits by one more statement, which also returns every line.
   */
  async addItem(cartId: string, access: CartAccess, variantId: string, quantity: number): Promise<{ cart: CartRow; lines: CartLine[] }> {
    const now = this.k.clock.now();
    const [cart] = await this.q.update(carts).set({ updatedAt: now }).where(eq(carts.id, cartId)).returning();
    if (!cart || !mayUse(cart, access)) throw new AppError(CartErrors.CART_NOT_FOUND, { id: cartId });
    assertOpen(cart);
    const v = (await this.catalog.sellableVariants([variantId], { cached: true })).get(variantId);
    if (!v?.sellable) throw new AppError(CartErrors.VARIANT_NOT_SELLABLE, { id: variantId });
    const res = await this.q.execute(sql`
      with added as (
        insert into cart_items (id, cart_id, variant_id, quantity, added_at)
        select ${newId()}::uuid, ${cartId}::uuid, ${variantId}::uuid, ${quantity}::int, ${now}::timestamptz
        where exists (select 1 from cart_items where cart_id = ${cartId} and variant_id = ${variantId})
           or (select count(*) from cart_items where cart_id = ${cartId}) < ${MAX_LINES}
        on conflict (cart_id, variant_id) do update set quantity = cart_items.quantity + excluded.quantity
          where cart_items.quantity + excluded.quantity <= ${MAX_QUANTITY}
        returning id, variant_id, quantity, added_at
      )
      select 'added' as src, id, variant_id as "variantId", quantity, added_at from added
      union all
      select case when variant_id = ${variantId} then 'before' else 'other' end, id, variant_id, quantity, added_at
      from cart_items where cart_id = ${cartId}`);
    const rows = (res as unknown as { rows: Array<{ src: string; id: string; variantId: string; quantity: number; added_at: string | Date }> }).rows;
    if (!rows.some((r) => r.src === 'added')) {
      if (rows.some((r) => r.src === 'before')) throw new AppError(CartErrors.QUANTITY_TOO_LARGE, { max: MAX_QUANTITY });
      throw new AppError(CartErrors.CART_TOO_LARGE, { max: MAX_LINES });
    }
    const items = rows
      .filter((r) => r.src !== 'before')
      .map((r) => ({ ...r, at: new Date(r.added_at).getTime() }))
      .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.changed(cartId);
    return { cart, lines: await this.withVariants(items) };
  }

  /** Sets an item's quantity; 0 removes it. */
  async setQuantity(cart: CartRow, itemId: string, quantity: number): Promise<void> {
    assertOpen(cart);
    const where = and(eq(cartItems.id, itemId), eq(cartItems.cartId, cart.id));
    const changed =
      quantity === 0
        ? await this.q.delete(cartItems).where(where).returning({ id: cartItems.id })
        : await this.q.update(cartItems).set({ quantity }).where(where).returning({ id: cartItems.id });
    if (!changed.length) throw new AppError(CartErrors.CART_ITEM_NOT_FOUND, { id: itemId });
    await this.touch(cart.id);
  }

  /**
   * Login with a guest cart: its items join the shopper's open cart (quantities add up) and
   * the guest cart is closed. Does nothing for a token that is not a guest cart's.
   */
  async mergeGuestCart(customerId: string, guestCartId: string, token: string): Promise<CartRow | null> {
    const [guest] = await this.q.select().from(carts).where(eq(carts.id, guestCartId)).for('update');
    if (!guest || guest.customerId || guest.status !== 'open' || !mayUse(guest, { customerId: null, token })) return null;
    const target = await this.openCartOf(customerId);
    if (!target) {
      await this.q.update(carts).set({ customerId, updatedAt: this.k.clock.now() }).where(eq(carts.id, guest.id));
      this.changed(guest.id);
      return { ...guest, customerId };
    }
    const items = await this.q.select().from(cartItems).where(eq(cartItems.cartId, guest.id));
    for (const i of items) {
      await this.q
        .insert(cartItems)
        .values({ id: newId(), cartId: target.id, variantId: i.variantId, quantity: i.quantity, addedAt: i.addedAt })
        .onConflictDoUpdate({
          target: [cartItems.cartId, cartItems.variantId],
          set: { quantity: sql`least(${cartItems.quantity} + ${i.quantity}, ${MAX_QUANTITY})` },
        });
    }
    await this.q.update(carts).set({ status: 'merged', updatedAt: this.k.clock.now() }).where(eq(carts.id, guest.id));
    this.changed(guest.id);
    await this.touch(target.id);
    return target;
  }

  /** Sign-in with a guest cart token (cookie or header): merges the open guest cart it names, if any. */
  async mergeGuestCartByToken(customerId: string, token: string): Promise<CartRow | null> {
    const [guest] = await this.q
      .select({ id: carts.id })
      .from(carts)
      .where(and(eq(carts.tokenHash, hash(token)), eq(carts.status, 'open'), sql`${carts.customerId} is null`));
    return guest ? this.mergeGuestCart(customerId, guest.id, token) : null;
  }

  /** Checkout took the cart: it is closed and a new one starts next time. */
  async markOrdered(cartId: string): Promise<void> {
    await this.q.update(carts).set({ status: 'ordered', updatedAt: this.k.clock.now() }).where(eq(carts.id, cartId));
    this.changed(cartId);
  }

  private async touch(cartId: string) {
    await this.q.update(carts).set({ updatedAt: this.k.clock.now() }).where(eq(carts.id, cartId));
    this.changed(cartId);
  }

  /** Every write to a cart ends here: its cached summary goes once the write commits. */
  private changed(cartId: string) {
    this.k.db.afterCommit(() => this.k.cache.invalidate(cartTag(cartId)));
  }
}

/** A cart's items as a JSON list beside its row: one statement for a cart and its items. */
function itemsOf() {
  return sql<Array<{ id: string; variantId: string; quantity: number }>>`coalesce((
    select json_agg(json_build_object('id', i.id, 'variantId', i.variant_id, 'quantity', i.quantity) order by i.added_at, i.id)
    from cart_items i where i.cart_id = cart_carts.id), '[]'::json)`;
}

function lineOf(i: { id: string; variantId: string; quantity: number }, variants: Map<string, SellableVariant>): CartLine {
  return { itemId: i.id, variantId: i.variantId, quantity: i.quantity, variant: variants.get(i.variantId) ?? null };
}

function mayUse(cart: Pick<CartRow, 'customerId' | 'tokenHash'>, access: CartAccess): boolean {
  if (cart.customerId) return cart.customerId === access.customerId;
  if (!access.token) return false;
  const a = Buffer.from(hash(access.token));
  const b = Buffer.from(cart.tokenHash);
  return a.length === b.length && timingSafeEqual(a, b);
}

function assertOpen(cart: CartRow) {
  if (cart.status !== 'open') throw new AppError(CartErrors.CART_CLOSED);
}
