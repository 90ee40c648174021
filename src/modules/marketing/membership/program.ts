import { z } from 'zod';

/**
 * The membership programme (会员体系), kept in settings: tiers by growth value (成长值) earned in a
 * yearly cycle, and each tier's benefits. Pure: tier decisions take the programme and numbers.
 *
 * A member's growth counts from the start of the cycle. Reaching a tier's `threshold` upgrades at
 * once; at the yearly review (1 January, store time) a member keeps their tier if the cycle's growth
 * reached its `keep` (保级), and otherwise drops to the tier that growth reaches; growth then starts
 * again from zero.
 */
const name = z.object({ 'zh-CN': z.string().trim().min(1).max(20), en: z.string().trim().min(1).max(40) }).strict();

export const tierBenefits = z
  .object({
    pointsMultiplierBps: z.number().int().min(10_000).max(100_000).describe('Points earned ×, in basis points (15000 = ×1.5)'),
    freeShipping: z.boolean().describe('Shipping free on every order'),
    memberDayPercentOff: z.number().int().min(0).max(50).describe('Extra percent off the goods on member day (0: none)'),
    birthdayPoints: z.number().int().min(0).max(100_000).describe('Points given on the member’s birthday (0: none)'),
    birthdayCouponTemplateId: z.uuid().nullable().describe('A coupon of this template given on the birthday (null: none)'),
    upgradePoints: z.number().int().min(0).max(100_000).default(0).describe('Points given on reaching this tier (升级礼; 0: none)'),
    upgradeCouponTemplateId: z.uuid().nullable().default(null).describe('A coupon of this template given on reaching this tier (null: none)'),
  })
  .strict();

export const memberTier = z
  .object({
    code: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'lowercase letters, digits and dashes').describe('What promotions’ member prices and conditions name'),
    name,
    threshold: z.number().int().min(0).max(100_000_000).describe('Growth in a cycle that reaches this tier'),
    keep: z.number().int().min(0).max(100_000_000).describe('Growth in a cycle that keeps it at the yearly review (保级)'),
    benefits: tierBenefits,
  })
  .strict();

export const memberProgram = z
  .object({
    enabled: z.boolean(),
    growthPerYuan: z.number().int().min(0).max(100).describe('Growth per ¥1 of goods paid in money'),
    memberDay: z.number().int().min(1).max(28).nullable().describe('Member day (会员日): this day of every month, store time (null: none)'),
    tiers: z
      .array(memberTier)
      .min(1)
      .max(10)
      .refine((t) => t[0]!.threshold === 0, 'the first tier starts at 0 growth (everyone is a member)')
      .refine((t) => t.every((x, i) => i === 0 || x.threshold > t[i - 1]!.threshold), 'thresholds rise from tier to tier')
      .refine((t) => t.every((x) => x.keep <= x.threshold), 'keeping a tier never takes more than reaching it')
      .refine((t) => new Set(t.map((x) => x.code)).size === t.length, 'each tier code once'),
  })
  .strict();
export type MemberProgram = z.infer<typeof memberProgram>;
export type MemberTier = z.infer<typeof memberTier>;

const noBenefits = { pointsMultiplierBps: 10_000, freeShipping: false, memberDayPercentOff: 0, birthdayPoints: 0, birthdayCouponTemplateId: null, upgradePoints: 0, upgradeCouponTemplateId: null };

/** What a store starts with: four tiers, member day on the 18th. */
export const DEFAULT_MEMBER_PROGRAM: MemberProgram = {
  enabled: true,
  growthPerYuan: 1,
  memberDay: 18,
  tiers: [
    { code: 'regular', name: { 'zh-CN': '普通会员', en: 'Member' }, threshold: 0, keep: 0, benefits: noBenefits },
    { code: 'silver', name: { 'zh-CN': '白银会员', en: 'Silver' }, threshold: 500, keep: 250, benefits: { ...noBenefits, pointsMultiplierBps: 12_000, birthdayPoints: 100 } },
    { code: 'gold', name: { 'zh-CN': '黄金会员', en: 'Gold' }, threshold: 2000, keep: 1000, benefits: { ...noBenefits, pointsMultiplierBps: 15_000, freeShipping: true, memberDayPercentOff: 5, birthdayPoints: 300 } },
    { code: 'platinum', name: { 'zh-CN': '铂金会员', en: 'Platinum' }, threshold: 8000, keep: 4000, benefits: { ...noBenefits, pointsMultiplierBps: 20_000, freeShipping: true, memberDayPercentOff: 10, birthdayPoints: 800 } },
  ],
};

function rank(program: MemberProgram, code: string | null): number {
  const i = program.tiers.findIndex((t) => t.code === code);
  return i < 0 ? 0 : i;
}

/** The highest tier a cycle's growth reaches. */
export function tierFor(program: MemberProgram, growth: number): MemberTier {
  let out = program.tiers[0]!;
  for (const t of program.tiers) if (growth >= t.threshold) out = t;
  return out;
}

/** Growth rose: the member moves up at once if it reaches a higher tier, never down. */
export function afterGrowth(program: MemberProgram, current: string | null, growth: number): MemberTier {
  const reached = tierFor(program, growth);
  const now = program.tiers[rank(program, current)]!;
  return rank(program, reached.code) > rank(program, now.code) ? reached : now;
}

/** The yearly review (保级): kept when the cycle's growth reached the tier's `keep`, else what the growth reaches. */
export function reviewed(program: MemberProgram, current: string | null, cycleGrowth: number): MemberTier {
  const now = program.tiers[rank(program, current)]!;
  return cycleGrowth >= now.keep ? now : tierFor(program, cycleGrowth);
}

/** The next tier and how much growth it still takes (null at the top). */
export function nextTier(program: MemberProgram, current: string | null, growth: number): { tier: MemberTier; needed: number } | null {
  const next = program.tiers[rank(program, current) + 1];
  return next ? { tier: next, needed: Math.max(0, next.threshold - growth) } : null;
}

export function growthFor(goodsPaid: number, program: MemberProgram): number {
  return program.enabled && goodsPaid > 0 ? Math.floor(goodsPaid / 100) * program.growthPerYuan : 0;
}

export function tierOf(program: MemberProgram, code: string | null): MemberTier {
  return program.tiers[rank(program, code)]!;
}
