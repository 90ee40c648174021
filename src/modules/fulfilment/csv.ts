import { parse } from 'csv-parse/sync';
import { decodeCsv } from '../../platform/csv.js';
import type { Kernel } from '../../platform/kernel.js';
import { AppError, CoreErrors, problemOf } from '../../platform/errors.js';
import type { Locale } from '../../platform/i18n.js';
import type { AuditActor, AuditService } from '../audit/index.js';
import { FulfilmentErrors } from './errors.js';
import type { FulfilmentService } from './service.js';

/**
 * Bulk shipping from a spreadsheet: one row per order with its carrier and waybill number, the
 * way warehouses print them from the carrier's system. Unlike the catalog import (all rows or
 * none), each row ships in its own transaction: one bad row must not hold back a hundred parcels
 * already on the truck. Every row is reported — shipped, or skipped with the reason.
 */
export const MAX_ROWS = 2000;

const COLUMNS = {
  order_number: ['order_number', 'order number', 'order_no', 'order', '订单号', '订单编号'],
  carrier: ['carrier', 'carrier_code', 'courier', '快递公司', '物流公司', '快递'],
  tracking_number: ['tracking_number', 'tracking number', 'tracking_no', 'waybill', '快递单号', '物流单号', '运单号'],
  warehouse: ['warehouse', 'warehouse_code', '仓库', '发货仓'],
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: Column[] = ['order_number', 'carrier', 'tracking_number'];

export interface ShipRowResult {
  /** The spreadsheet row number (the header is row 1). */
  row: number;
  orderNumber: string;
  carrier: string;
  trackingNumber: string;
  result: 'shipped' | 'skipped';
  code: string | null;
  reason: string | null;
  shipmentId: string | null;
}


/** Undoes what spreadsheets add to keep digits as text: a leading ' or tab, or ="…". */
function clean(cell: string | undefined): string {
  const s = (cell ?? '').trim();
  const formula = /^="(.*)"$/.exec(s);
  return (formula ? formula[1] : s.replace(/^['\t]/, '')).trim();
}

export async function bulkShip(
  k: Kernel,
  fulfilment: FulfilmentService,
  audit: AuditService,
  input: { body: unknown; contentType?: string; actor: AuditActor | null },
  locale: Locale,
) {
  if (!Buffer.isBuffer(input.body)) throw new AppError(CoreErrors.UNSUPPORTED_MEDIA_TYPE, { type: input.contentType ?? '' });
  let table: string[][];
  try {
    table = parse(decodeCsv(input.body, input.contentType), { relax_column_count: true, relax_quotes: true, skip_empty_lines: true });
  } catch (err) {
    throw new AppError(FulfilmentErrors.SHIP_CSV_MALFORMED, { reason: (err as Error).message });
  }
  const header = (table[0] ?? []).map((h) => clean(h).toLowerCase());
  const index = Object.fromEntries(
    (Object.keys(COLUMNS) as Column[]).map((c) => [c, header.findIndex((h) => (COLUMNS[c] as readonly string[]).includes(h))]),
  ) as Record<Column, number>;
  const missing = REQUIRED.filter((c) => index[c] < 0);
  if (table.length > 0 && missing.length) throw new AppError(FulfilmentErrors.SHIP_CSV_HEADER_MISSING, { columns: missing.join(', ') });
  const data = table.map((cells, i) => ({ row: i + 1, cells })).slice(1).filter((r) => r.cells.some((c) => clean(c) !== ''));
  if (data.length === 0) throw new AppError(FulfilmentErrors.SHIP_CSV_EMPTY);
  if (data.length > MAX_ROWS) throw new AppError(FulfilmentErrors.SHIP_CSV_TOO_MANY_ROWS, { count: data.length, max: MAX_ROWS });

  const results: ShipRowResult[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { row, cells } of data) {
    const cell = (c: Column) => (index[c] < 0 ? '' : clean(cells[index[c]]));
    const r: ShipRowResult = {
      row, orderNumber: cell('order_number'), carrier: cell('carrier'), trackingNumber: cell('tracking_number'),
      result: 'skipped', code: null, reason: null, shipmentId: null,
    };
    const skip = (code: string, params: Record<string, unknown> = {}) => {
      r.code = code;
      r.reason = problemOf(code, locale, params).detail;
    };
    const empty = REQUIRED.find((c) => !cell(c));
    if (empty) skip(FulfilmentErrors.SHIP_CSV_CELL_MISSING, { column: empty });
    else if (/^\d+(\.\d+)?e\+?\d+$/i.test(r.orderNumber)) skip(FulfilmentErrors.SHIP_CSV_NUMBER_MANGLED, { value: r.orderNumber })
    else if (firstRowOf.has(r.orderNumber)) skip(FulfilmentErrors.SHIP_CSV_ROW_REPEATED, { number: r.orderNumber, other: firstRowOf.get(r.orderNumber) });
    else {
      firstRowOf.set(r.orderNumber, row);
      try {
        // Its own transaction: a refused row rolls back alone and the next one goes ahead.
        const shipmentId = await k.db.transaction(async () => {
          const { shipment, before, after } = await fulfilment.ship(r.orderNumber, { carrier: r.carrier, trackingNumber: r.trackingNumber, warehouse: cell('warehouse') || null }, input.actor?.id ?? null);
          await audit.record(input.actor, 'orders.ship', { type: 'order', id: after.id }, { status: before.status, shippedAt: null }, { status: after.status, shippedAt: after.shippedAt, shipment, via: 'import', row });
          return shipment.id;
        });
        Object.assign(r, { result: 'shipped', shipmentId });
      } catch (err) {
        if (err instanceof AppError && err.status < 500) skip(err.code, err.params);
        else {
          k.log.error({ err, row }, 'bulk ship: row failed');
          skip(CoreErrors.INTERNAL);
        }
      }
    }
    results.push(r);
  }
  const shipped = results.filter((r) => r.result === 'shipped').length;
  return { shipped, skipped: results.length - shipped, rows: results };
}
