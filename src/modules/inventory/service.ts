import { z } from 'zod';
import { and, asc, desc, eq, gt, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Kernel } from '../../platform/kernel.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { cursorKey, listCursor, toPage } from '../../platform/http/pagination.js';
import type { Localized } from '../../platform/i18n.js';
import { reservations, stockLedger, stockLevels, warehouses } from './schema.js';
import { InventoryErrors } from './errors.js';
import { InventoryEvents } from './events.js';

/** The lists' cursors: their sort keys, signed (platform/http/pagination.ts). */
const stockCursor = listCursor('inventory.stock', z.tuple([cursorKey.id, cursorKey.id]));
const ledgerCursor = listCursor('inventory.ledger', z.tuple([cursorKey.serial]));

type Reason = (typeof stockLedger.$inferInsert)['reason'];
/** What a reservation is held for: an order, or a flash sale item's carved stock. */
export type StockRefType = 'order' | 'flashSaleItem';

export interface StockLine {
  variantId: string;
  quantity: number;
  /** For messages only: the shopper reads them, so a title (never the SKU code). */
  title?: Localized;
}

/** At or below this many units an out-of-stock message tells how many are left (as product pages do). */
const FEW_LEFT = 10;

interface Movement {
  variantId: string;
  warehouseId: string;
  deltaOnHand: number;
  deltaReserved: number;
  reason: Reason;
  refType?: string;
  refId?: string;
  note?: string;
  staffId?: string;
}

/**
 * Stock per variant and warehouse. Every change is a conditional UPDATE (so concurrent buyers
 * can never take stock below zero, on PGlite or PostgreSQL) plus a ledger row in the same
 * transaction. Reservations are keyed by order, so commit/release/restock are idempotent.
 */
export class InventoryService {
  constructor(private readonly k: Kernel) {}

  private get q() {
    return this.k.db.q;
  }

  async ensureDefaultWarehouse(): Promise<string> {
    const [existing] = await this.q.select({ id: warehouses.id }).from(warehouses).where(eq(warehouses.isDefault, true));
    if (existing) return existing.id;
    const id = newId();
    await this.q
      .insert(warehouses)
      .values({ id, code: 'MAIN', name: { 'zh-CN': '主仓', en: 'Main warehouse' }, isDefault: true, createdAt: this.k.clock.now() })
      .onConflictDoNothing();
    const [row] = await this.q.select({ id: warehouses.id }).from(warehouses).where(eq(warehouses.code, 'MAIN'));
    return row.id;
  }

  listWarehouses() {
    return this.q.select().from(warehouses).orderBy(desc(warehouses.isDefault), asc(warehouses.code));
  }

  async createWarehouse(input: { code: string; name: Localized }) {
    const id = newId();
    const inserted = await this.q
      .insert(warehouses)
      .values({ id, ...input, createdAt: this.k.clock.now() })
      .onConflictDoNothing()
      .returning();
    if (!inserted.length) throw new AppError(InventoryErrors.WAREHOUSE_CODE_TAKEN, { code: input.code });
    return inserted[0];
  }

  /** Units available to sell now, per variant, over all warehouses. */
  async availability(variantIds: string[]): Promise<Map<string, number>> {
    if (variantIds.length === 0) return new Map();
    const rows = await this.q
      .select({ variantId: stockLevels.variantId, available: sql<number>`sum(${stockLevels.onHand} - ${stockLevels.reserved})::int` })
      .from(stockLevels)
      .where(inArray(stockLevels.variantId, variantIds))
      .groupBy(stockLevels.variantId);
    return new Map(rows.map((r) => [r.variantId, Number(r.available)]));
  }

  /** Every variant with units to sell now (over all warehouses), for stock-level filters. */
  async variantsInStock(): Promise<Map<string, number>> {
    const available = sql<number>`sum(${stockLevels.onHand} - ${stockLevels.reserved})::int`;
    const rows = await this.q
      .select({ variantId: stockLevels.variantId, available })
      .from(stockLevels)
      .groupBy(stockLevels.variantId)
      .having(sql`sum(${stockLevels.onHand} - ${stockLevels.reserved}) > 0`);
    return new Map(rows.map((r) => [r.variantId, Number(r.available)]));
  }

