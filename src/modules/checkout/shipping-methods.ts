import { asc, eq, sql } from 'drizzle-orm';
import type { Kernel } from '../../platform/kernel.js';
import { AppError, CoreErrors, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { LocalCopy } from '../../platform/local-copy.js';
import { DEFAULT_CURRENCY } from '../../platform/money.js';
import { PricingInputError, validatePricingInput, type ShippingMethod } from '../pricing/index.js';
import { shippingMethods } from './schema.js';
import { CheckoutErrors } from './errors.js';
import { SHIPPING_METHODS_TAG } from './cache-tags.js';
import { RULE_FIELDS, shippingRule, type ShippingMethodInput, type ShippingMethodPatch } from './types.js';

export { SHIPPING_METHODS_TAG };

type Row = typeof shippingMethods.$inferSelect;
/** A method as the store offers it: the pricing engine's fee rule and how many days delivery takes. */
export type OfferedShippingMethod = ShippingMethod & { deliveryDays: number };
export type AdminShippingMethod = OfferedShippingMethod & { active: boolean; position: number };

/** The methods a new store starts with: 标准快递 (free over ¥99) and 顺丰 by weight with regional rates. */
const DEFAULTS = [
  {
    code: 'standard',
    name: { 'zh-CN': '标准快递', en: 'Standard delivery' },
    kind: 'freeOver' as const,
    rule: { flatFee: 1000, freeThreshold: 9900 },
    position: 0,
    deliveryDays: 3,
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
    deliveryDays: 2,
  },
];

export class ShippingMethods {
  /** The active methods by id, kept in process: checkout looks one up on every order. */
  private readonly active: LocalCopy<Map<string, OfferedShippingMethod>>;

  constructor(private readonly k: Kernel) {
    this.active = new LocalCopy(k.db, k.cache, SHIPPING_METHODS_TAG);
  }

  async ensureDefaults(): Promise<void> {
    const existing = await this.k.db.q.select({ id: shippingMethods.id }).from(shippingMethods).limit(1);
    if (existing.length) return;
    this.changed();
    await this.k.db.q
      .insert(shippingMethods)
      .values(DEFAULTS.map((d) => ({ id: newId(), ...d, active: true })))
      .onConflictDoNothing();
  }

  async list(activeOnly = true): Promise<OfferedShippingMethod[]> {
    const rows = await this.k.db.q.select().from(shippingMethods).orderBy(asc(shippingMethods.position));
    return rows.filter((r) => r.active || !activeOnly).map(toMethod);
  }

  async find(id: string): Promise<ShippingMethod | undefined> {
    const active = await this.active.read('active', async () => new Map((await this.list()).map((m) => [m.id, m])));
    return active.get(id);
  }

  /** Every method, active or not, for staff. */
  async listForStaff(): Promise<AdminShippingMethod[]> {
    const rows = await this.k.db.q.select().from(shippingMethods).orderBy(asc(shippingMethods.position), asc(shippingMethods.code));
    return rows.map(toAdminMethod);
  }

  /** Adds a method (inside the caller's transaction); a code in use is a 409. */
  async create(input: ShippingMethodInput): Promise<AdminShippingMethod> {
    const { code, name, active, position, kind, deliveryDays, ...rule } = input;
    assertPriceable({ id: 'new', code, name, kind, ...rule } as ShippingMethod);
    const [{ next }] = await this.k.db.q
      .select({ next: sql<number>`coalesce(max(${shippingMethods.position}) + 1, 0)::int` })
      .from(shippingMethods);
    const [row] = await this.k.db.q
      .insert(shippingMethods)
      .values({ id: newId(), code, name, kind, rule, active, position: position ?? next, deliveryDays })
      .onConflictDoNothing({ target: shippingMethods.code })
      .returning();
    if (!row) throw new AppError(CheckoutErrors.SHIPPING_METHOD_CODE_TAKEN, { code });
    this.changed();
    return toAdminMethod(row);
  }

  /**
   * Changes a method. Fee fields without `kind` adjust the current rule, with `kind` they replace
   * it; the result must be a whole rule the pricing engine accepts. The last active method cannot
   * be deactivated: checkout needs one.
   */
  async update(id: string, patch: ShippingMethodPatch): Promise<{ before: AdminShippingMethod; after: AdminShippingMethod }> {
    // Every active row is locked (in id order, so two updates cannot deadlock) before counting them.
    const active = await this.k.db.q
      .select({ id: shippingMethods.id })
      .from(shippingMethods)
      .where(eq(shippingMethods.active, true))
      .orderBy(asc(shippingMethods.id))
      .for('update');
    const [row] = await this.k.db.q.select().from(shippingMethods).where(eq(shippingMethods.id, id)).for('update');
    if (!row) throw notFound(`shipping method ${id}`);
    const before = toAdminMethod(row);

    const { name, active: nextActive, position, kind, deliveryDays, ...fees } = patch;
    const base = kind !== undefined && kind !== row.kind ? {} : (row.rule as Record<string, unknown>);
    const merged: Record<string, unknown> = { kind: kind ?? row.kind, ...pickRule(base) };
    for (const [field, value] of Object.entries(fees)) {
      if (value === null) delete merged[field];
      else if (value !== undefined) merged[field] = value;
    }
    const parsed = shippingRule.safeParse(merged);
    if (!parsed.success) {
      const summary = parsed.error.issues.map((i) => `${i.path.join('.') || 'rule'}: ${i.message}`).join('; ');
      throw new AppError(CoreErrors.VALIDATION_FAILED, { summary: `the ${merged.kind as string} rule is incomplete or mixed — ${summary}` });
    }
    const { kind: newKind, ...rule } = parsed.data;
    assertPriceable({ id: row.id, code: row.code, name: name ?? row.name, kind: newKind, ...rule } as ShippingMethod);
    if (nextActive === false && row.active && active.length <= 1) throw new AppError(CheckoutErrors.LAST_SHIPPING_METHOD);

    const [updated] = await this.k.db.q
      .update(shippingMethods)
      .set({ name: name ?? row.name, active: nextActive ?? row.active, position: position ?? row.position, deliveryDays: deliveryDays ?? row.deliveryDays, kind: newKind, rule })
      .where(eq(shippingMethods.id, id))
      .returning();
    this.changed();
    return { before, after: toAdminMethod(updated) };
  }

  /** Drops the store's cached list, in every process, once the change commits. */
  private changed(): void {
    this.active.written(); // and the store's cached list with it (same tag)
  }
}

function pickRule(rule: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(RULE_FIELDS.filter((f) => rule[f] !== undefined).map((f) => [f, rule[f]]));
}

/** The pricing engine's own check, so a method staff save can always be priced at checkout. */
function assertPriceable(method: ShippingMethod): void {
  try {
    validatePricingInput({
      currency: DEFAULT_CURRENCY,
      lines: [{ lineId: 'probe', variantId: 'probe', productId: 'probe', unitPrice: 0, quantity: 1, weightGrams: 0 }],
      shipping: method,
    });
  } catch (err) {
    if (err instanceof PricingInputError) throw new AppError(CoreErrors.VALIDATION_FAILED, { summary: err.message });
    throw err;
  }
}

function toMethod(r: Row): OfferedShippingMethod {
  return { id: r.id, code: r.code, name: r.name, kind: r.kind, ...(r.rule as object), deliveryDays: r.deliveryDays };
}

function toAdminMethod(r: Row): AdminShippingMethod {
  return { ...toMethod(r), active: r.active, position: r.position };
}
