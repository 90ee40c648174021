import { and, asc, desc, eq, gt, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Kernel } from '../../../platform/kernel.js';
import type { DomainEvent } from '../../../platform/outbox/outbox.js';
import { AppError } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { CatalogService } from '../../catalog/index.js';
import type { OrderPaid, OrderRefunded } from '../../orders/index.js';
import type { CouponService } from '../coupons/service.js';
import type { PromotionService } from '../promotions/service.js';
import { CAMPAIGNS_TAG, type CampaignStatus } from './constants.js';
import { CampaignErrors } from './errors.js';
import { campaignState } from './logic/recurrence.js';
import { campaignLevers, channelLinks, channelOf, dayIn, leversOf, summarize } from './logic/report.js';
import { campaignOrders, campaignRefunds, campaigns, customerFirstPaid } from './schema.js';
import type { CampaignInput, CampaignPatch, CampaignReport, CampaignView, StoreCampaignBlock, StoreCampaignSummary, StoreCampaignView } from './types.js';

type Row = typeof campaigns.$inferSelect;
type ImageOf = (id: string) => Promise<{ url: string; width: number; height: number } | null>;

const isUniqueViolation = (err: unknown, constraint: string) =>
  String((err as { cause?: { constraint?: string } })?.cause?.constraint ?? (err as { constraint?: string }).constraint ?? '').includes(constraint);

/**
 * Campaigns (活动): operators plan them on a calendar (window, recurrence, landing blocks, levers,
 * budget, goals, channels) and publish or pause them; the storefront renders a published one's
 * landing page; the report adds up the paid orders attributed to it, from facts the order events
 * leave here (marketing never reads the orders tables).
 */
export class CampaignService {
  constructor(
    private readonly k: Kernel,
    private readonly deps: { catalog: CatalogService; coupons: CouponService; promotions: PromotionService; imageOf: ImageOf },
  ) {}

  private get q() {
    return this.k.db.q;
  }

  // ── staff ────────────────────────────────────────────────────────────────

  async create(input: CampaignInput): Promise<CampaignView> {
    await this.checkReferences(input);
    const now = this.k.clock.now();
    const row: Row = {
      id: newId(),
      slug: input.slug,
      kind: input.kind,
      name: input.name,
      summary: input.summary,
      startsAt: new Date(input.startsAt),
      endsAt: new Date(input.endsAt),
      recurrence: input.recurrence,
      blocks: input.blocks,
      promotionIds: input.promotionIds,
      couponTemplateIds: input.couponTemplateIds,
      budget: input.budget,
      goals: input.goals,
      channels: input.channels,
      status: 'draft',
      publishedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    await this.assertSlugFree(row.slug, null);
    await this.insertOrUpdate(() => this.q.insert(campaigns).values(row), row.slug);
    this.written();
    return this.view(row);
  }

  async update(id: string, patch: CampaignPatch): Promise<{ before: CampaignView; after: CampaignView }> {
    const row = await this.locked(id);
    if (patch.slug !== undefined && patch.slug !== row.slug) {
      if (row.publishedAt) throw new AppError(CampaignErrors.CAMPAIGN_SLUG_LOCKED);
      await this.assertSlugFree(patch.slug, id);
    }
    const next: Row = {
      ...row,
      ...(patch.slug !== undefined ? { slug: patch.slug } : {}),
      ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.summary !== undefined ? { summary: patch.summary } : {}),
      ...(patch.startsAt !== undefined ? { startsAt: new Date(patch.startsAt) } : {}),
      ...(patch.endsAt !== undefined ? { endsAt: new Date(patch.endsAt) } : {}),
      ...(patch.recurrence !== undefined ? { recurrence: patch.recurrence } : {}),
      ...(patch.blocks !== undefined ? { blocks: patch.blocks } : {}),
      ...(patch.promotionIds !== undefined ? { promotionIds: patch.promotionIds } : {}),
      ...(patch.couponTemplateIds !== undefined ? { couponTemplateIds: patch.couponTemplateIds } : {}),
      ...(patch.budget !== undefined ? { budget: patch.budget } : {}),
      ...(patch.goals !== undefined ? { goals: patch.goals } : {}),
      ...(patch.channels !== undefined ? { channels: patch.channels } : {}),
      updatedAt: this.k.clock.now(),
    };
    if (next.endsAt <= next.startsAt) throw new AppError(CampaignErrors.CAMPAIGN_WINDOW_INVALID);
    await this.checkReferences(patch);
    await this.insertOrUpdate(() => this.q.update(campaigns).set(next).where(eq(campaigns.id, id)), next.slug);
    this.written();
    return { before: this.view(row), after: this.view(next) };
  }

