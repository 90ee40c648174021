import { asc, eq } from 'drizzle-orm';
import type { Kernel } from '../../platform/kernel.js';
import { newId } from '../../platform/ids.js';
import type { ShippingMethod } from '../pricing/index.js';
import { shippingMethods } from './schema.js';

/** The methods a new store starts with: 标准快递 (free over ¥99) and 顺丰 by weight with regional rates. */
const DEFAULTS = [
  {
    code: 'standard',
    name: { 'zh-CN': '标准快递', en: 'Standard delivery' },
    kind: 'freeOver' as const,
    rule: { flatFee: 1000, freeThreshold: 9900 },
    position: 0,
  },
  {
    code: 'express',
    name: { 'zh-CN': '顺丰速运', en: 'SF Express' },
    kind: 'byWeight' as const,
    rule: {
      firstWeightGrams: 1000,
      firstFee: 1800,
      extraWeightGrams: 1000,
      extraFee: 600,
      // 新疆, 西藏, 青海, 内蒙古 cost more to reach.
      regionFees: [{ provinceCodes: ['65', '54', '63', '15'], firstFee: 3000, extraFee: 1500 }],
    },
    position: 1,
  },
];

export class ShippingMethods {
  constructor(private readonly k: Kernel) {}

  async ensureDefaults(): Promise<void> {
    const existing = await this.k.db.q.select({ id: shippingMethods.id }).from(shippingMethods).limit(1);
    if (existing.length) return;
    await this.k.db.q
      .insert(shippingMethods)
      .values(DEFAULTS.map((d) => ({ id: newId(), ...d, active: true })))
      .onConflictDoNothing();
  }

  async list(activeOnly = true): Promise<ShippingMethod[]> {
    const rows = await this.k.db.q.select().from(shippingMethods).orderBy(asc(shippingMethods.position));
    return rows.filter((r) => r.active || !activeOnly).map(toMethod);
  }

  async find(id: string): Promise<ShippingMethod | undefined> {
    const [row] = await this.k.db.q.select().from(shippingMethods).where(eq(shippingMethods.id, id));
    return row?.active ? toMethod(row) : undefined;
  }
}

function toMethod(r: typeof shippingMethods.$inferSelect): ShippingMethod {
  return { id: r.id, code: r.code, name: r.name, kind: r.kind, ...(r.rule as object) };
}
