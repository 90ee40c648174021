import { UTF8_BOM } from '../../platform/csv.js';
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { asc, inArray } from 'drizzle-orm';
import type { Kernel } from '../../platform/kernel.js';
import type { OrderFilter, OrderLineRow, OrderRow, OrderService } from './service.js';
import { orderLines } from './schema.js';

/**
 * Orders as CSV for finance and analysts: one row per order line (order columns repeated), UTF-8
 * with a BOM so Excel shows Chinese, amounts in yuan with two decimals, times in the store's time
 * zone. Written in batches as it is read (keyset pages of the same list the console shows), so
 * tens of thousands of orders never sit in memory at once.
 */
export const ORDER_EXPORT_COLUMNS = [
  'order_number', 'placed_at', 'status', 'customer_id', 'recipient', 'mobile', 'region', 'address', 'shipping_method',
  'paid_at', 'shipped_at', 'delivered_at', 'completed_at', 'cancelled_at',
  'order_subtotal', 'order_discount', 'shipping_fee', 'shipping_discount', 'order_total', 'paid_amount', 'refunded_amount',
  'line_sku', 'line_title', 'line_options', 'unit_price', 'quantity', 'line_subtotal', 'line_discount', 'line_total', 'refunded_quantity',
] as const;

export const EXPORT_BATCH = 500;

/** Minor units → "1234.50". */
export function yuan(minor: number): string {
  const abs = Math.abs(minor);
  return `${minor < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** "2026-11-25 14:30:05" in the given time zone. */
export function localTime(timeZone: string): (d: Date | null) => string {
  const f = new Intl.DateTimeFormat('en-GB', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  });
  return (d) => {
    if (!d) return '';
    const p = Object.fromEntries(f.formatToParts(d).map((x) => [x.type, x.value]));
    return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
  };
}

// A cell starting like a formula is prefixed with ' so a spreadsheet shows it as text.
const toCell = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

function rowsOf(o: OrderRow, lines: OrderLineRow[], time: (d: Date | null) => string): string[][] {
  const a = o.shippingAddress;
  const order = [
    // A 20-digit number would show as 2.02611E+19 in Excel: a leading tab keeps it text (imports strip it).
    `\t${o.number}`, time(o.placedAt), o.status, o.customerId, toCell(a.recipient), a.mobile, toCell(a.regionText ?? ''), toCell(a.detail),
    toCell(o.shippingMethodName?.['zh-CN'] ?? ''), time(o.paidAt), time(o.shippedAt), time(o.deliveredAt), time(o.completedAt), time(o.cancelledAt),
    yuan(o.subtotal), yuan(o.discountTotal), yuan(o.shippingFee), yuan(o.shippingDiscount), yuan(o.total), yuan(o.paidAmount), yuan(o.refundedAmount),
  ];
  return lines.map((l) => [
    ...order, toCell(l.sku), toCell(l.title['zh-CN']), toCell(Object.entries(l.optionValues).map(([k, v]) => `${k}=${v}`).join(';')),
    yuan(l.unitPrice), String(l.quantity), yuan(l.subtotal), yuan(l.discountTotal), yuan(l.total), String(l.refundedQuantity),
  ]);
}

/**
 * The export as chunks: the BOM and header together with the first batch, then one chunk per batch.
 * The first page is read before anything is yielded, so a filter the database refuses fails the
 * request before its first byte (a proper error answer), not halfway through a 200.
 */
export async function* orderCsvChunks(
  k: Kernel,
  orders: OrderService,
  filter: Omit<OrderFilter, 'limit' | 'cursor'>,
  batch = EXPORT_BATCH,
): AsyncGenerator<Buffer> {
  const time = localTime(k.timezone.get());
  const csv = (records: string[][]) => Buffer.from(stringify(records, { record_delimiter: 'windows' }), 'utf8');
  let head: Buffer | null = Buffer.concat([UTF8_BOM, csv([[...ORDER_EXPORT_COLUMNS]])]);
  let cursor: string | undefined;
  do {
    const page = await orders.list({ ...filter, limit: batch, cursor });
    let body = Buffer.alloc(0);
    if (page.items.length) {
      const lines = await k.db.q
        .select()
        .from(orderLines)
        .where(inArray(orderLines.orderId, page.items.map((o) => o.id)))
        .orderBy(asc(orderLines.orderId), asc(orderLines.id));
      const byOrder = new Map<string, OrderLineRow[]>();
      for (const l of lines) {
        const list = byOrder.get(l.orderId);
        if (list) list.push(l);
        else byOrder.set(l.orderId, [l]);
      }
      body = csv(page.items.flatMap((o) => rowsOf(o, byOrder.get(o.id) ?? [], time)));
    }
    yield head ? Buffer.concat([head, body]) : body;
    head = null;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

/**
 * The export as a stream, once its first chunk is in hand: an error up to there rejects (and the
 * route answers with a problem); the headers go out only with bytes that are already good.
 */
export async function orderCsvStream(k: Kernel, orders: OrderService, filter: Omit<OrderFilter, 'limit' | 'cursor'>): Promise<Readable> {
  const chunks = orderCsvChunks(k, orders, filter);
  const first = await chunks.next();
  async function* all() {
    if (!first.done) yield first.value;
    yield* chunks;
  }
  return Readable.from(all());
}
