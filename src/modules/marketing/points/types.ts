import { z } from 'zod';
import { POINTS_ENTRY_KINDS } from './schema.js';

const int = z.number().int();

export const pointsSummary = z.object({
  balance: int.describe('Spendable points (below zero only when a refund took back points already spent)'),
  pending: int.describe('Points of paid orders that become spendable when each completes'),
  worth: int.describe('What the spendable points would pay, in minor units'),
  expiring: z.array(z.object({ at: z.string(), points: int })).describe('The next expiry dates and how many points lapse on each'),
  policy: z.object({ enabled: z.boolean(), earnPerYuan: int, pointsPerUnit: int, unitValue: int, maxShareBps: int, checkIn: int }),
  checkedInToday: z.boolean(),
});
export type PointsSummary = z.infer<typeof pointsSummary>;

export const pointsEntryView = z.object({
  id: int,
  kind: z.enum(POINTS_ENTRY_KINDS),
  delta: int,
  pendingDelta: int,
  balanceAfter: int,
  pendingAfter: int,
  orderId: z.string().nullable(),
  reason: z.string().nullable(),
  at: z.string(),
});
export type PointsEntryView = z.infer<typeof pointsEntryView>;

export const pointsAdjustment = z
  .object({
    points: int.min(-10_000_000).max(10_000_000).refine((n) => n !== 0, 'points must not be 0').describe('Points to add (positive) or take (negative)'),
    reason: z.string().trim().min(2).max(200).describe('Why, for the ledger and the audit log'),
  })
  .strict();
