import type { AuditEntity } from './service.js';

/** What the log names an entry's target by: its name, a short code (SKU, order number) and what to link to. */
export interface AuditTarget {
  name: { 'zh-CN': string; en: string } | null;
  code: string | null;
  /** The id or number the console's page for this kind of target takes (a product id, an order number). */
  ref: string | null;
}

/**
 * Names the targets of audit entries at read time (a product's current title, an order's number):
 * the log stores only type and id. Wired in the composition root from the other modules' services,
 * so the audit module reads no other module's tables. A target that is gone is simply not named.
 */
export interface AuditTargetReader {
  targets(entities: AuditEntity[]): Promise<Map<string, AuditTarget>>;
  staffNames(ids: string[]): Promise<Map<string, string>>;
}

export const targetKey = (e: AuditEntity) => `${e.type}:${e.id}`;
