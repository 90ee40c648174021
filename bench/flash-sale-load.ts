/**
 * The flash-sale (秒杀) buy benchmark (issue 13), a part of `npm run bench` (`BENCH_PARTS=flash` alone):
 * one item of 1,000 units, 20,000 signed-in shoppers with a saved address, 100,000 buy attempts over
 * loopback. Reports attempts/s, p50/p99, the answers by status and code, and from the round's report
 * and the database: units oversold, customers over the limit, units left unsold while shoppers still
 * wanted them, and the time from the first attempt until every winner has an order. Beside it, in the
 * same run, a bare Fastify POST route answering the same bytes as a sold-out attempt.
 *
 * Shoppers are written in bulk (customers, sessions in the customers module's token format, default
 * addresses) through a kernel opened on the store's database before the server starts (PGlite opens
 * a data folder from one process at a time); registration over HTTP (scrypt) would take longer than
 * the benchmark itself.
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/platform/config.js';
import { createKernel } from '../src/platform/kernel.js';
import { newId } from '../src/platform/ids.js';
import { createServices, ensureStoreDefaults } from '../src/app.js';
import { customerAddresses, customers, customerSessions } from '../src/modules/customers/schema.js';
import { newSessionToken, sha256 } from '../src/modules/customers/tokens.js';
import { buyToken } from '../src/modules/marketing/flash-sales/buy-token.js';
import { freePort, startServerProcess, type ServerProcess } from '../test/support/processes.js';

export interface FlashResult {
  customers: number;
  attempts: number;
  units: number;
  connections: number;
  apiProcesses: number;
  seedSeconds: number;
  tokens: 'http' | 'mint';
  tokenSeconds: number;
  /** Attempts answered per second over the whole burst (first request to last answer). */
  attemptsPerSecond: number;
  seconds: number;
  p50: number;
  p99: number;
  errors: number;
  /** Answers by status, and by code for the 409s and 429s ("409 FLASH_SOLD_OUT"). */
  answers: Record<string, number>;
  won: number;
  /** Seconds until the first sold-out answer (and until the last win), then the sold-out phase: its length and answers. */
  phases: { unitsLeftSeconds: number; lastWinSeconds: number; soldOutSeconds: number; soldOutAnswers: number };
  bare: { rps: number; p50: number; p99: number };
  report: { stock: number; units: { decided: number; ordered: number; paid: number; released: number }; returned: number; left: number | null; accounted: boolean };
  /** Units in claims not released beyond the stock (from the ledger). */
  oversold: number;
  /** Customers holding more units than the per-customer limit (from the ledger). */
  limitBreaches: number;
  /** Units left unsold at the end although shoppers still wanted them (20,000 shoppers want 1,000 units). */
  unsoldWhileDemand: number;
  /** Seconds from the first attempt until every win has its order (null: not within 120 s). */
  allOrderedSeconds: number | null;
  /** Orders made from the round's claims, and their units, from the database. */
  orders: number;
  orderedUnits: number;
}

const ADMIN = { email: 'bench-flash-admin@example.com', password: 'bench-flash-admin-password-1' };
const LIMIT = 1;

