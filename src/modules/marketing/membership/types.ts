import { z } from 'zod';
import { localizedView } from '../../../platform/http/view-fields.js';

const int = z.number().int();
const benefitsView = z.object({
  pointsMultiplierBps: int,
  freeShipping: z.boolean(),
  memberDayPercentOff: int,
  birthdayPoints: int,
  birthdayCouponTemplateId: z.string().nullable(),
  upgradePoints: int,
  upgradeCouponTemplateId: z.string().nullable(),
});

export const membershipView = z.object({
  enabled: z.boolean(),
  tier: z.object({ code: z.string(), name: localizedView, benefits: benefitsView, keep: int.describe('Growth this cycle that keeps the tier at the yearly review') }),
  growth: int.describe('Growth value (成长值) this cycle'),
  tierSince: z.string().nullable(),
  next: z.object({ code: z.string(), name: localizedView, threshold: int, needed: int }).nullable(),
  birthday: z.string().nullable(),
  memberDay: int.nullable(),
  isMemberDay: z.boolean(),
  tiers: z.array(z.object({ code: z.string(), name: localizedView, threshold: int, keep: int, benefits: benefitsView })),
});
export type MembershipView = z.infer<typeof membershipView>;

export const growthEntryView = z.object({
  kind: z.string(),
  delta: int,
  growthAfter: int,
  tierBefore: z.string(),
  tierAfter: z.string(),
  orderId: z.string().nullable(),
  at: z.string(),
});

/** The shopper's birthday: a real date, not in the future, at most 120 years ago. */
export const birthdayInput = z
  .object({
    birthday: z.iso.date().refine((d) => {
      const t = Date.parse(`${d}T00:00:00Z`);
      return t <= Date.now() && t >= Date.now() - 120 * 365.25 * 86_400_000;
    }, 'a real date of birth'),
  })
  .strict();

/** The programme as answered: as wide as anything stored. */
export const memberProgramView = z.object({
  enabled: z.boolean(),
  growthPerYuan: int,
  memberDay: int.nullable(),
  tiers: z.array(z.object({ code: z.string(), name: localizedView, threshold: int, keep: int, benefits: benefitsView })),
});