  /** Stock rows for staff: per variant and warehouse. */
  async stockOf(variantIds: string[]) {
    if (variantIds.length === 0) return [];
    return this.q.select().from(stockLevels).where(inArray(stockLevels.variantId, variantIds));
  }

  /**
   * A zero stock row in the default warehouse for each new variant that has none anywhere, so the
   * stock screen lists it (and it can be adjusted) before its first receipt. Zero needs no ledger
   * entry: the ledger's sums stay equal to the figures.
   */
  async openStockRows(variantIds: string[]): Promise<void> {
    if (variantIds.length === 0) return;
    const present = new Set((await this.stockOf(variantIds)).map((r) => r.variantId));
    const missing = variantIds.filter((id) => !present.has(id));
    if (missing.length === 0) return;
    const warehouseId = await this.ensureDefaultWarehouse();
    const now = this.k.clock.now();
    await this.q
      .insert(stockLevels)
      .values(missing.map((variantId) => ({ variantId, warehouseId, onHand: 0, reserved: 0, updatedAt: now })))
      .onConflictDoNothing();
  }

  /** Staff adjustment: `delta` added to on-hand (a receipt when positive with reason 'receipt'). */
  async adjust(input: { variantId: string; warehouseId: string; delta: number; reason: 'receipt' | 'adjustment'; note?: string; staffId?: string }) {
    await this.requireWarehouse(input.warehouseId);
    const now = this.k.clock.now();
    await this.q
      .insert(stockLevels)
      .values({ variantId: input.variantId, warehouseId: input.warehouseId, onHand: 0, reserved: 0, updatedAt: now })
      .onConflictDoNothing();
    const [row] = await this.q
      .update(stockLevels)
      .set({ onHand: sql`${stockLevels.onHand} + ${input.delta}`, updatedAt: now })
      .where(
        and(
          eq(stockLevels.variantId, input.variantId),
          eq(stockLevels.warehouseId, input.warehouseId),
          sql`${stockLevels.onHand} + ${input.delta} >= ${stockLevels.reserved}`,
        ),
      )
      .returning();
    if (!row) {
      const [cur] = await this.stockRow(input.variantId, input.warehouseId);
      throw new AppError(InventoryErrors.STOCK_BELOW_RESERVED, { reserved: cur?.reserved ?? 0 });
    }
    await this.ledger([{ ...input, deltaOnHand: input.delta, deltaReserved: 0, refType: 'adjustment' }], [row]);
    await this.changed([input.variantId], input.reason);
    return row;
  }

  /**
   * Holds stock for an order — or, with `refType` 'flashSaleItem', carves a flash sale's stock out of
   * the warehouse under the item's id (decision 0040). Throws OUT_OF_STOCK (and the caller's
   * transaction rolls back).
   */
  async reserve(orderId: string, lines: StockLine[], refType: StockRefType = 'order'): Promise<void> {
    const now = this.k.clock.now();
    // A fixed lock order (by variant) keeps concurrent multi-line orders from deadlocking.
    const sorted = mergeLines(lines).sort((a, b) => a.variantId.localeCompare(b.variantId));
    // Announced first (it rolls back with the rest if a line is short): the stock rows are locked
    // last, so buyers of the same SKU wait only for this transaction's commit (decision 0032).
    await this.changed(sorted.map((l) => l.variantId), 'reserve');
    for (const line of sorted) {
      if (!(await this.reserveWhole(orderId, line, now, refType))) await this.reserveSplit(orderId, line, now, refType);
    }
  }

  /**
   * Holds a line whole from one warehouse if one has it, in one statement — or nothing at all (false).
   * For a caller that has somewhere else to put the units when there is none (a flash sale taking
   * back a cancelled order's unit), so no error and no half-held line.
   */
  async tryHold(refId: string, line: StockLine, refType: StockRefType): Promise<boolean> {
    const held = await this.reserveWhole(refId, line, this.k.clock.now(), refType);
    if (held) await this.changed([line.variantId], 'reserve');
    return held;
  }

