import { z } from 'zod';
import { and, asc, desc, eq, gt, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Kernel } from '../../platform/kernel.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { cursorKey, listCursor, toPage } from '../../platform/http/pagination.js';
import type { Localized } from '../../platform/i18n.js';
import { reservations, stockLedger, stockLevels, warehouses } from './schema.js';
import { InventoryErrors } from './errors.js';
import { InventoryEvents, type StockChanged } from './events.js';

/** The lists' cursors: their sort keys, signed (platform/http/pagination.ts). */
const stockCursor = listCursor('inventory.stock', z.tuple([cursorKey.id, cursorKey.id]));
const ledgerCursor = listCursor('inventory.ledger', z.tuple([cursorKey.serial]));

type Reason = (typeof stockLedger.$inferInsert)['reason'];

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

  /** Holds stock for an order. Throws OUT_OF_STOCK (and the caller's transaction rolls back). */
  async reserve(orderId: string, lines: StockLine[]): Promise<void> {
    const now = this.k.clock.now();
    // A fixed lock order (by variant) keeps concurrent multi-line orders from deadlocking.
    const sorted = mergeLines(lines).sort((a, b) => a.variantId.localeCompare(b.variantId));
    for (const line of sorted) {
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
          [{ variantId: s.variantId, warehouseId: s.warehouseId, deltaOnHand: 0, deltaReserved: take, reason: 'reserve', refType: 'order', refId: orderId }],
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
    await this.changed(sorted.map((l) => l.variantId), 'reserve');
  }

  /** Payment received: the held units leave stock (on-hand and reserved both drop). */
  commit(orderId: string): Promise<number> {
    return this.settle(orderId, 'committed', 'commit', (q) => ({ deltaOnHand: -q, deltaReserved: -q }));
  }

  /** Unpaid timeout or cancel: the held units become available again. */
  release(orderId: string): Promise<number> {
    return this.settle(orderId, 'released', 'release', (q) => ({ deltaOnHand: 0, deltaReserved: -q }));
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
  ): Promise<number> {
    // Flip held → to first: a concurrent second call finds nothing held and does nothing.
    const flipped = await this.q
      .update(reservations)
      .set({ status: to })
      .where(and(eq(reservations.orderId, orderId), eq(reservations.status, 'held')))
      .returning();
    const moves = flipped
      .sort((a, b) => a.variantId.localeCompare(b.variantId))
      .map((r) => ({ variantId: r.variantId, warehouseId: r.warehouseId, ...delta(r.quantity), reason, refType: 'order', refId: orderId }));
    await this.apply(moves);
    return flipped.reduce((n, r) => n + r.quantity, 0);
  }

  private async apply(moves: Movement[]): Promise<void> {
    if (moves.length === 0) return;
    const now = this.k.clock.now();
    const after = [];
    for (const m of moves) {
      const [row] = await this.q
        .update(stockLevels)
        .set({ onHand: sql`${stockLevels.onHand} + ${m.deltaOnHand}`, reserved: sql`${stockLevels.reserved} + ${m.deltaReserved}`, updatedAt: now })
        .where(and(eq(stockLevels.variantId, m.variantId), eq(stockLevels.warehouseId, m.warehouseId)))
        .returning();
      after.push(row);
    }
    await this.ledger(moves, after);
    await this.changed(moves.map((m) => m.variantId), moves[0].reason);
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
    await this.k.outbox.emit<StockChanged>(InventoryEvents.stockChanged, { variantIds: [...new Set(variantIds)], reason });
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
