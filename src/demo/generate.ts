import { sql } from 'drizzle-orm';
import { defineEvent } from '../platform/outbox/events.js';
import type { Kernel } from '../platform/kernel.js';
import { DAY, MINUTE } from '../platform/clock.js';
import type { Services } from '../app.js';
import { CatalogEvents } from '../modules/catalog/index.js';
import { products as productsTable } from '../modules/catalog/schema.js';
import { customerAddresses, customers } from '../modules/customers/schema.js';
import { stockLevels } from '../modules/inventory/schema.js';
import { BulkWriter } from './bulk.js';
import { dailyOrderCounts, dayWeights, historyDays } from './calendar.js';
import { loadCatalog } from './catalog-load.js';
import { DEFAULT_PRODUCT_COUNT, planCatalog } from './catalog-plan.js';
import { planDemoMedia } from './media.js';
import { CHANNEL_NAMES, planCustomers } from './customers-plan.js';
import { OrderSimulator } from './orders-sim.js';
import { addressOf, DEMO_SHOPPER_EMAIL, personOf } from './people.js';
import { Rng, uuidAt } from './random.js';
import { sinkFor } from './sink.js';
import { writeMarketingHistory } from './marketing.js';

/** The seed when none is given: the same demo shop on every machine. */
/** The demo shop was generated (for tools that watch a fresh store). */
const DemoGenerated = defineEvent<{ seed: number; size: DemoSize; asOf: string }>('demo.generated');

export const DEMO_SEED = 6_181_111;
/** Every demo shopper's password (demo@shopkeeper.local is the one with a history worth a look). */
export const DEMO_PASSWORD = 'demo1234';
export { DEMO_SHOPPER_EMAIL };

export const DEFAULT_CUSTOMERS = 3_000;
export const DEFAULT_ORDERS = 30_000;
/** Above this many orders the load commits in parts (each `COMMIT_EVERY` orders) to bound the transaction. */
const SINGLE_TRANSACTION_MAX_ORDERS = 100_000;
const COMMIT_EVERY = 50_000;
const DEMO_LOCK = 72_616_301;
const SEEDED_KEY = 'demo.seeded';
const SEEDING_KEY = 'demo.seeding';

export interface DemoSize {
  products: number;
  customers: number;
  orders: number;
}

export interface DemoOptions {
  seed?: number;
  /** Multiplies customers and orders (34 ≈ a million orders). */
  scale?: number;
  /** Exact sizes, overriding scale (tests use small ones). */
  size?: Partial<DemoSize>;
  /** The end of the history; `k.clock.now()` when absent. */
  asOf?: Date;
  onProgress?: (p: DemoProgress) => void;
  /** Orders per transaction; one transaction for the whole load by default up to 100,000 orders. */
  commitEvery?: number;
}

export interface DemoProgress {
  phase: 'customers' | 'orders' | 'finishing';
  /** Units done and in all: shoppers, then orders. */
  done: number;
  total: number;
}

/** What `demo.seeded` in settings remembers about the generated store. */
export interface DemoMarker {
  seed: number;
  scale: number;
  size: DemoSize;
  asOf: string;
  from: string;
  generatedAt: string;
}

export interface DemoResult extends DemoMarker {
  orders: number;
  byStatus: Record<string, number>;
  rows: Record<string, number>;
  ms: number;
  /** Of `ms`, the time the load waited for product pictures still being rasterised (0 when they were ready). */
  mediaWaitMs: number;
}

export class DemoDataExistsError extends Error {
  constructor(
    readonly products: number,
    readonly marker: DemoMarker | null,
    readonly interrupted: boolean,
  ) {
    super(
      interrupted
        ? `An earlier demo-data run was interrupted: the store holds ${products} products but not the whole demo. Start again on an empty database (a new DATA_DIR, or a fresh DATABASE_URL).`
        : marker
          ? `This store already has demo data (seed ${marker.seed}, generated ${marker.generatedAt.slice(0, 10)}, ${products} products). Demo data is only written into an empty store: use a new DATA_DIR or a fresh DATABASE_URL.`
          : `This store already has ${products} products. Demo data is only written into an empty store, never mixed with real data: use a new DATA_DIR or a fresh DATABASE_URL.`,
    );
  }
}

