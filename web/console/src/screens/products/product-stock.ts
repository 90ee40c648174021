import type { StockLine, Variant, Warehouse } from '../../types';

/**
 * The product form's stock card: one line per saved variant and warehouse. A variant with no stock
 * row yet (just created; inventory opens one at 0 moments later) shows a zero line in the default
 * warehouse, which the adjust action can book the first receipt on all the same.
 */
export function productStockLines(
  title: StockLine['title'],
  productId: string,
  variants: Variant[],
  lines: StockLine[],
  warehouse: Warehouse | undefined,
): StockLine[] {
  const out: StockLine[] = [];
  for (const v of variants) {
    const own = lines.filter((l) => l.variantId === v.id);
    if (own.length) out.push(...own.map((l) => ({ ...l, sku: v.sku })));
    else if (warehouse) {
      out.push({
        variantId: v.id, productId, sku: v.sku, title, warehouseId: warehouse.id, warehouseCode: warehouse.code,
        warehouseName: warehouse.name, onHand: 0, reserved: 0, available: 0, updatedAt: '',
      });
    }
  }
  return out;
}

/** Units a shopper could buy now: available stock of the variants that are on sale. */
export function sellableUnits(variants: Variant[], lines: StockLine[]): number {
  const onSale = new Set(variants.filter((v) => v.active).map((v) => v.id));
  return lines.filter((l) => onSale.has(l.variantId)).reduce((n, l) => n + Math.max(0, l.available), 0);
}
