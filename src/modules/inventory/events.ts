export const InventoryEvents = {
  stockChanged: 'inventory.stock.changed',
} as const;

export interface StockChanged {
  variantIds: string[];
  reason: string;
}

/** Cache tag for anything showing a variant's availability. */
export const stockTag = (variantId: string) => `stock:${variantId}`;
