import { z } from 'zod';

/** One audited staff write. Zod only, so the console can infer `AuditEntry` from it. */
export const auditEntry = z.object({
  id: z.string(),
  staffId: z.string(),
  staffEmail: z.string(),
  action: z.string().describe('e.g. catalog.product.update'),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown().describe('Changed fields before the write (null for creations)'),
  after: z.unknown().describe('Changed fields after the write'),
  at: z.string(),
  ip: z.string().nullable(),
  staffName: z.string().nullable().describe('The staff member’s name now (null if the account is gone)'),
  target: z
    .object({
      name: z.object({ 'zh-CN': z.string(), en: z.string() }).nullable(),
      code: z.string().nullable().describe('A SKU, an order number'),
      ref: z.string().nullable().describe('What the console links to: a product id, an order number, …'),
    })
    .describe('The target named at read time (null fields when it is unknown or gone)'),
});
