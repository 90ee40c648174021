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
});
