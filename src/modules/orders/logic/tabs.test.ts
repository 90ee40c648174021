import { describe, expect, it } from 'vitest';
import { ORDER_STATES, type OrderState } from './state-machine.js';
import { ORDER_PROGRESS, ORDER_TABS, allTabFacts, countTabs, factsInTab, isOrderTab, tabsOf, type OrderTab } from './tabs.js';

const plain = (status: OrderState, progress: (typeof ORDER_PROGRESS)[number] = 'none') => tabsOf({ status, refunded: false, progress });

describe('order list tabs', () => {
  it('covers every state of the state machine, with and without refunds, at every progress', () => {
    const facts = allTabFacts();
    expect(facts).toHaveLength(ORDER_STATES.length * 2 * ORDER_PROGRESS.length);
    for (const state of ORDER_STATES) expect(facts.some((f) => f.status === state)).toBe(true);
    for (const f of facts) {
      const tabs = tabsOf(f);
      expect(tabs[0], JSON.stringify(f)).toBe('all');
      // No order falls through to 全部 alone.
      expect(tabs.length, JSON.stringify(f)).toBeGreaterThan(1);
      // At most one fulfilment tab, plus afterSale.
      expect(tabs.filter((t) => t !== 'all' && t !== 'afterSale').length, JSON.stringify(f)).toBeLessThanOrEqual(1);
      if (f.refunded) expect(tabs, JSON.stringify(f)).toContain('afterSale');
      for (const t of tabs) expect(ORDER_TABS).toContain(t);
    }
  });

  it('puts each plain status where a shopper looks for it', () => {
    const want: Record<OrderState, OrderTab[]> = {
      pending_payment: ['all', 'unpaid'],
      paid: ['all', 'toShip'],
      shipped: ['all', 'toReceive'],
      delivered: ['all', 'toReceive'],
      completed: ['all', 'completed'],
      cancelled: ['all', 'cancelled'],
      refunded: ['all', 'afterSale'],
      partially_refunded: ['all', 'toShip', 'afterSale'],
    };
    for (const state of ORDER_STATES) expect(plain(state), state).toEqual(want[state]);
  });

  it('follows a partially refunded order through fulfilment', () => {
    expect(tabsOf({ status: 'partially_refunded', refunded: true, progress: 'none' })).toEqual(['all', 'toShip', 'afterSale']);
    expect(tabsOf({ status: 'partially_refunded', refunded: true, progress: 'shipped' })).toEqual(['all', 'toReceive', 'afterSale']);
    expect(tabsOf({ status: 'partially_refunded', refunded: true, progress: 'delivered' })).toEqual(['all', 'toReceive', 'afterSale']);
    expect(tabsOf({ status: 'partially_refunded', refunded: true, progress: 'completed' })).toEqual(['all', 'completed', 'afterSale']);
    // Shipped again after a refunded line: still to receive, and still an after-sale.
    expect(tabsOf({ status: 'shipped', refunded: true, progress: 'shipped' })).toEqual(['all', 'toReceive', 'afterSale']);
  });

  it('reaches every tab, and factsInTab is the inverse of tabsOf', () => {
    for (const tab of ORDER_TABS) {
      const facts = factsInTab(tab);
      expect(facts.length, tab).toBeGreaterThan(0);
      const inTab = new Set(facts.map((f) => JSON.stringify(f)));
      for (const f of allTabFacts()) expect(inTab.has(JSON.stringify(f)), `${tab} ${JSON.stringify(f)}`).toBe(tabsOf(f).includes(tab));
    }
    expect(factsInTab('all')).toHaveLength(allTabFacts().length);
  });

  it('counts each group in every tab it shows in', () => {
    const counts = countTabs([
      { status: 'delivered', refunded: false, progress: 'delivered', count: 2 },
      { status: 'partially_refunded', refunded: true, progress: 'shipped', count: 1 },
      { status: 'cancelled', refunded: false, progress: 'none', count: 3 },
    ]);
    expect(counts).toEqual({ all: 6, unpaid: 0, toShip: 0, toReceive: 3, completed: 0, afterSale: 1, cancelled: 3 });
  });

  it('recognises tab names', () => {
    expect(isOrderTab('toReceive')).toBe(true);
    expect(isOrderTab('delivered')).toBe(false);
    expect(isOrderTab(undefined)).toBe(false);
  });
});
