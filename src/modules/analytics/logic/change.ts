/**
 * Relative change of a figure against its comparison value: 0.25 is +25 %. null when there is
 * nothing to compare with (the base is zero or missing), so a dashboard shows "—", not "+∞ %".
 */
export function relativeChange(current: number | null, base: number | null): number | null {
  if (current === null || base === null || base === 0) return null;
  return Math.round(((current - base) / base) * 10_000) / 10_000;
}

/** Average order value in minor units, rounded half up; null without paid orders. */
export function averageOrderValue(gmv: number, paidOrders: number): number | null {
  return paidOrders > 0 ? Math.round(gmv / paidOrders) : null;
}