  /**
   * The usual case in one statement: the first active warehouse (default first) that holds the
   * whole line takes it — conditional update, reservation and ledger row together. False when no
   * single warehouse can (or a concurrent buyer took it first): the line is split instead.
   */
  private async reserveWhole(orderId: string, line: StockLine, now: Date, refType: StockRefType): Promise<boolean> {
    const res = await this.q.execute(sql`
      with pick as (
        select s.variant_id, s.warehouse_id from inventory_stock s
        join inventory_warehouses w on w.id = s.warehouse_id and w.active
        where s.variant_id = ${line.variantId} and s.on_hand - s.reserved >= ${line.quantity}
        order by w.is_default desc, w.code asc limit 1
      ), taken as (
        update inventory_stock s set reserved = s.reserved + ${line.quantity}::int, updated_at = ${now}::timestamptz
        from pick where s.variant_id = pick.variant_id and s.warehouse_id = pick.warehouse_id
          and s.on_hand - s.reserved >= ${line.quantity}
        returning s.variant_id, s.warehouse_id, s.on_hand, s.reserved
      ), held as (
        insert into inventory_reservations (id, order_id, variant_id, warehouse_id, quantity, status, created_at)
        select ${newId()}::uuid, ${orderId}::uuid, variant_id, warehouse_id, ${line.quantity}::int, 'held', ${now}::timestamptz from taken
      )
      insert into inventory_ledger (variant_id, warehouse_id, delta_on_hand, delta_reserved, on_hand_after, reserved_after, reason, ref_type, ref_id, at)
      select variant_id, warehouse_id, 0, ${line.quantity}::int, on_hand, reserved, 'reserve', ${refType}::text, ${orderId}::text, ${now}::timestamptz from taken
      returning 1`);
    return (res as unknown as { rows: unknown[] }).rows.length === 1;
  }

  /** A line no single warehouse holds whole: taken warehouse by warehouse, or refused. */
  private async reserveSplit(orderId: string, line: StockLine, now: Date, refType: StockRefType): Promise<void> {
    const candidates = await this.q
      .select()
      .from(stockLevels)
      .innerJoin(warehouses, eq(warehouses.id, stockLevels.warehouseId))
      .where(and(eq(stockLevels.variantId, line.variantId), eq(warehouses.active, true)))
      .orderBy(desc(warehouses.isDefault), asc(warehouses.code));
    let needed = line.quantity;
    for (const { inventory_stock: s } of candidates) {
      if (needed === 0) break;
      const take = Math.min(needed, s.onHand - s.reserved);
      if (take <= 0) continue;
      const [row] = await this.q
        .update(stockLevels)
        .set({ reserved: sql`${stockLevels.reserved} + ${take}`, updatedAt: now })
        .where(
          and(
            eq(stockLevels.variantId, s.variantId),
            eq(stockLevels.warehouseId, s.warehouseId),
            sql`${stockLevels.onHand} - ${stockLevels.reserved} >= ${take}`,
          ),
        )
        .returning();
      if (!row) continue; // someone took it meanwhile; try the next warehouse
      needed -= take;
      await this.q.insert(reservations).values({
        id: newId(),
        orderId,
        variantId: s.variantId,
        warehouseId: s.warehouseId,
        quantity: take,
        status: 'held',
        createdAt: now,
      });
      await this.ledger(
        [{ variantId: s.variantId, warehouseId: s.warehouseId, deltaOnHand: 0, deltaReserved: take, reason: 'reserve', refType, refId: orderId }],
        [row],
      );
    }
    if (needed > 0) {
      // What was there before this line took its part (the transaction rolls the part back).
      const available = line.quantity - needed + ((await this.availability([line.variantId])).get(line.variantId) ?? 0);
      // The exact figure is the store's; the shopper learns it only when a few (not none) are left.
      const left = available > 0 && available <= FEW_LEFT ? available : null;
      const code = left === null ? InventoryErrors.OUT_OF_STOCK : InventoryErrors.FEW_LEFT;
      throw new AppError(code, { itemZh: line.title?.['zh-CN'] ?? '商品', itemEn: line.title?.en ?? 'An item', left: left ?? '' }, { variantId: line.variantId, left });
    }
  }

