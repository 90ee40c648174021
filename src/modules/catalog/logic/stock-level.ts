/**
 * What a shopper is told about stock: 有货 / 仅剩 N 件 / 缺货, never the exact figure above the
 * threshold. The exact count is the store's business (competitors read it, and it changes with every
 * reservation); the count only matters to a shopper when it is small enough to hurry them.
 */
export const LOW_STOCK_SHOWN = 10;

export type StockLevel = 'inStock' | 'low' | 'out';

export function stockLevel(available: number, threshold = LOW_STOCK_SHOWN): { stock: StockLevel; left: number | null } {
  if (available <= 0) return { stock: 'out', left: null };
  if (available <= threshold) return { stock: 'low', left: available };
  return { stock: 'inStock', left: null };
}
