import { z } from 'zod';
import { localizedView } from '../../../platform/http/view-fields.js';
import { FLASH_CLAIM_RELEASE_REASONS, FLASH_CLAIM_STATES, FLASH_ROUND_STATUSES } from './schema.js';

/** Flash sales over HTTP: inputs decide what may be stored; views show what is stored (no limits). */
const minor = z.number().int().min(1).max(100_000_000).describe('Integer minor units (fen), at least 1');

export const flashRoundName = z
  .object({ 'zh-CN': z.string().trim().min(1).max(40), en: z.string().trim().min(1).max(40) })
  .strict()
  .describe('The round’s name in both languages (e.g. 20:00 场)');

export const flashItemInput = z
  .object({
    variantId: z.uuid(),
    flashPrice: minor.describe('The flash price, below the SKU’s price'),
    stock: z.number().int().min(1).max(100_000).describe('Units carved out of warehouse stock for this round'),
    perCustomerLimit: z.number().int().min(1).max(99).default(1).describe('Units one customer may buy in this round'),
  })
  .strict();

export const flashRoundInput = z
  .object({
    name: flashRoundName,
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    items: z.array(flashItemInput).min(1).max(50),
  })
  .strict()
  .refine((r) => Date.parse(r.endsAt) > Date.parse(r.startsAt), { message: 'endsAt must be after startsAt', path: ['endsAt'] })
  .refine((r) => new Set(r.items.map((i) => i.variantId)).size === r.items.length, { message: 'a SKU appears twice', path: ['items'] });
export type FlashRoundInput = z.infer<typeof flashRoundInput>;

export const flashItemView = z.object({
  id: z.string(),
  variantId: z.string(),
  productId: z.string(),
  flashPrice: z.number().int(),
  stock: z.number().int(),
  perCustomerLimit: z.number().int(),
  /** Units still to be had (null before the round is published). */
  left: z.number().int().nullable(),
});
export type FlashItemView = z.infer<typeof flashItemView>;

export const flashRoundView = z.object({
  id: z.string(),
  name: localizedView,
  startsAt: z.string(),
  endsAt: z.string(),
  status: z.enum(FLASH_ROUND_STATUSES),
  items: z.array(flashItemView),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type FlashRoundView = z.infer<typeof flashRoundView>;

export const flashClaimView = z.object({
  id: z.string(),
  itemId: z.string(),
  quantity: z.number().int(),
  state: z.enum(FLASH_CLAIM_STATES),
  orderId: z.string().nullable().describe('The order made from the win (state ordered or paid)'),
  releasedReason: z.enum(FLASH_CLAIM_RELEASE_REASONS).nullable().describe('orderFailed: the order could not be made; orderCancelled: it was cancelled or not paid in time'),
  failure: z.string().nullable().describe('Why the order could not be made: the refusal’s code (e.g. FLASH_ADDRESS_NEEDED)'),
  createdAt: z.string(),
});
export type FlashClaimView = z.infer<typeof flashClaimView>;

/** Every unit of an item accounted for (decision 0040): stock = left + units in claims not released. */
export const flashItemReport = z.object({
  itemId: z.string(),
  variantId: z.string(),
  stock: z.number().int(),
  units: z.object({ decided: z.number().int(), ordered: z.number().int(), paid: z.number().int(), released: z.number().int() }),
  returned: z.number().int().describe('Units given back to the warehouse (unsold at the close; cancelled after it)'),
  left: z.number().int().nullable(),
  accounted: z.boolean().describe('left + decided + ordered + paid + returned = stock'),
});
export type FlashItemReport = z.infer<typeof flashItemReport>;