  /**
   * Moves held units from one holder to an order (a flash sale's carve to the order made from a win):
   * the carve's reservation shrinks and the order's grows in the same warehouse, so the stock row's
   * figures do not change and no other buyer can take the units in between. Two ledger rows (release
   * from the holder, reserve for the order) keep the history. Throws OUT_OF_STOCK if the holder has
   * fewer units held (the caller's transaction rolls back).
   */
  async moveHeld(fromRef: string, fromType: StockRefType, orderId: string, line: StockLine): Promise<void> {
    const rows = await this.q
      .select()
      .from(reservations)
      .where(and(eq(reservations.orderId, fromRef), eq(reservations.variantId, line.variantId), eq(reservations.status, 'held'), gt(reservations.quantity, 0)))
      .orderBy(asc(reservations.warehouseId), asc(reservations.id))
      .for('update');
    if (rows.reduce((n, r) => n + r.quantity, 0) < line.quantity) {
      throw new AppError(InventoryErrors.OUT_OF_STOCK, { itemZh: line.title?.['zh-CN'] ?? '商品', itemEn: line.title?.en ?? 'An item', left: '' }, { variantId: line.variantId, left: null });
    }
    const now = this.k.clock.now();
    let needed = line.quantity;
    for (const r of rows) {
      if (needed === 0) break;
      const take = Math.min(needed, r.quantity);
      needed -= take;
      await this.q.update(reservations).set({ quantity: r.quantity - take }).where(eq(reservations.id, r.id));
      await this.q.insert(reservations).values({ id: newId(), orderId, variantId: r.variantId, warehouseId: r.warehouseId, quantity: take, status: 'held', createdAt: now });
      const [stock] = await this.q
        .select({ onHand: stockLevels.onHand, reserved: stockLevels.reserved })
        .from(stockLevels)
        .where(and(eq(stockLevels.variantId, r.variantId), eq(stockLevels.warehouseId, r.warehouseId)));
      const at = { variantId: r.variantId, warehouseId: r.warehouseId, deltaOnHand: 0 };
      await this.ledger(
        [
          { ...at, deltaReserved: -take, reason: 'release', refType: fromType, refId: fromRef },
          { ...at, deltaReserved: take, reason: 'reserve', refType: 'order', refId: orderId },
        ],
        [{ onHand: stock.onHand, reserved: stock.reserved - take }, stock],
      );
    }
  }

  /** Payment received: the held units leave stock (on-hand and reserved both drop). */
  commit(orderId: string): Promise<number> {
    return this.settle(orderId, 'committed', 'commit', (q) => ({ deltaOnHand: -q, deltaReserved: -q }));
  }

  /** Unpaid timeout or cancel: the held units become available again (or a flash sale's unsold carve, with its ref type). */
  release(orderId: string, refType: StockRefType = 'order'): Promise<number> {
    return this.settle(orderId, 'released', 'release', (q) => ({ deltaOnHand: 0, deltaReserved: -q }), refType);
  }

  /**
   * Refund before shipment: committed units go back on hand. `lines` limits it to some units
   * (partial refund); without it everything not yet restocked returns. Idempotent per unit.
   */
  async restock(orderId: string, lines?: StockLine[]): Promise<number> {
    const held = await this.q
      .select()
      .from(reservations)
      .where(and(eq(reservations.orderId, orderId), eq(reservations.status, 'committed')))
      .orderBy(asc(reservations.variantId), asc(reservations.id))
      .for('update');
    const wanted = lines ? new Map(mergeLines(lines).map((l) => [l.variantId, l.quantity])) : null;
    const moves: Movement[] = [];
    for (const r of held) {
      const left = r.quantity - r.restocked;
      const units = Math.min(left, wanted ? (wanted.get(r.variantId) ?? 0) : left);
      if (units <= 0) continue;
      if (wanted) wanted.set(r.variantId, wanted.get(r.variantId)! - units);
      await this.q.update(reservations).set({ restocked: r.restocked + units }).where(eq(reservations.id, r.id));
      moves.push({ variantId: r.variantId, warehouseId: r.warehouseId, deltaOnHand: units, deltaReserved: 0, reason: 'restock', refType: 'order', refId: orderId });
    }
    await this.apply(moves);
    return moves.reduce((n, m) => n + m.deltaOnHand, 0);
  }

