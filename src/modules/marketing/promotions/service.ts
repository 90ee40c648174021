import { and, desc, eq, inArray, lt, or, type SQL } from 'drizzle-orm';
import type { Kernel } from '../../../platform/kernel.js';
import { AppError, CoreErrors, notFound } from '../../../platform/errors.js';
import { listCursor, timeAndId, toPage } from '../../../platform/http/pagination.js';
import { newId } from '../../../platform/ids.js';
import { LocalCopy } from '../../../platform/local-copy.js';
import type { CatalogService } from '../../catalog/index.js';
import { describeAction, PricingInputError, rulePrecedence, validateRules, type PricingRule, type RuleAction } from '../../pricing/index.js';
import { promotions, type PromotionStatus } from './schema.js';
import type { PromotionAction, PromotionInput, PromotionPatch, PromotionView } from './types.js';

import { PROMOTIONS_TAG } from './cache-tags.js';
export { PROMOTIONS_TAG };
const cursor = listCursor('marketing.promotions', timeAndId);
type Row = typeof promotions.$inferSelect;

export interface PromotionBadge {
  id: string;
  kind: string;
  label: { 'zh-CN': string; en: string };
  name: { 'zh-CN': string; en: string };
  scope: { productIds?: string[]; categoryIds?: string[]; brandIds?: string[]; excludeProductIds?: string[] } | null;
  tiers: string[] | null;
  newCustomersOnly: boolean;
  /** 直降 / 限时折扣: what each unit in scope is cheaper by, so listings can show the price after it. */
  unitOff: { amountOff?: number; percentOff?: number } | null;
  endsAt: string | null;
}

export interface PromotionFilter {
  status?: PromotionStatus[];
  kind?: string;
  cursor?: string;
  limit: number;
}

/** What the quote needs, kept in process: rules whose objects stay the same between quotes (the engine caches per object). */
interface Running {
  rules: PricingRule[];
  /** Gift promotions, resolved per quote against the catalog (the gift must still be on sale). */
  gifts: Array<{ rule: PricingRule; variantId: string; quantity: number }>;
}

/**
 * Promotions: operators create, change, pause and resume them; checkout asks for the running ones
 * as pricing rules (promotionsParticipant) from an in-process copy that every write drops, in
 * every process, once it commits.
 */
export class PromotionService {
  private readonly running: LocalCopy<Running>;

  constructor(
    private readonly k: Kernel,
    private readonly catalog: CatalogService,
  ) {
    this.running = new LocalCopy(k.db, k.cache, PROMOTIONS_TAG);
  }

  async create(input: PromotionInput): Promise<PromotionView> {
    const now = this.k.clock.now();
    const row: Row = {
      id: newId(),
      name: input.name,
      kind: input.action.kind,
      action: input.action as RuleAction,
      scope: input.scope ?? null,
      conditions: input.conditions ?? null,
      stacking: input.stacking ?? {},
      startsAt: input.startsAt ?? null,
      endsAt: input.endsAt ?? null,
      status: input.status,
      createdAt: now,
      updatedAt: now,
    };
    this.assertPriceable(row);
    this.running.written();
    await this.k.db.q.insert(promotions).values(row);
    return this.view(row);
  }

  async update(id: string, patch: PromotionPatch): Promise<{ before: PromotionView; after: PromotionView }> {
    const row = await this.locked(id);
    const next: Row = {
      ...row,
      ...(patch.name ? { name: patch.name } : {}),
      ...(patch.action ? { action: patch.action as RuleAction, kind: patch.action.kind } : {}),
      ...(patch.scope !== undefined ? { scope: patch.scope } : {}),
      ...(patch.conditions !== undefined ? { conditions: patch.conditions } : {}),
      ...(patch.stacking ? { stacking: patch.stacking } : {}),
      ...(patch.startsAt !== undefined ? { startsAt: patch.startsAt } : {}),
      ...(patch.endsAt !== undefined ? { endsAt: patch.endsAt } : {}),
      updatedAt: this.k.clock.now(),
    };
    if (next.startsAt && next.endsAt && next.endsAt <= next.startsAt) throw new AppError(CoreErrors.VALIDATION_FAILED, { summary: 'endsAt must be after startsAt' });
    this.assertPriceable(next);
    this.running.written();
    await this.k.db.q.update(promotions).set(next).where(eq(promotions.id, id));
    return { before: this.view(row), after: this.view(next) };
  }