/** Customers, sessions and default addresses in multi-row inserts, and a product with stock; returns the bearer tokens and the session secret. */
async function seed(env: Record<string, string>, n: number, units: number) {
  const k = await createKernel(loadConfig({ LOG_LEVEL: 'silent', DEMO_DATA: '0', ...env }));
  try {
    const s = createServices(k);
    await ensureStoreDefaults(k, s);
    const variantId = await k.db.transaction(async () => {
      const slug = `flash-${randomBytes(4).toString('hex')}`;
      const zhEn = (zh: string, en: string) => ({ 'zh-CN': zh, en });
      const cat = await s.catalog.createCategory({ slug: `c-${slug}`, name: zhEn('秒杀', 'Flash'), parentId: null, position: 0 });
      const p = await s.catalog.createProduct({
        slug, title: zhEn('秒杀耳机', 'Flash earbuds'), categoryId: cat.id, brandId: null, status: 'active', privateLabel: false, exclusive: false, tags: [], attributes: [],
        options: [{ code: 'v', name: zhEn('款式', 'Style'), values: [{ code: 's0', name: zhEn('标准', 'Standard') }] }], images: [],
        variants: [{ sku: slug.toUpperCase(), optionValues: { v: 's0' }, price: 19900, weightGrams: 300, active: true }],
      });
      const warehouseId = await s.inventory.ensureDefaultWarehouse();
      // Received into the warehouse first (the round carves its units out of it at publish).
      await s.inventory.adjust({ variantId: p.variants[0].id, warehouseId, delta: units, reason: 'receipt' });
      return p.variants[0].id;
    });
    const tokens: string[] = [];
    const ids: string[] = [];
    const now = new Date();
    const expiresAt = new Date(now.getTime() + 86_400_000);
    const tag = randomBytes(3).toString('hex');
    for (let i = 0; i < n; i += 1000) {
      const cs: Array<typeof customers.$inferInsert> = [];
      const ss: Array<typeof customerSessions.$inferInsert> = [];
      const as: Array<typeof customerAddresses.$inferInsert> = [];
      for (let j = i; j < Math.min(n, i + 1000); j++) {
        const id = newId();
        const token = newSessionToken();
        tokens.push(token);
        ids.push(id);
        cs.push({ id, email: `flash-${tag}-${j}@example.com`, passwordHash: null, name: `秒杀买家 ${j}`, locale: 'zh-CN' as const, createdAt: now, updatedAt: now });
        ss.push({ id: newId(), customerId: id, tokenHash: sha256(token), createdAt: now, expiresAt, userAgent: 'bench', ip: '127.0.0.1' });
        as.push({ id: newId(), customerId: id, recipientName: '王五', mobile: '13700137000', provinceCode: '44', cityCode: '4403', districtCode: '440305', detail: `深南大道 ${j} 号`, postalCode: null, isDefault: true, createdAt: now, updatedAt: now });
      }
      await k.db.transaction(async () => {
        await k.db.q.insert(customers).values(cs);
        await k.db.q.insert(customerSessions).values(ss);
        await k.db.q.insert(customerAddresses).values(as);
      });
    }
    return { tokens, ids, variantId, secret: k.secrets.session };
  } finally {
    await k.cache.close();
    await k.db.close();
  }
}

/** After the run, with the server stopped: what the ledger and the orders say. */
async function ledger(env: Record<string, string>, itemId: string) {
  const k = await createKernel(loadConfig({ LOG_LEVEL: 'silent', DEMO_DATA: '0', ...env }));
  const rows = async <T>(q: ReturnType<typeof sql>) => ((await k.db.q.execute(q)) as unknown as { rows: T[] }).rows;
  try {
    const [held] = await rows<{ units: number; stock: number }>(
      sql`select coalesce(sum(c.quantity), 0)::int as units, (select stock from marketing_flash_sale_items where id = ${itemId})::int as stock from marketing_flash_sale_claims c where c.item_id = ${itemId} and c.state <> 'released'`,
    );
    const [breaches] = await rows<{ n: number }>(
      sql`select count(*)::int as n from (select customer_id from marketing_flash_sale_claims where item_id = ${itemId} and state <> 'released' group by customer_id having sum(quantity) > ${LIMIT}) x`,
    );
    const [orders] = await rows<{ n: number; units: number }>(
      sql`select count(distinct o.id)::int as n, coalesce(sum(l.quantity), 0)::int as units from orders o join order_lines l on l.order_id = o.id where o.id in (select order_id from marketing_flash_sale_claims where item_id = ${itemId})`,
    );
    return { oversold: Math.max(0, Number(held.units) - Number(held.stock)), limitBreaches: Number(breaches.n), orders: Number(orders.n), orderedUnits: Number(orders.units) };
  } finally {
    await k.cache.close();
    await k.db.close();
  }
}

async function json(res: Response) {
  const text = await res.text();
  if (!res.ok) throw new Error(`${res.url}: ${res.status} ${text}`);
  return JSON.parse(text);
}

