import { defineEvent } from '../../../platform/outbox/events.js';

/** A shopper won units of a flash sale item: the order is made from the claim (decision 0040). */
export interface FlashSaleClaimed {
  claimId: string;
  itemId: string;
  customerId: string;
  quantity: number;
}

export const FlashSaleEvents = {
  claimed: defineEvent<FlashSaleClaimed>('flashSale.claimed'),
};