/** Lets timers run (the progress bar redraws on one): PGlite's work never leaves the microtask queue. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Whether the store has products, and whether they are (a complete) demo shop. */
export async function demoState(k: Kernel): Promise<{ products: number; marker: DemoMarker | null; interrupted: boolean }> {
  const [row] = await k.db.q.select({ n: sql<number>`count(*)::int` }).from(productsTable);
  const marker = (await k.settings.get<DemoMarker>(SEEDED_KEY)) ?? null;
  const seeding = await k.settings.get<object>(SEEDING_KEY);
  return { products: Number(row.n), marker, interrupted: !!seeding && !marker };
}

export function demoSize(opts: Pick<DemoOptions, 'scale' | 'size'> = {}): DemoSize {
  const scale = opts.scale ?? 1;
  return {
    products: opts.size?.products ?? DEFAULT_PRODUCT_COUNT,
    customers: opts.size?.customers ?? Math.round(DEFAULT_CUSTOMERS * scale),
    orders: opts.size?.orders ?? Math.round(DEFAULT_ORDERS * scale),
  };
}

/**
 * Generates the demo shop: a catalog, shoppers and a year of orders ending today (the store day
 * of `asOf` in STORE_TIMEZONE), written with multi-row INSERTs straight into the modules' tables
 * — a bulk loader, like a migration (docs/decisions/0008-demo-data.md). Refuses a store that
 * already has products. The same seed and `asOf` give the same rows, ids included.
 */