/** `items` tasks, `width` at a time. */
async function pool(items: number, width: number, task: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items) await task(next++);
  }));
}

/** The bare route: a Fastify POST with a JSON body answering the bytes of a sold-out attempt (a process of its own). */
async function startBarePost(status: number, body: string) {
  const port = await freePort();
  const child = fork(new URL(import.meta.url).pathname, ['--bare-post', String(port), String(status), body], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  await new Promise<void>((resolve) => child.once('message', () => resolve()));
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

/** One burst of `attempts` POSTs over `connections`, the attempt n by shopper n mod shoppers: each shopper about every `shoppers / rate` seconds. */
async function burst(url: string, path: string, attempts: number, connections: number, body: (n: number) => { authorization?: string; body: string }, onAnswer?: (status: number, body: string) => void) {
  let n = 0;
  const began = performance.now();
  const r = await autocannon({
    url,
    connections,
    amount: attempts,
    requests: [{
      method: 'POST',
      path,
      headers: { 'content-type': 'application/json' },
      setupRequest: (req: autocannon.Request) => {
        const b = body(n++);
        return { ...req, ...(b.authorization ? { headers: { 'content-type': 'application/json', authorization: b.authorization } } : {}), body: b.body };
      },
      ...(onAnswer ? { onResponse: (status: number, text: string) => onAnswer(status, text) } : {}),
    }],
  });
  // Timed here: autocannon's own duration is counted in whole seconds (7 s for 6.1 to 7.0 s).
  const seconds = (performance.now() - began) / 1000;
  return { rps: r.requests.total / seconds, total: r.requests.total, seconds, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, started: Date.parse(String(r.start)) };
}

export async function flashSaleLoad(opts: {
  /** Server environment (DATA_DIR, or DATABASE_URL and REDIS_URL/REDIS_PREFIX, NODE_ENV, …). */
  serverEnv: Record<string, string>;
  /** The kernel's environment for seeding and the checks (the same database; no Redis needed). */
  kernelEnv: Record<string, string>;
  apiProcesses?: number;
  customers?: number;
  attempts?: number;
  units?: number;
  connections?: number;
  /** How shoppers get their buy tokens: over HTTP after the start (default), or minted here with the store's secret. */
  tokens?: 'http' | 'mint';
  /** NODE_ARGS for the API process, e.g. `--cpu-prof --cpu-prof-dir=bench/profiles`. */
  nodeArgs?: string;
}): Promise<FlashResult> {
  const n = opts.customers ?? 20_000;
  const attempts = opts.attempts ?? 100_000;
  const units = opts.units ?? 1000;
  const connections = opts.connections ?? 50;
  const apiProcesses = opts.apiProcesses ?? 1;
  const t0 = Date.now();
  console.error(`   flash sale: seeding ${n} shoppers with sessions and addresses …`);
  const { tokens, ids, variantId, secret } = await seed(opts.kernelEnv, n, units);
  const seedSeconds = (Date.now() - t0) / 1000;
  console.error(`   flash sale: ${n} shoppers in ${seedSeconds.toFixed(1)} s; starting ${apiProcesses} API process(es) …`);
  const env = { ...opts.serverEnv, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, ...(apiProcesses > 1 ? { PROCESSES: String(apiProcesses) } : {}), ...(opts.nodeArgs ? { NODE_ARGS: opts.nodeArgs } : {}) };
  let server: ServerProcess | undefined = await startServerProcess(env, 180_000);
  try {
    const base = server.url;
    const login = await json(await fetch(`${base}/api/admin/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) }));
    const staff = { authorization: `Bearer ${login.token}`, 'content-type': 'application/json' };
    const startsAt = Date.now() + 3000;
    const round = await json(await fetch(`${base}/api/admin/flash-sales/rounds`, {
      method: 'POST', headers: staff,
      body: JSON.stringify({
        name: { 'zh-CN': '压测场', en: 'Bench round' }, startsAt: new Date(startsAt).toISOString(), endsAt: new Date(startsAt + 60 * 60_000).toISOString(),
        items: [{ variantId, flashPrice: 9900, stock: units, perCustomerLimit: LIMIT }],
      }),
    }));
    const itemId: string = round.items[0].id;
    await json(await fetch(`${base}/api/admin/flash-sales/rounds/${round.id}/publish`, { method: 'POST', headers: { authorization: staff.authorization } }));
    await new Promise((r) => setTimeout(r, Math.max(0, startsAt - Date.now() + 50)));

    // Every shopper's buy token, as the round page fetches it at the start (not measured; their
    // sessions are then in the server's cache, as a real crowd's are). `mint`: made here with the
    // store's secret instead (faster; each shopper's first attempt then looks their session up).
    const t1 = Date.now();
    const buyTokens: string[] = new Array(n);
    if (opts.tokens === 'mint') {
      const endsAt = Date.parse(round.endsAt);
      for (let i = 0; i < n; i++) buyTokens[i] = buyToken(secret, ids[i], itemId, endsAt);
    } else {
      await pool(n, 50, async (i) => {
        const res = await fetch(`${base}/api/store/flash-sales/items/${itemId}/token`, { headers: { authorization: `Bearer ${tokens[i]}` } });
        buyTokens[i] = (await json(res)).token;
      });
    }
    const tokenSeconds = (Date.now() - t1) / 1000;
    console.error(`   flash sale: ${n} buy tokens (${opts.tokens ?? 'http'}) in ${tokenSeconds.toFixed(1)} s`);

    const path = `/api/store/flash-sales/items/${itemId}/buy`;
    const auth = tokens.map((t) => `Bearer ${t}`);
    const bodies = buyTokens.map((t) => JSON.stringify({ quantity: 1, token: t }));
    const answers: Record<string, number> = {};
    let won = 0;
    let lastWin = 0;
    let firstSoldOut = 0;
    let soldOut = '';
    // Until every win has its order, polled beside the crowd every 100 ms: nothing left to win, no claim still decided.
    const reportOf = async () => (await json(await fetch(`${base}/api/admin/flash-sales/rounds/${round.id}/report`, { headers: { authorization: staff.authorization } }))).items[0] as FlashResult['report'];
    let report: FlashResult['report'] | undefined;
    let allOrderedSeconds: number | null = null;
    let crowdDone = false;
    const burstStart = performance.now();
    const poller = (async () => {
      const deadline = Date.now() + 120_000;
      while (Date.now() < deadline || !crowdDone) {
        report = await reportOf();
        if (report.left === 0 && report.units.decided === 0) {
          allOrderedSeconds = (performance.now() - burstStart) / 1000;
          return;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const result = await burst(base, path, attempts, connections, (i) => ({ authorization: auth[i % n], body: bodies[i % n] }), (status, text) => {
      let key = String(status);
      if (status === 202) {
        won++;
        lastWin = performance.now();
      }
      else {
        const m = /"code":"([A-Z_]+)"/.exec(text);
        if (m) key += ` ${m[1]}`;
        if (!soldOut && m?.[1] === 'FLASH_SOLD_OUT') {
          soldOut = text;
          firstSoldOut = performance.now();
        }
      }
      answers[key] = (answers[key] ?? 0) + 1;
    });
    const burstEnd = performance.now();
    crowdDone = true;
    await poller;
    report = await reportOf();
    // The two phases: units still to be had (every answer may be a win), then sold out (the gate alone answers).
    const phases = { unitsLeftSeconds: ((firstSoldOut || burstEnd) - burstStart) / 1000, lastWinSeconds: (lastWin - burstStart) / 1000, soldOutSeconds: firstSoldOut ? (burstEnd - firstSoldOut) / 1000 : 0, soldOutAnswers: answers['409 FLASH_SOLD_OUT'] ?? 0 };
    console.error(`   flash sale: ${result.total} attempts in ${result.seconds.toFixed(1)} s = ${Math.round(result.rps)}/s; ${JSON.stringify(answers)}; ${JSON.stringify(phases)}`);

    await server.stop();
    server = undefined;

    // The bare route: same paths, bodies, headers, number of requests and connections, answering the bytes of a sold-out attempt.
    const bare = await startBarePost(409, soldOut || '{"code":"FLASH_SOLD_OUT"}');
    let bareResult;
    try {
      bareResult = await burst(bare.url, path, attempts, connections, (i) => ({ authorization: auth[i % n], body: bodies[i % n] }));
    } finally {
      bare.stop();
    }
    console.error(`   flash sale: bare POST ${Math.round(bareResult.rps)} req/s`);
    const checked = await ledger(opts.kernelEnv, itemId);
    return {
      customers: n, attempts, units, connections, apiProcesses, seedSeconds, tokenSeconds, tokens: opts.tokens ?? 'http',
      attemptsPerSecond: result.rps, seconds: result.seconds, p50: result.p50, p99: result.p99, errors: result.errors, answers, won,
      bare: { rps: bareResult.rps, p50: bareResult.p50, p99: bareResult.p99 },
      phases, ...checked,
      unsoldWhileDemand: report.left ?? units,
      report,
      allOrderedSeconds,
    };
  } finally {
    await server?.stop();
  }
}

/** Markdown lines for one shape. */
export function flashReport(r: FlashResult): string[] {
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  const answers = Object.entries(r.answers).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}: ${v}`).join(', ');
  return [
    `Flash sale (秒杀): ${r.units} units, ${r.customers} shoppers (limit ${LIMIT} each), ${r.attempts} buy attempts over ${r.connections} connections, ${r.apiProcesses} API process${r.apiProcesses > 1 ? 'es' : ''}` +
      ` (shoppers written in ${r.seedSeconds.toFixed(1)} s; their buy tokens ${r.tokens === 'mint' ? 'minted with the store secret' : 'over HTTP'} in ${r.tokenSeconds.toFixed(1)} s, not measured):`,
    '',
    '| attempts/s | p50 | p99 | bare Fastify POST, same run: req/s (p50 / p99) | oversold | limit breaches | unsold while demand remained | every winner has an order after |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    `| **${Math.round(r.attemptsPerSecond)}** | ${ms(r.p50)} | ${ms(r.p99)} | ${Math.round(r.bare.rps)} (${ms(r.bare.p50)} / ${ms(r.bare.p99)}) | ${r.oversold} | ${r.limitBreaches} | ${r.unsoldWhileDemand} | ${r.allOrderedSeconds === null ? 'NOT within 120 s' : `${r.allOrderedSeconds.toFixed(1)} s`} |`,
    '',
    `Phases: the first sold-out answer after ${r.phases.unitsLeftSeconds.toFixed(1)} s (last win at ${r.phases.lastWinSeconds.toFixed(1)} s), then ${r.phases.soldOutAnswers} sold-out answers in ${r.phases.soldOutSeconds.toFixed(1)} s = ${r.phases.soldOutSeconds ? Math.round(r.phases.soldOutAnswers / r.phases.soldOutSeconds) : 0}/s. ` +
      `Answers: ${answers}${r.errors ? `; ${r.errors} connection errors/timeouts` : ''}. Won ${r.won}; report: stock ${r.report.stock}, decided ${r.report.units.decided}, ordered ${r.report.units.ordered}, paid ${r.report.units.paid}, released ${r.report.units.released}, returned ${r.report.returned}, left ${r.report.left}, accounted ${r.report.accounted ? 'yes' : 'NO'}; ${r.orders} orders holding ${r.orderedUnits} units.`,
    '',
  ];
}

// The bare route's own process (forked by startBarePost).
if (process.argv[2] === '--bare-post') {
  const { default: Fastify } = await import('fastify');
  const [port, status, body] = process.argv.slice(3);
  const bytes = Buffer.from(body);
  const app = Fastify({ logger: false });
  app.post('/*', (_req, reply) => void reply.code(Number(status)).type('application/problem+json; charset=utf-8').send(bytes));
  await app.listen({ port: Number(port), host: '127.0.0.1' });
  process.send?.('ready');
}
