import { desc, eq } from 'drizzle-orm';
import type { Kernel } from '../../../platform/kernel.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { CatalogService } from '../../catalog/index.js';
import { checkActivity, type GroupBuyActivity } from './logic/activity.js';
import { GroupBuyErrors } from './errors.js';
import { groupBuyActivities, type GroupBuyStatus } from './schema.js';
import type { GroupBuyInput, GroupBuyPatch, GroupBuyView } from './types.js';

export type ActivityRow = typeof groupBuyActivities.$inferSelect;

/**
 * Group-buy activities (拼团活动) as operators keep them: created and edited whole through the pure
 * check (logic/activity.ts) against the product's sellable variants, paused, resumed, or ended for
 * good. Teams copy the size when they open, so an edit never resizes a live team.
 */
export class GroupBuyActivities {
  constructor(
    private readonly k: Kernel,
    private readonly catalog: CatalogService,
  ) {}

  private get q() {
    return this.k.db.q;
  }

  async create(input: GroupBuyInput): Promise<GroupBuyView> {
    const { name, ...draft } = input;
    const settings = await this.checked(draft);
    const now = this.k.clock.now();
    const [row] = await this.q.insert(groupBuyActivities).values({ id: newId(), name, ...settings, status: 'active', createdAt: now, updatedAt: now }).returning();
    return activityView(row);
  }

  /**
   * Edits an activity (not its product): what is given replaces what is stored, and the whole is
   * checked again. New teams take the new settings; a team already open keeps its size, and its
   * deadline once the leader has paid (logic/team.ts). An ended activity is history: 409.
   */
  async update(id: string, patch: GroupBuyPatch): Promise<{ before: GroupBuyView; after: GroupBuyView }> {
    return this.k.db.transaction(async () => {
      const current = await this.row(id, true);
      if (current.status === 'ended') throw new AppError(GroupBuyErrors.GROUP_ACTIVITY_ENDED);
      const { name, ...draft } = { ...toActivity(current), name: current.name, ...patch };
      const settings = await this.checked(draft);
      const [row] = await this.q.update(groupBuyActivities).set({ name, ...settings, updatedAt: this.k.clock.now() }).where(eq(groupBuyActivities.id, id)).returning();
      return { before: activityView(current), after: activityView(row) };
    });
  }

  /** Pauses (no new team or seat), resumes, or ends for good; teams already open run to their end either way. */
  async setStatus(id: string, status: GroupBuyStatus): Promise<{ before: GroupBuyView; after: GroupBuyView }> {
    return this.k.db.transaction(async () => {
      const current = await this.row(id, true);
      if (current.status === 'ended' && status !== 'ended') throw new AppError(GroupBuyErrors.GROUP_ACTIVITY_ENDED);
      const [row] = await this.q.update(groupBuyActivities).set({ status, updatedAt: this.k.clock.now() }).where(eq(groupBuyActivities.id, id)).returning();
      return { before: activityView(current), after: activityView(row) };
    });
  }

  async list(): Promise<GroupBuyView[]> {
    return (await this.q.select().from(groupBuyActivities).orderBy(desc(groupBuyActivities.createdAt), desc(groupBuyActivities.id)).limit(200)).map(activityView);
  }

  async get(id: string): Promise<GroupBuyView> {
    return activityView(await this.row(id));
  }

  /** The stored row (404 when there is none); `lock` holds it for the caller's transaction. */
  async row(id: string, lock = false): Promise<ActivityRow> {
    const row = await this.find(id, lock);
    if (!row) throw notFound(`group buy ${id}`);
    return row;
  }

  async find(id: string, lock = false): Promise<ActivityRow | null> {
    const base = this.q.select().from(groupBuyActivities).where(eq(groupBuyActivities.id, id));
    const [row] = lock ? await base.for('update') : await base;
    return row ?? null;
  }

  /** A draft checked against the product's sellable variants and their prices (every field's error at once). */
  private async checked(draft: Omit<GroupBuyInput, 'name'>) {
    const variants = await this.catalog.sellableVariants(draft.variants.map((v) => v.variantId));
    const normal: Record<string, number> = {};
    for (const v of variants.values()) if (v.productId === draft.productId && v.sellable) normal[v.variantId] = v.price;
    const checked = checkActivity(draft, normal);
    if (checked.ok) return checked.settings;
    throw new AppError(GroupBuyErrors.GROUP_ACTIVITY_INVALID, {
      reasons: checked.errors.map((e) => `${e.path} ${e.message.en}`).join('; '),
      reasonsZh: checked.errors.map((e) => `${e.path} ${e.message['zh-CN']}`).join('；'),
    }, { errors: checked.errors });
  }
}

export function toActivity(r: ActivityRow): GroupBuyActivity {
  return { id: r.id, productId: r.productId, variants: r.variants, teamSize: r.teamSize, timeLimitMinutes: r.timeLimitMinutes, perCustomerLimit: r.perCustomerLimit, leaderDiscount: r.leaderDiscount, simulatedFill: r.simulatedFill };
}

export function activityView(r: ActivityRow): GroupBuyView {
  return { ...toActivity(r), name: r.name, status: r.status, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() };
}