  /** Publishes or pauses; the same status again changes nothing (`changed: false`). */
  async setStatus(id: string, status: Exclude<CampaignStatus, 'draft'>): Promise<{ before: CampaignView; after: CampaignView; changed: boolean }> {
    const row = await this.locked(id);
    if (row.status === status) return { before: this.view(row), after: this.view(row), changed: false };
    const now = this.k.clock.now();
    const next: Row = { ...row, status, publishedAt: row.publishedAt ?? (status === 'published' ? now : null), updatedAt: now };
    await this.q.update(campaigns).set({ status, publishedAt: next.publishedAt, updatedAt: now }).where(eq(campaigns.id, id));
    this.written();
    return { before: this.view(row), after: this.view(next), changed: true };
  }

  async get(id: string): Promise<CampaignView> {
    return this.view(await this.row(id));
  }

  /** Campaigns overlapping [from, to) by start (the calendar), or the newest 200 without a range. */
  async list(range: { from?: Date; to?: Date }): Promise<CampaignView[]> {
    const where: SQL[] = [];
    if (range.from) where.push(gt(campaigns.endsAt, range.from));
    if (range.to) where.push(lt(campaigns.startsAt, range.to));
    const rows = where.length
      ? await this.q.select().from(campaigns).where(and(...where)).orderBy(asc(campaigns.startsAt), asc(campaigns.id)).limit(500)
      : await this.q.select().from(campaigns).orderBy(desc(campaigns.createdAt), desc(campaigns.id)).limit(200);
    return rows.map((r) => this.view(r));
  }

  /**
   * The campaign's figures from the paid orders attributed to it: those whose last-touch UTM
   * campaign is its slug (any time: the link's cookie lasts 30 days), and those paid within its
   * window that used one of its promotions or coupon templates.
   */
  async report(id: string): Promise<CampaignReport> {
    const c = await this.row(id);
    const levers = campaignLevers(c);
    const byLever = levers.length
      ? sql`(${campaignOrders.paidAt} >= ${c.startsAt} and ${campaignOrders.paidAt} < ${c.endsAt} and ${campaignOrders.levers} ?| array[${sql.join(levers.map((l) => sql`${l}`), sql`, `)}]::text[])`
      : sql`false`;
    const refunded = this.q
      .select({ orderId: campaignRefunds.orderId, amount: sql<number>`sum(${campaignRefunds.amount})`.as('amount') })
      .from(campaignRefunds)
      .groupBy(campaignRefunds.orderId)
      .as('refunded');
    const rows = await this.q
      .select({
        channel: campaignOrders.channel,
        gmv: campaignOrders.gmv,
        discount: campaignOrders.discount,
        storeDay: campaignOrders.storeDay,
        refunded: sql<number>`coalesce(${refunded.amount}, 0)`.mapWith(Number),
        firstPaid: sql<boolean>`${customerFirstPaid.orderId} is not null`.mapWith(Boolean),
      })
      .from(campaignOrders)
      .leftJoin(refunded, eq(refunded.orderId, campaignOrders.orderId))
      .leftJoin(customerFirstPaid, and(eq(customerFirstPaid.customerId, campaignOrders.customerId), eq(customerFirstPaid.orderId, campaignOrders.orderId)))
      .where(or(eq(campaignOrders.utmCampaign, c.slug), byLever));
    return { campaignId: c.id, currency: 'CNY', ...summarize(rows, c.budget), goals: c.goals };
  }

  // ── shoppers ─────────────────────────────────────────────────────────────

