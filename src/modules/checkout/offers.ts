import type { OffersView, RuledQuote } from '../pricing/index.js';

/** The part of a priced quote that is words and choices rather than numbers (cart, buy-now, checkout answers). */
export function offersOf(priced: RuledQuote | null): OffersView | null {
  if (!priced) return null;
  return { applied: priced.applied, points: priced.points, explanations: priced.explanations, hints: priced.hints };
}
