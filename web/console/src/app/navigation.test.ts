import { describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS } from '../../../../src/web-contract';
import { NAVIGATION, canOpen, isGroup, navItemFor, openGroupsFor, visibleNavigation, type NavEntry } from './navigation';

const keys = (nav: NavEntry[]) => nav.flatMap((e) => (isGroup(e) ? [e.key, ...e.children.map((c) => c.key)] : [e.key]));

describe('permission → menu', () => {
  it('shows an admin everything', () => {
    expect(keys(visibleNavigation(ROLE_PERMISSIONS.admin))).toEqual(keys(NAVIGATION));
  });

  it('shows a warehouse member catalog, stock and orders with bulk shipping, and nothing of the system', () => {
    const k = keys(visibleNavigation(ROLE_PERMISSIONS.warehouse));
    expect(k).toEqual(['home', 'catalog', 'products', 'categories', 'brands', 'stock', 'sales', 'orders', 'bulk-ship', 'refunds']);
  });

  it('drops a group whose items the role cannot open (an analyst reads reports and marketing, nothing else)', () => {
    expect(keys(visibleNavigation(ROLE_PERMISSIONS.analyst))).toEqual(['home', 'marketing', 'campaigns', 'promotions', 'flash-sales', 'group-buys', 'coupons', 'loyalty', 'referral']);
    expect(keys(visibleNavigation(ROLE_PERMISSIONS.warehouse))).not.toContain('marketing');
  });

  it('gives customer service orders and customers but not bulk shipping or stock', () => {
    const k = keys(visibleNavigation(ROLE_PERMISSIONS.cs));
    expect(k).toContain('customers');
    expect(k).toContain('orders');
    expect(k).not.toContain('bulk-ship');
    expect(k).not.toContain('stock');
  });

  it('finds the menu entry of a location by the longest matching path', () => {
    expect(navItemFor('/')?.key).toBe('home');
    expect(navItemFor('/orders/2026120100001')?.key).toBe('orders');
    expect(navItemFor('/orders/bulk-ship')?.key).toBe('bulk-ship');
    expect(navItemFor('/products/new/')?.key).toBe('products');
    expect(navItemFor('/ordersx')).toBeUndefined();
    expect(openGroupsFor('/orders/bulk-ship')).toEqual(['sales']);
    expect(navItemFor('/marketing/campaigns/0b0e/report')?.key).toBe('campaigns');
    expect(openGroupsFor('/marketing/campaigns/new')).toEqual(['marketing']);
  });

  it('guards typed-in URLs with the same table, leaving unknown paths to the router', () => {
    expect(canOpen('/staff', ROLE_PERMISSIONS.finance)).toBe(false);
    expect(canOpen('/refunds', ROLE_PERMISSIONS.finance)).toBe(true);
    expect(canOpen('/orders/bulk-ship', ROLE_PERMISSIONS.cs)).toBe(false);
    expect(canOpen('/no-such-screen', [])).toBe(true);
    expect(canOpen('/', [])).toBe(true);
  });

  it('only names permissions the server knows', () => {
    const known = new Set<string>(ROLE_PERMISSIONS.admin);
    for (const e of NAVIGATION) for (const item of isGroup(e) ? e.children : [e]) for (const p of item.anyOf) expect(known.has(p)).toBe(true);
  });
});
