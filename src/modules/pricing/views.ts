import { z } from 'zod';
import { localizedView } from '../../platform/http/view-fields.js';

/**
 * What a quote says beside its numbers (issue 12): the rules that applied, what was left out and
 * why, 凑单 hints and the points it would use — for the cart, the buy-now quote and checkout.
 */
export const offersView = z.object({
  applied: z.array(z.object({ ruleId: z.string(), source: z.string().describe('promotion or coupon'), amount: z.number().int() })),
  points: z.object({ used: z.number().int(), value: z.number().int() }).nullable().describe('Points this order would use, and what they pay'),
  explanations: z
    .array(
      z.object({
        kind: z.string().describe('applied, conflict, notEligible, pointsLimited or giftGone'),
        ruleId: z.string().optional(),
        otherRuleId: z.string().optional(),
        text: localizedView,
      }),
    )
    .describe('Applied rules first, then what was left out and why, in both languages'),
  hints: z
    .array(z.object({ ruleId: z.string(), missing: z.number().int(), reward: z.number().int(), text: localizedView }))
    .describe('凑单: how much more of a rule’s products reaches it, nearest first'),
});
export type OffersView = z.infer<typeof offersView>;

/** A coupon code as a shopper types it (the input side): letters, digits, dash and underscore. */
export const couponCodeInput = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'a coupon code: letters, digits, dash or underscore');
/** Points a shopper asks to pay with. */
export const pointsInput = z.number().int().min(0).max(1_000_000_000);
