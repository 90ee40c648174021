import { TZDate } from '@date-fns/tz';
import { z } from 'zod';

/**
 * The store's points policy (积分规则), kept in settings: how many points a yuan of goods earns,
 * what points are worth at checkout and how much of an order they may pay, the daily check-in
 * reward, and when points expire. Pure: the service reads and stores it.
 */
export const pointsPolicy = z
  .object({
    enabled: z.boolean().describe('Points earned and spent at all'),
    earnPerYuan: z.number().int().min(0).max(100).describe('Points per ¥1 of goods paid in money (after discounts, not shipping, not what points paid)'),
    pointsPerUnit: z.number().int().min(1).max(100_000).describe('Points spend in blocks of this many (the minimum unit)…'),
    unitValue: z.number().int().min(1).max(100_000).describe('…each worth this much, in minor units'),
    maxShareBps: z.number().int().min(0).max(10_000).describe('The largest share of an order’s goods points may pay, in basis points (5000 = 50%)'),
    checkIn: z.number().int().min(0).max(10_000).describe('Points for the daily check-in (0: no check-in)'),
    expiry: z
      .discriminatedUnion('kind', [
        z.object({ kind: z.literal('endOfFollowingYear') }).strict(),
        z.object({ kind: z.literal('afterDays'), days: z.number().int().min(1).max(3650) }).strict(),
        z.object({ kind: z.literal('never') }).strict(),
      ])
      .describe('When credited points expire: at the end of the year after the one they were credited in (store time), N days after, or never'),
  })
  .strict();
export type PointsPolicy = z.infer<typeof pointsPolicy>;

/** The policy as answered: as wide as anything stored (the input schema above is what may be stored). */
export const pointsPolicyView = z.object({
  enabled: z.boolean(),
  earnPerYuan: z.number().int(),
  pointsPerUnit: z.number().int(),
  unitValue: z.number().int(),
  maxShareBps: z.number().int(),
  checkIn: z.number().int(),
  expiry: z.object({ kind: z.string().describe('endOfFollowingYear, afterDays or never'), days: z.number().int().optional() }),
});

/** What a store starts with: 1 point per yuan, 100 points = ¥1, up to half an order, 5 for checking in, valid to the end of next year. */
export const DEFAULT_POINTS_POLICY: PointsPolicy = {
  enabled: true,
  earnPerYuan: 1,
  pointsPerUnit: 100,
  unitValue: 100,
  maxShareBps: 5000,
  checkIn: 5,
  expiry: { kind: 'endOfFollowingYear' },
};

/** Points an order's goods paid in money earn, with a member multiplier in basis points (10000 = ×1). */
export function earnFor(goodsPaid: number, policy: PointsPolicy, multiplierBps = 10_000): number {
  if (!policy.enabled || goodsPaid <= 0) return 0;
  return Math.floor((Math.floor(goodsPaid / 100) * policy.earnPerYuan * multiplierBps) / 10_000);
}

/** What is left of `points` when `kept` of `paid` stays paid (refunds take their share; never more than given). */
export function keptShare(points: number, kept: number, paid: number): number {
  if (paid <= 0) return 0;
  return Math.floor((points * Math.min(Math.max(kept, 0), paid)) / paid);
}

/** When points credited at `at` expire under the policy, in the store's zone; null: never. */
export function expiresAt(at: Date, policy: PointsPolicy, timezone: string): Date | null {
  switch (policy.expiry.kind) {
    case 'never':
      return null;
    case 'afterDays':
      return new Date(at.getTime() + policy.expiry.days * 86_400_000);
    case 'endOfFollowingYear': {
      const year = new TZDate(at.getTime(), timezone).getFullYear();
      // The first instant of the year after next, store time: the points last through 31 December next year.
      return new Date(new TZDate(year + 2, 0, 1, 0, 0, 0, timezone).getTime());
    }
  }
}

/** Takes `amount` from lots in the order given (soonest to expire first), as far as they go. */
export function takeFromLots(lots: ReadonlyArray<{ id: string; remaining: number }>, amount: number): Array<{ id: string; take: number }> {
  const out: Array<{ id: string; take: number }> = [];
  let left = amount;
  for (const lot of lots) {
    if (left <= 0) break;
    const take = Math.min(lot.remaining, left);
    if (take > 0) out.push({ id: lot.id, take });
    left -= take;
  }
  return out;
}