export async function generateDemoShop(k: Kernel, s: Services, opts: DemoOptions = {}): Promise<DemoResult> {
  const started = Date.now();
  const seed = opts.seed ?? DEMO_SEED;
  const scale = opts.scale ?? 1;
  const size = demoSize(opts);
  const asOf = (opts.asOf ?? k.clock.now()).getTime();
  const tz = k.timezone.get();
  const progress = opts.onProgress ?? (() => {});

  const warehouseId = await k.db.transaction(async () => {
    await s.shipping.ensureDefaults();
    return s.inventory.ensureDefaultWarehouse();
  });
  const methods = await s.shipping.list();
  const shipping = methods.find((m) => m.code === 'standard') ?? methods[0];
  if (!shipping) throw new Error('No active shipping method to price demo orders with');
  const passwordHash = await s.customers.hashPassword(DEMO_PASSWORD);
  const unpaidTimeoutMs = ((await k.settings.get<number>('orders.unpaidTimeoutMinutes')) ?? k.config.unpaidTimeoutMinutes) * MINUTE;
  const autoConfirmMs = ((await k.settings.get<number>('orders.autoConfirmDays')) ?? k.config.autoConfirmDays) * DAY;

  const days = historyDays(new Date(asOf), tz);
  const counts = dailyOrderCounts(days, size.orders, seed, asOf);
  // Product pictures become media assets (rasterised off the main thread during the load).
  const media = planDemoMedia(planCatalog(seed, size.products), seed, days[0].start - 400 * DAY);
  const plan = media.plan;
  const customerPlan = planCustomers(seed, size.customers, days, dayWeights(days, seed), size.orders, asOf);
  const idRng = new Rng(seed).fork('ids');
  let idSeq = 0;
  const nextId = (at: number) => uuidAt(at, idSeq++, idRng);
  const sink = sinkFor(k);
  const exec = (text: string) => sink.exec(text);
  const writer = new BulkWriter(exec);
  const total = size.customers + size.orders;
  const marker: DemoMarker = {
    seed,
    scale,
    size,
    asOf: new Date(asOf).toISOString(),
    from: days[0].key,
    generatedAt: new Date().toISOString(),
  };

  const commitEvery = opts.commitEvery ?? (size.orders <= SINGLE_TRANSACTION_MAX_ORDERS ? Infinity : COMMIT_EVERY);
  let sim!: OrderSimulator;
  let nextDay = 0;
  let placed = 0;
  const runDays = async () => {
    let inThisPart = 0;
    while (nextDay < days.length && inThisPart < commitEvery) {
      const n = await sim.day(nextDay++);
      inThisPart += n;
      placed += n;
      progress({ phase: 'orders', done: size.customers + placed, total });
      await breathe();
    }
    await writer.flushAll();
  };

  const load = async () => {
    await sink.transaction(async () => {
      await k.db.q.execute(sql`select pg_advisory_xact_lock(${DEMO_LOCK})`);
      const state = await demoState(k);
      if (state.products > 0) throw new DemoDataExistsError(state.products, state.marker, state.interrupted);
      await k.settings.set(SEEDING_KEY, { startedAt: new Date().toISOString(), seed, size });

      media.start();
      const catalog = loadCatalog(plan, { seed, writer, nextId, firstDay: days[0].start, lastDay: days[days.length - 1].start, expectedOrders: size.orders });
      const customerIds = await loadCustomers();
      sim = new OrderSimulator({
        seed,
        asOf,
        tz,
        days,
        counts,
        products: catalog.products,
        variants: catalog.variants,
        customers: customerPlan,
        customerIds,
        warehouseId,
        shipping,
        unpaidTimeoutMs,
        autoConfirmMs,
        writer,
        nextId,
      });
      sim.openingStock((v) => catalog.opening[v]);
      rootCategoryId = catalog.rootCategoryIds[0];
      await runDays();
    });
    while (nextDay < days.length) await sink.transaction(runDays);
    await sink.transaction(finish);
  };

  let rootCategoryId = '';
  let mediaWritten = { assets: 0, waitedMs: 0 };
  const loadCustomers = async (): Promise<string[]> => {
    const ids: string[] = [];
    for (let i = 0; i < customerPlan.count; i++) {
      const createdAt = customerPlan.createdAt[i];
      const id = nextId(createdAt);
      ids.push(id);
      const person = personOf(seed, i);
      const r = new Rng(seed).fork('customer', i);
      writer.add(customers, {
        id,
        email: person.email,
        mobile: person.mobile,
        passwordHash,
        name: i === 0 || r.chance(0.7) ? person.name : null,
        locale: person.locale,
        acquisitionChannel: CHANNEL_NAMES[customerPlan.channel[i]],
        createdAt: new Date(createdAt),
        updatedAt: new Date(createdAt),
      });
      const saved = i === 0 ? 2 : r.chance(0.75) ? (r.chance(0.15) ? 2 : 1) : 0;
      for (let a = 0; a < saved; a++) {
        const address = addressOf(seed, i, a, person);
        const at = new Date(Math.min(asOf - 1, createdAt + (a + 1) * 5 * MINUTE));
        writer.add(customerAddresses, {
          id: nextId(at.getTime()),
          customerId: id,
          recipientName: address.recipient,
          mobile: address.mobile,
          provinceCode: address.provinceCode,
          cityCode: address.cityCode,
          districtCode: address.districtCode,
          detail: address.detail,
          postalCode: null,
          isDefault: a === 0,
          createdAt: at,
          updatedAt: at,
        });
      }
      if (i % 1000 === 999) {
        await writer.flushFull();
        progress({ phase: 'customers', done: i + 1, total });
        await breathe();
      }
    }
    progress({ phase: 'customers', done: customerPlan.count, total });
    return ids;
  };

  const finish = async () => {
    progress({ phase: 'finishing', done: total, total });
    sim.drain(asOf);
    const variantIds = sim.variantIds;
    sim.book.onHand.forEach((onHand, v) => {
      writer.add(stockLevels, {
        variantId: variantIds[v],
        warehouseId,
        onHand,
        reserved: sim.book.reserved[v],
        updatedAt: new Date(sim.book.lastAt[v] || asOf),
      });
    });
    await writer.flushAll();
    // The marketing behind the orders: festivals' promotions, coupons and campaigns, tiers and points.
    const topProductIds = sim.productIds.map((id, p) => [id, sim.sales[p]] as const).sort((a, b) => b[1] - a[1]).slice(0, 12).map(([id]) => id);
    await writeMarketingHistory({ k, writer, exec, nextId, seed, asOf, tz, firstDay: days[0].start, topProductIds });
    mediaWritten = await media.write(exec);
    const sold = sim.productIds.map((id, p) => [id, sim.sales[p]] as const).filter(([, n]) => n > 0);
    for (let i = 0; i < sold.length; i += 1000) {
      const values = sold
        .slice(i, i + 1000)
        .map(([id, n]) => `('${id}'::uuid, ${n})`)
        .join(',');
      await exec(`update "catalog_products" as p set "sales_count" = v.n from (values ${values}) as v(id, n) where p."id" = v.id`);
    }
    await k.settings.set(SEEDED_KEY, marker);
    // Caches of the (empty) catalog, in this process and others sharing Redis, are now stale.
    await k.outbox.emit(CatalogEvents.categoryChanged, { categoryId: rootCategoryId });
    await k.outbox.emit(DemoGenerated, { seed, size, asOf: marker.asOf });
  };

  if (commitEvery === Infinity) await sink.transaction(load);
  else await load();

  return {
    ...marker,
    orders: sim.stats.orders,
    byStatus: sim.stats.byStatus,
    rows: { ...writer.counts(), media_assets: mediaWritten.assets },
    ms: Date.now() - started,
    mediaWaitMs: Math.round(mediaWritten.waitedMs),
  };
}