  /** A published campaign's landing page, its blocks resolved (only products on sale, only coupons claimable now). */
  async storeView(slug: string): Promise<StoreCampaignView> {
    const [c] = await this.q.select().from(campaigns).where(eq(campaigns.slug, slug));
    if (!c || c.status !== 'published') throw new AppError(CampaignErrors.CAMPAIGN_NOT_FOUND);
    const { state, occurrence } = campaignState(c, c.recurrence, this.k.clock.now(), this.k.timezone.get());
    const productIds = [...new Set(c.blocks.flatMap((b) => (b.kind === 'products' ? b.productIds : [])))];
    const [products, claimable] = await Promise.all([
      productIds.length ? this.deps.catalog.listProducts({ productIds: { in: productIds }, status: 'active', limit: productIds.length }) : Promise.resolve({ items: [] }),
      c.blocks.some((b) => b.kind === 'coupons') ? this.deps.coupons.claimable() : Promise.resolve([]),
    ]);
    const productById = new Map(products.items.map(({ status: _s, ...p }) => [p.id, p]));
    const templateById = new Map(claimable.map((t) => [t.id, t]));
    const blocks: StoreCampaignBlock[] = [];
    for (const b of c.blocks) {
      switch (b.kind) {
        case 'banner': {
          const image = b.imageId ? await this.deps.imageOf(b.imageId) : null;
          blocks.push({ kind: 'banner', title: b.title, subtitle: b.subtitle, imageUrl: image?.url ?? null, image: image ? { url: image.url, width: image.width, height: image.height } : null });
          break;
        }
        case 'products':
          blocks.push({ kind: 'products', title: b.title, items: b.productIds.flatMap((id) => (productById.has(id) ? [productById.get(id)!] : [])) });
          break;
        case 'coupons':
          blocks.push({ kind: 'coupons', title: b.title, items: b.templateIds.flatMap((id) => (templateById.has(id) ? [templateById.get(id)!] : [])) });
          break;
        default:
          blocks.push(b);
      }
    }
    return {
      slug: c.slug,
      kind: c.kind,
      name: c.name,
      summary: c.summary,
      startsAt: c.startsAt.toISOString(),
      endsAt: c.endsAt.toISOString(),
      state,
      nextOccurrence: occurrence ? { startsAt: occurrence.startsAt.toISOString(), endsAt: occurrence.endsAt.toISOString() } : null,
      blocks,
      updatedAt: c.updatedAt.toISOString(),
    };
  }

  /** Published campaigns not yet ended (the sitemap, a list), soonest ending first. */
  async storeList(): Promise<StoreCampaignSummary[]> {
    const now = this.k.clock.now();
    const rows = await this.q
      .select()
      .from(campaigns)
      .where(and(eq(campaigns.status, 'published'), gt(campaigns.endsAt, now)))
      .orderBy(asc(campaigns.endsAt), asc(campaigns.id))
      .limit(500);
    const tz = this.k.timezone.get();
    return rows.map((c) => ({
      slug: c.slug,
      name: c.name,
      summary: c.summary,
      state: campaignState(c, c.recurrence, now, tz).state,
      updatedAt: c.updatedAt.toISOString(),
      startsAt: c.startsAt.toISOString(),
      endsAt: c.endsAt.toISOString(),
    }));
  }

  // ── facts from order events (idempotent: a replay or a late event changes nothing twice) ──

  /** An order was paid: its attribution facts, and whether it is its customer's first paid order. */
  async onPaid(e: DomainEvent<OrderPaid>): Promise<void> {
    const p = e.payload;
    const paidAt = p.paidAt ? new Date(p.paidAt) : e.occurredAt;
    await this.q
      .insert(customerFirstPaid)
      .values({ customerId: p.customerId, orderId: p.orderId, paidAt })
      .onConflictDoUpdate({
        target: customerFirstPaid.customerId,
        set: { orderId: sql`excluded.order_id`, paidAt: sql`excluded.paid_at` },
        setWhere: sql`(excluded.paid_at, excluded.order_id) < (${customerFirstPaid.paidAt}, ${customerFirstPaid.orderId})`,
      });
    const discounts = p.discounts ?? [];
    const templateOfCoupon = new Map<string, string>();
    for (const d of discounts) {
      if (d.source !== 'coupon' || templateOfCoupon.has(d.id)) continue;
      const coupon = await this.deps.coupons.byId(d.id);
      if (coupon) templateOfCoupon.set(d.id, coupon.templateId);
    }
    await this.q
      .insert(campaignOrders)
      .values({
        orderId: p.orderId,
        customerId: p.customerId,
        utmCampaign: p.utm?.campaign ?? null,
        channel: channelOf(p.utm),
        levers: leversOf(discounts, templateOfCoupon),
        gmv: p.total,
        discount: discounts.reduce((s, d) => s + d.amount, 0),
        paidAt,
        storeDay: p.storeDay ?? dayIn(paidAt, this.k.timezone.get()),
      })
      .onConflictDoNothing();
  }

