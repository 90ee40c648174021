import { z } from 'zod';
import { localizedView as localized } from '../../platform/http/view-fields.js';
import { LEDGER_REASONS } from './reasons.js';

// Stock screens over HTTP. Zod only, so the console can infer its types from these. As wide as the
// tables: a product title here is the catalog's (up to its own limit), not a warehouse name's.

export const warehouseView = z.object({
  id: z.string(),
  code: z.string(),
  name: localized,
  isDefault: z.boolean(),
  active: z.boolean(),
  createdAt: z.string(),
});

export const stockLineView = z.object({
  variantId: z.string(),
  productId: z.string().nullable(),
  sku: z.string().nullable(),
  title: localized.nullable(),
  warehouseId: z.string(),
  warehouseCode: z.string(),
  warehouseName: localized,
  onHand: z.number().int(),
  reserved: z.number().int(),
  available: z.number().int().describe('on-hand − reserved'),
  updatedAt: z.string(),
});

export const ledgerView = z.object({
  id: z.number().int(),
  variantId: z.string(),
  warehouseId: z.string(),
  deltaOnHand: z.number().int(),
  deltaReserved: z.number().int(),
  onHandAfter: z.number().int(),
  reservedAfter: z.number().int(),
  reason: z.string().describe(LEDGER_REASONS.join(', ')),
  refType: z.string().nullable(),
  refId: z.string().nullable(),
  note: z.string().nullable(),
  staffId: z.string().nullable(),
  at: z.string(),
});
