import { defineEvent } from '../../platform/outbox/events.js';


export interface StockChanged {
  variantIds: string[];
  reason: string;
}

export const InventoryEvents = {
  stockChanged: defineEvent<StockChanged>('inventory.stock.changed'),
};

/** Cache tag for anything showing a variant's availability. */
export const stockTag = (variantId: string) => `stock:${variantId}`;