  /** Money went back: each refund event once (keyed by the event). */
  async onRefunded(e: DomainEvent<OrderRefunded>): Promise<void> {
    await this.q.insert(campaignRefunds).values({ eventId: e.id, orderId: e.payload.orderId, amount: e.payload.amount }).onConflictDoNothing();
  }

  // ── helpers ──────────────────────────────────────────────────────────────

  private written(): void {
    this.k.db.afterCommit(() => this.k.cache.invalidate(CAMPAIGNS_TAG));
  }

  private async row(id: string): Promise<Row> {
    const [row] = await this.q.select().from(campaigns).where(eq(campaigns.id, id));
    if (!row) throw new AppError(CampaignErrors.CAMPAIGN_NOT_FOUND);
    return row;
  }

  private async locked(id: string): Promise<Row> {
    const [row] = await this.q.select().from(campaigns).where(eq(campaigns.id, id)).for('update');
    if (!row) throw new AppError(CampaignErrors.CAMPAIGN_NOT_FOUND);
    return row;
  }

  private async assertSlugFree(slug: string, self: string | null): Promise<void> {
    const [other] = await this.q.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.slug, slug));
    if (other && other.id !== self) throw new AppError(CampaignErrors.CAMPAIGN_SLUG_TAKEN, { slug });
  }

  /** A write racing another for the same slug loses with 409, not a 500. */
  private async insertOrUpdate(write: () => Promise<unknown>, slug: string): Promise<void> {
    try {
      await write();
    } catch (err) {
      if (isUniqueViolation(err, 'marketing_campaigns_slug_idx')) throw new AppError(CampaignErrors.CAMPAIGN_SLUG_TAKEN, { slug });
      throw err;
    }
  }

  /** Every product, coupon template, promotion and picture a campaign names must exist (422 otherwise). */
  private async checkReferences(c: Partial<Pick<CampaignInput, 'blocks' | 'promotionIds' | 'couponTemplateIds'>>): Promise<void> {
    const unknown = (what: string, whatZh: string, id: string) => new AppError(CampaignErrors.CAMPAIGN_REFERENCE_UNKNOWN, { what, whatZh, id });
    const blocks = c.blocks ?? [];
    const productIds = [...new Set(blocks.flatMap((b) => (b.kind === 'products' ? b.productIds : [])))];
    if (productIds.length) {
      const found = new Set((await this.deps.catalog.listProducts({ productIds: { in: productIds }, limit: productIds.length })).items.map((p) => p.id));
      const missing = productIds.find((id) => !found.has(id));
      if (missing) throw unknown('product', '商品', missing);
    }
    const templateIds = [...new Set([...(c.couponTemplateIds ?? []), ...blocks.flatMap((b) => (b.kind === 'coupons' ? b.templateIds : []))])];
    for (const id of templateIds) if (!(await this.deps.coupons.templateExists(id))) throw unknown('coupon template', '优惠券', id);
    for (const id of new Set(c.promotionIds ?? [])) {
      try {
        await this.deps.promotions.get(id);
      } catch {
        throw unknown('promotion', '促销', id);
      }
    }
    for (const b of blocks) if (b.kind === 'banner' && b.imageId && !(await this.deps.imageOf(b.imageId))) throw unknown('picture', '图片', b.imageId);
  }

  private view(r: Row): CampaignView {
    const { state } = campaignState(r, r.recurrence, this.k.clock.now(), this.k.timezone.get());
    return {
      id: r.id,
      slug: r.slug,
      kind: r.kind,
      name: r.name,
      summary: r.summary,
      startsAt: r.startsAt.toISOString(),
      endsAt: r.endsAt.toISOString(),
      recurrence: r.recurrence,
      blocks: r.blocks,
      promotionIds: r.promotionIds,
      couponTemplateIds: r.couponTemplateIds,
      budget: r.budget,
      goals: r.goals,
      channels: r.channels,
      status: r.status,
      state,
      links: channelLinks(r.slug, r.channels, this.k.config.publicUrlSet ? this.k.config.publicUrl.replace(/\/$/, '') : ''),
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    };
  }
}
