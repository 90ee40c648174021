import { describe, expect, it } from 'vitest';
import { DEFAULT_MEMBER_PROGRAM as P, afterGrowth, growthFor, memberProgram, nextTier, reviewed, tierFor } from './program.js';

describe('membership programme', () => {
  it('the default programme is valid', () => {
    expect(memberProgram.safeParse(P).success).toBe(true);
  });

  it('refuses tiers that do not rise, do not start at 0, repeat a code or keep above reaching', () => {
    const t = P.tiers;
    expect(memberProgram.safeParse({ ...P, tiers: [t[1], t[2]] }).success).toBe(false);
    expect(memberProgram.safeParse({ ...P, tiers: [t[0], t[2], t[1]] }).success).toBe(false);
    expect(memberProgram.safeParse({ ...P, tiers: [t[0], { ...t[1], code: 'regular' }] }).success).toBe(false);
    expect(memberProgram.safeParse({ ...P, tiers: [t[0], { ...t[1], keep: 501 }] }).success).toBe(false);
  });

  it('reaches the highest tier the growth passes', () => {
    expect(tierFor(P, 0).code).toBe('regular');
    expect(tierFor(P, 499).code).toBe('regular');
    expect(tierFor(P, 500).code).toBe('silver');
    expect(tierFor(P, 100_000).code).toBe('platinum');
  });

  it('upgrades at once and never downgrades on growth', () => {
    expect(afterGrowth(P, 'regular', 2000).code).toBe('gold');
    expect(afterGrowth(P, 'gold', 10).code).toBe('gold');
    expect(afterGrowth(P, null, 600).code).toBe('silver');
    expect(afterGrowth(P, 'no-such-tier', 0).code).toBe('regular');
  });

  it('keeps the tier at the review when the cycle reached its keep (保级), else drops to what the growth reaches', () => {
    expect(reviewed(P, 'gold', 1000).code).toBe('gold');
    expect(reviewed(P, 'gold', 999).code).toBe('silver');
    expect(reviewed(P, 'gold', 100).code).toBe('regular');
    expect(reviewed(P, 'regular', 0).code).toBe('regular');
  });

  it('says how far the next tier is', () => {
    expect(nextTier(P, 'silver', 1200)).toMatchObject({ tier: { code: 'gold' }, needed: 800 });
    expect(nextTier(P, 'platinum', 0)).toBeNull();
  });

  it('grows per whole yuan of goods paid', () => {
    expect(growthFor(12_999, P)).toBe(129);
    expect(growthFor(12_999, { ...P, enabled: false })).toBe(0);
  });
});
