import { allocate, type Minor } from '../../../platform/money.js';

/**
 * Splits `total` over lines in proportion to what each line still has left (`remaining`), so
 * that no line is discounted below zero. Requires 0 ≤ total ≤ Σ remaining.
 *
 * `allocate` is exact in sum, and with total ≤ Σ remaining each share is mathematically
 * ≤ its line's remaining. Its proportions go through floating point, though, so once
 * total × remaining passes 2^53 nothing proves a share cannot land one unit over (a random search
 * found no case). Should it happen, the unit moves to the first line with room: the no-negative
 * guarantee then holds for every safe integer by construction, not by luck.
 */
export function allocateWithinRemaining(total: Minor, remaining: readonly Minor[]): Minor[] {
  const room = remaining.reduce((a, b) => a + b, 0);
  if (total < 0 || total > room) throw new RangeError(`cannot allocate ${total} within ${room}`);
  if (total === 0) return remaining.map(() => 0);
  const parts = allocate(total, remaining);
  let excess = 0;
  for (let i = 0; i < parts.length; i++) {
    if (parts[i] > remaining[i]) {
      excess += parts[i] - remaining[i];
      parts[i] = remaining[i];
    }
  }
  for (let i = 0; excess > 0 && i < parts.length; i++) {
    const take = Math.min(excess, remaining[i] - parts[i]);
    parts[i] += take;
    excess -= take;
  }
  return parts;
}

/**
 * The first `units` of a line whose `total` is spread evenly over `quantity` units, exactly.
 * Equal to summing the first `units` parts of allocate(total, quantity × [1]) — largest remainder
 * with ties to the earlier unit, i.e. the first (total mod quantity) units carry one extra minor
 * unit — computed without building an array of `quantity` elements.
 */
export function unitsShare(total: Minor, quantity: number, units: number): Minor {
  let base = Math.floor(total / quantity);
  // Near 2^53 the float quotient can round up to the next integer; settle it with exact products.
  while (base > 0 && base * quantity > total) base--;
  while ((base + 1) * quantity <= total) base++;
  const extra = total - base * quantity;
  return base * units + Math.min(units, extra);
}