  /** Pauses or resumes; the same status again changes nothing (and says so with `changed: false`). */
  async setStatus(id: string, status: PromotionStatus): Promise<{ before: PromotionView; after: PromotionView; changed: boolean }> {
    const row = await this.locked(id);
    if (row.status === status) return { before: this.view(row), after: this.view(row), changed: false };
    const next = { ...row, status, updatedAt: this.k.clock.now() };
    this.running.written();
    await this.k.db.q.update(promotions).set({ status, updatedAt: next.updatedAt }).where(eq(promotions.id, id));
    return { before: this.view(row), after: this.view(next), changed: true };
  }

  async get(id: string): Promise<PromotionView> {
    const [row] = await this.k.db.q.select().from(promotions).where(eq(promotions.id, id));
    if (!row) throw notFound(`promotion ${id}`);
    return this.view(row);
  }

  /** Newest first, keyset-paginated. */
  async list(f: PromotionFilter) {
    const where: SQL[] = [];
    if (f.status?.length) where.push(inArray(promotions.status, f.status));
    if (f.kind) where.push(eq(promotions.kind, f.kind));
    const after = cursor.decode(this.k.secrets.session, f.cursor);
    if (after) {
      const [at, id] = after;
      where.push(or(lt(promotions.createdAt, at), and(eq(promotions.createdAt, at), lt(promotions.id, id)))!);
    }
    const rows = await this.k.db.q
      .select()
      .from(promotions)
      .where(and(...where))
      .orderBy(desc(promotions.createdAt), desc(promotions.id))
      .limit(f.limit + 1);
    return toPage(rows, f.limit, (r) => cursor.encode(this.k.secrets.session, [r.createdAt.toISOString(), r.id]), (r) => this.view(r));
  }

  /**
   * The promotions that may apply now or later, as pricing rules (their windows are conditions the
   * engine checks against the quote's time). Read from the in-process copy: no statement per quote.
   */
  async rules(): Promise<PricingRule[]> {
    const running = await this.running.read('running', () => this.loadRunning());
    if (running.gifts.length === 0) return running.rules;
    const variants = await this.catalog.sellableVariants([...new Set(running.gifts.map((g) => g.variantId))], { cached: true });
    const gifts: PricingRule[] = [];
    for (const g of running.gifts) {
      const v = variants.get(g.variantId);
      if (!v?.sellable || g.rule.action.kind !== 'buyXGetY') continue; // a gift no longer on sale: the promotion rests
      gifts.push({ ...g.rule, action: { ...g.rule.action, gift: { variantId: v.variantId, productId: v.productId, unitPrice: v.price, weightGrams: v.weightGrams, quantity: g.quantity } } });
    }
    return [...running.rules, ...gifts].sort(rulePrecedence);
  }