  private async settle(
    orderId: string,
    to: 'committed' | 'released',
    reason: Reason,
    delta: (q: number) => { deltaOnHand: number; deltaReserved: number },
    refType: StockRefType = 'order',
  ): Promise<number> {
    const now = this.k.clock.now();
    // Flip held → to first: a concurrent second call finds nothing held and does nothing. An order
    // holding one reservation (most orders) moves its stock and writes the ledger row in the same
    // statement; with more, each stock row is moved after, in variant order (no deadlock).
    const { deltaOnHand: perOnHand, deltaReserved: perReserved } = delta(1);
    const res = await this.q.execute(sql`
      with flipped as (
        update inventory_reservations set status = ${to} where order_id = ${orderId} and status = 'held'
        returning variant_id, warehouse_id, quantity
      ), one as (
        select * from flipped where (select count(*) from flipped) = 1 and quantity > 0
      ), moved as (
        update inventory_stock s set on_hand = s.on_hand + one.quantity * ${perOnHand}::int,
          reserved = s.reserved + one.quantity * ${perReserved}::int, updated_at = ${now}::timestamptz
        from one where s.variant_id = one.variant_id and s.warehouse_id = one.warehouse_id
        returning s.variant_id, s.warehouse_id, s.on_hand, s.reserved, one.quantity
      ), written as (
        insert into inventory_ledger (variant_id, warehouse_id, delta_on_hand, delta_reserved, on_hand_after, reserved_after, reason, ref_type, ref_id, at)
        select variant_id, warehouse_id, quantity * ${perOnHand}::int, quantity * ${perReserved}::int, on_hand, reserved, ${reason}::text, ${refType}::text, ${orderId}::text, ${now}::timestamptz
        from moved returning 1
      )
      select variant_id as "variantId", warehouse_id as "warehouseId", quantity, (select count(*) from written)::int as "done" from flipped`);
    const flipped = (res as unknown as { rows: Array<{ variantId: string; warehouseId: string; quantity: number; done: number }> }).rows;
    if (flipped.length === 0) return 0;
    if (flipped[0].done === 1) {
      await this.changed([flipped[0].variantId], reason);
    } else {
      // A carve whose units all moved to orders keeps an empty row: nothing to move for it.
      const moves = flipped
        .filter((r) => r.quantity > 0)
        .sort((a, b) => a.variantId.localeCompare(b.variantId))
        .map((r) => ({ variantId: r.variantId, warehouseId: r.warehouseId, ...delta(r.quantity), reason, refType, refId: orderId }));
      await this.apply(moves);
    }
    return flipped.reduce((n, r) => n + r.quantity, 0);
  }

  private async apply(moves: Movement[]): Promise<void> {
    if (moves.length === 0) return;
    const now = this.k.clock.now();
    // Announced before the rows are locked, so they are held only until the commit.
    await this.changed(moves.map((m) => m.variantId), moves[0].reason);
    // One statement per movement: the conditional-free update and its ledger row together.
    for (const m of moves) {
      await this.q.execute(sql`
        with moved as (
          update inventory_stock set on_hand = on_hand + ${m.deltaOnHand}::int, reserved = reserved + ${m.deltaReserved}::int, updated_at = ${now}::timestamptz
          where variant_id = ${m.variantId} and warehouse_id = ${m.warehouseId}
          returning variant_id, warehouse_id, on_hand, reserved
        )
        insert into inventory_ledger (variant_id, warehouse_id, delta_on_hand, delta_reserved, on_hand_after, reserved_after, reason, ref_type, ref_id, note, staff_id, at)
        select variant_id, warehouse_id, ${m.deltaOnHand}::int, ${m.deltaReserved}::int, on_hand, reserved, ${m.reason}::text, ${m.refType ?? null}::text, ${m.refId ?? null}::text, ${m.note ?? null}::text, ${m.staffId ?? null}::uuid, ${now}::timestamptz from moved`);
    }
  }

  private async ledger(moves: Movement[], after: Array<{ onHand: number; reserved: number }>) {
    const at = this.k.clock.now();
    await this.q.insert(stockLedger).values(
      moves.map((m, i) => ({
        variantId: m.variantId,
        warehouseId: m.warehouseId,
        deltaOnHand: m.deltaOnHand,
        deltaReserved: m.deltaReserved,
        onHandAfter: after[i].onHand,
        reservedAfter: after[i].reserved,
        reason: m.reason,
        refType: m.refType ?? null,
        refId: m.refId ?? null,
        note: m.note ?? null,
        staffId: m.staffId ?? null,
        at,
      })),
    );
  }

  private async changed(variantIds: string[], reason: string) {
    await this.k.outbox.emit(InventoryEvents.stockChanged, { variantIds: [...new Set(variantIds)], reason });
  }

