import type { Permission } from '../types';

/**
 * What the console offers and which permission opens it. The same table drives the side menu
 * (a staff member sees only what their role may use) and the route guard (a typed-in URL for a
 * screen the role cannot use shows "no access" instead of a broken page). The server checks
 * every request anyway; this only keeps people from walking into 403s.
 */
export interface NavItem {
  key: string;
  path: string;
  /** i18n key of the label. */
  label: string;
  icon: string;
  /** Any one of these opens the screen; empty = every signed-in staff member. */
  anyOf: Permission[];
}
export interface NavGroup {
  key: string;
  label: string;
  icon: string;
  children: NavItem[];
}
export type NavEntry = NavItem | NavGroup;

export const NAVIGATION: NavEntry[] = [
  { key: 'home', path: '/', label: 'nav.home', icon: 'home', anyOf: [] },
  {
    key: 'catalog', label: 'nav.catalog', icon: 'catalog',
    children: [
      { key: 'products', path: '/products', label: 'nav.products', icon: 'products', anyOf: ['catalog.read'] },
      { key: 'categories', path: '/categories', label: 'nav.categories', icon: 'categories', anyOf: ['catalog.read'] },
      { key: 'brands', path: '/brands', label: 'nav.brands', icon: 'brands', anyOf: ['catalog.read'] },
    ],
  },
  { key: 'stock', path: '/stock', label: 'nav.stock', icon: 'stock', anyOf: ['stock.read'] },
  {
    key: 'sales', label: 'nav.sales', icon: 'orders',
    children: [
      { key: 'orders', path: '/orders', label: 'nav.orders', icon: 'orders', anyOf: ['orders.read'] },
      { key: 'bulk-ship', path: '/orders/bulk-ship', label: 'nav.bulkShip', icon: 'ship', anyOf: ['orders.ship'] },
      { key: 'refunds', path: '/refunds', label: 'nav.refunds', icon: 'refunds', anyOf: ['orders.read'] },
    ],
  },
  { key: 'customers', path: '/customers', label: 'nav.customers', icon: 'customers', anyOf: ['customers.read'] },
  {
    key: 'marketing', label: 'nav.marketing', icon: 'marketing',
    children: [
      { key: 'campaigns', path: '/marketing/campaigns', label: 'nav.campaigns', icon: 'campaigns', anyOf: ['marketing.read'] },
      { key: 'promotions', path: '/marketing/promotions', label: 'nav.promotions', icon: 'promotions', anyOf: ['marketing.read'] },
      { key: 'flash-sales', path: '/marketing/flash-sales', label: 'nav.flashSales', icon: 'flashSales', anyOf: ['marketing.read'] },
      { key: 'group-buys', path: '/marketing/group-buys', label: 'nav.groupBuys', icon: 'groupBuys', anyOf: ['marketing.read'] },
      { key: 'coupons', path: '/marketing/coupons', label: 'nav.coupons', icon: 'coupons', anyOf: ['marketing.read'] },
      { key: 'loyalty', path: '/marketing/loyalty', label: 'nav.loyalty', icon: 'loyalty', anyOf: ['marketing.read'] },
      { key: 'referral', path: '/marketing/referral', label: 'nav.referral', icon: 'referral', anyOf: ['marketing.read'] },
    ],
  },
  {
    key: 'system', label: 'nav.system', icon: 'system',
    children: [
      { key: 'staff', path: '/staff', label: 'nav.staff', icon: 'staff', anyOf: ['staff.manage'] },
      { key: 'roles', path: '/roles', label: 'nav.roles', icon: 'roles', anyOf: ['staff.manage'] },
      { key: 'audit', path: '/audit', label: 'nav.audit', icon: 'audit', anyOf: ['audit.read'] },
      { key: 'events', path: '/events', label: 'nav.events', icon: 'events', anyOf: ['events.manage'] },
      { key: 'settings', path: '/settings', label: 'nav.settings', icon: 'settings', anyOf: ['settings.manage'] },
    ],
  },
];

export const isGroup = (e: NavEntry): e is NavGroup => 'children' in e;

export const allows = (item: Pick<NavItem, 'anyOf'>, granted: readonly Permission[]) =>
  item.anyOf.length === 0 || item.anyOf.some((p) => granted.includes(p));

/** The menu for one set of permissions: items the role cannot open are dropped, then empty groups. */
export function visibleNavigation(granted: readonly Permission[], nav: NavEntry[] = NAVIGATION): NavEntry[] {
  const out: NavEntry[] = [];
  for (const entry of nav) {
    if (isGroup(entry)) {
      const children = entry.children.filter((c) => allows(c, granted));
      if (children.length) out.push({ ...entry, children });
    } else if (allows(entry, granted)) out.push(entry);
  }
  return out;
}

function flatten(nav: NavEntry[]): NavItem[] {
  return nav.flatMap((e) => (isGroup(e) ? e.children : [e]));
}

/**
 * The menu entry a location belongs to: the longest path that prefixes it
 * (/orders/123 → orders, /orders/bulk-ship → bulk-ship, / → home).
 */
export function navItemFor(pathname: string, nav: NavEntry[] = NAVIGATION): NavItem | undefined {
  const clean = pathname.replace(/\/+$/, '') || '/';
  let best: NavItem | undefined;
  for (const item of flatten(nav)) {
    const hit = item.path === '/' ? clean === '/' : clean === item.path || clean.startsWith(`${item.path}/`);
    if (hit && (!best || item.path.length > best.path.length)) best = item;
  }
  return best;
}

/** May this role open this location? Unknown locations are left to the router's "not found". */
export function canOpen(pathname: string, granted: readonly Permission[]): boolean {
  const item = navItemFor(pathname);
  return item ? allows(item, granted) : true;
}

/** The group keys to open in the side menu for a location. */
export function openGroupsFor(pathname: string, nav: NavEntry[] = NAVIGATION): string[] {
  const item = navItemFor(pathname, nav);
  if (!item) return [];
  return nav.filter((e): e is NavGroup => isGroup(e) && e.children.includes(item)).map((g) => g.key);
}