  /**
   * What listings and product pages show (促销标签): the promotions running now, each with its rule in
   * a few words, its scope and who may have it; and when the next one starts or ends, so a page
   * that shows them is kept no longer than that. From the in-process copy: no statement.
   */
  async badges(): Promise<{ items: PromotionBadge[]; nextChangeAt: string | null }> {
    const now = this.k.clock.now().getTime();
    const running = await this.running.read('running', () => this.loadRunning());
    let next = Infinity;
    const items: PromotionBadge[] = [];
    for (const rule of [...running.rules, ...running.gifts.map((g) => g.rule)]) {
      const starts = rule.conditions?.startsAt ? Date.parse(rule.conditions.startsAt) : -Infinity;
      const ends = rule.conditions?.endsAt ? Date.parse(rule.conditions.endsAt) : Infinity;
      if (starts > now) next = Math.min(next, starts);
      if (ends > now) next = Math.min(next, ends);
      if (!(starts <= now && now < ends)) continue;
      items.push({
        id: rule.id,
        kind: rule.action.kind,
        label: describeAction(rule.action),
        name: rule.name,
        scope: (rule.scope as PromotionBadge['scope']) ?? null,
        tiers: rule.conditions?.tiers?.length ? [...rule.conditions.tiers] : null,
        newCustomersOnly: rule.conditions?.newCustomersOnly === true,
        unitOff: rule.action.kind === 'unitDiscount' ? { amountOff: rule.action.amountOff, percentOff: rule.action.percentOff } : null,
        endsAt: Number.isFinite(ends) ? new Date(ends).toISOString() : null,
      });
    }
    return { items, nextChangeAt: Number.isFinite(next) ? new Date(next).toISOString() : null };
  }

  private async loadRunning(): Promise<Running> {
    const now = this.k.clock.now();
    const rows = await this.k.db.q.select().from(promotions).where(eq(promotions.status, 'active'));
    const out: Running = { rules: [], gifts: [] };
    for (const row of rows) {
      if (row.endsAt && row.endsAt <= now) continue;
      const rule = ruleOf(row);
      const a = row.action as PromotionAction;
      if (a.kind === 'buyXGetY' && a.giftVariantId) out.gifts.push({ rule, variantId: a.giftVariantId, quantity: a.get });
      else out.rules.push(rule);
    }
    // In the engine's working order, so a quote need not sort them again.
    out.rules.sort(rulePrecedence);
    return out;
  }

  private async locked(id: string): Promise<Row> {
    const [row] = await this.k.db.q.select().from(promotions).where(eq(promotions.id, id)).for('update');
    if (!row) throw notFound(`promotion ${id}`);
    return row;
  }

  /** The engine's own check, so what staff save can always be priced at checkout. */
  private assertPriceable(row: Row): void {
    try {
      validateRules([ruleOf(row)], { now: this.k.clock.now().toISOString() });
    } catch (err) {
      if (err instanceof PricingInputError) throw new AppError(CoreErrors.VALIDATION_FAILED, { summary: err.message });
      throw err;
    }
  }

  private view(r: Row): PromotionView {
    const now = this.k.clock.now();
    const runState = r.status === 'paused' ? 'paused' : r.startsAt && r.startsAt > now ? 'scheduled' : r.endsAt && r.endsAt <= now ? 'ended' : 'running';
    return {
      id: r.id,
      name: r.name,
      kind: r.kind,
      action: r.action as unknown as Record<string, unknown>,
      scope: (r.scope as Record<string, unknown> | null) ?? null,
      conditions: (r.conditions as Record<string, unknown> | null) ?? null,
      stacking: r.stacking as Record<string, unknown>,
      startsAt: r.startsAt?.toISOString() ?? null,
      endsAt: r.endsAt?.toISOString() ?? null,
      status: r.status,
      runState,
      description: describeAction(engineActionOf(r)),
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    };
  }
}

/** A row as the engine's rule: the window becomes conditions checked against the quote's time. */
function ruleOf(row: Row): PricingRule {
  const action = engineActionOf(row);
  const conditions = {
    ...(row.conditions ?? {}),
    ...(row.startsAt ? { startsAt: row.startsAt.toISOString() } : {}),
    ...(row.endsAt ? { endsAt: row.endsAt.toISOString() } : {}),
  };
  return {
    id: row.id,
    source: 'promotion',
    name: row.name,
    action,
    ...(row.scope ? { scope: row.scope } : {}),
    ...(Object.keys(conditions).length ? { conditions } : {}),
    stacking: row.stacking,
  };
}

/** The stored action as the engine takes it: a gift is named by its variant here and resolved per quote (rules()). */
function engineActionOf(row: Row): RuleAction {
  const { giftVariantId: _gift, ...action } = row.action as PromotionAction & { giftVariantId?: string };
  return action as RuleAction;
}