  /**
   * Stock rows for staff, by variant then warehouse, keyset-paginated. `variantIds` (from the
   * catalog's filters) limits the rows; `lowStock` keeps rows with available ≤ it.
   */
  async listStock(f: { variantIds?: string[]; warehouseId?: string; lowStock?: number; limit: number; cursor?: string }) {
    if (f.variantIds?.length === 0) return { items: [], nextCursor: null };
    const where: SQL[] = [];
    if (f.variantIds) where.push(inArray(stockLevels.variantId, f.variantIds));
    if (f.warehouseId) where.push(eq(stockLevels.warehouseId, f.warehouseId));
    if (f.lowStock !== undefined) where.push(sql`${stockLevels.onHand} - ${stockLevels.reserved} <= ${f.lowStock}`);
    const after = stockCursor.decode(this.k.secrets.session, f.cursor);
    if (after) {
      where.push(or(gt(stockLevels.variantId, after[0]), and(eq(stockLevels.variantId, after[0]), gt(stockLevels.warehouseId, after[1])))!);
    }
    const rows = await this.q
      .select({ s: stockLevels, w: { code: warehouses.code, name: warehouses.name } })
      .from(stockLevels)
      .innerJoin(warehouses, eq(warehouses.id, stockLevels.warehouseId))
      .where(and(...where))
      .orderBy(asc(stockLevels.variantId), asc(stockLevels.warehouseId))
      .limit(f.limit + 1);
    return toPage(rows, f.limit, (r) => stockCursor.encode(this.k.secrets.session, [r.s.variantId, r.s.warehouseId]), ({ s, w }) => ({
      variantId: s.variantId,
      warehouseId: s.warehouseId,
      warehouseCode: w.code,
      warehouseName: w.name,
      onHand: s.onHand,
      reserved: s.reserved,
      available: s.onHand - s.reserved,
      updatedAt: s.updatedAt.toISOString(),
    }));
  }

  /** Ledger rows for a variant, newest first. */
  async listLedger(f: { variantId?: string; limit: number; cursor?: string }) {
    const where = [];
    if (f.variantId) where.push(eq(stockLedger.variantId, f.variantId));
    const after = ledgerCursor.decode(this.k.secrets.session, f.cursor);
    if (after) where.push(lt(stockLedger.id, after[0]));
    const rows = await this.q.select().from(stockLedger).where(and(...where)).orderBy(desc(stockLedger.id)).limit(f.limit + 1);
    return toPage(rows, f.limit, (r) => ledgerCursor.encode(this.k.secrets.session, [r.id]), (r) => ({ ...r, at: r.at.toISOString() }));
  }

  /** Rows whose stock figures differ from the sum of their ledger: empty when all reconcile. */
  async reconcile(): Promise<Array<{ variantId: string; warehouseId: string; onHand: number; reserved: number; ledgerOnHand: number; ledgerReserved: number }>> {
    const res = await this.q.execute(sql`
      select s.variant_id as "variantId", s.warehouse_id as "warehouseId", s.on_hand as "onHand", s.reserved,
             coalesce(l.on_hand, 0)::int as "ledgerOnHand", coalesce(l.reserved, 0)::int as "ledgerReserved"
      from inventory_stock s
      left join (select variant_id, warehouse_id, sum(delta_on_hand) as on_hand, sum(delta_reserved) as reserved
                 from inventory_ledger group by variant_id, warehouse_id) l
        on l.variant_id = s.variant_id and l.warehouse_id = s.warehouse_id
      where s.on_hand <> coalesce(l.on_hand, 0) or s.reserved <> coalesce(l.reserved, 0)`);
    return (res as unknown as { rows: any[] }).rows;
  }

  private stockRow(variantId: string, warehouseId: string) {
    return this.q.select().from(stockLevels).where(and(eq(stockLevels.variantId, variantId), eq(stockLevels.warehouseId, warehouseId)));
  }

  private async requireWarehouse(id: string) {
    const [w] = await this.q.select().from(warehouses).where(eq(warehouses.id, id));
    if (!w) throw new AppError(InventoryErrors.WAREHOUSE_NOT_FOUND, { id });
    return w;
  }
}


function mergeLines(lines: StockLine[]): StockLine[] {
  const m = new Map<string, StockLine>();
  for (const l of lines) {
    const cur = m.get(l.variantId);
    m.set(l.variantId, cur ? { ...cur, quantity: cur.quantity + l.quantity } : { ...l });
  }
  return [...m.values()];
}
