import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../../../../test/support/harness.js';
import { flashGateFor, type FlashGate } from './gate.js';

/**
 * The gate on both shapes: in memory (embedded) and in Redis (scale, two clients standing for two
 * API processes). The crowd is real concurrency against the counters: sold never above stock, no
 * customer above the limit, every unit given back exactly once.
 */
describeEachBackend('flash-sale gate: the crowd in the same second', (b) => {
  const config = { redisUrl: b.redisUrl, redisPrefix: `sktest-${randomBytes(4).toString('hex')}` };
  let one: FlashGate;
  let two: FlashGate;
  beforeAll(() => {
    one = flashGateFor(config);
    // Redis: a second client, as a second API process would have. Memory: the same process's gate.
    two = b.redisUrl ? flashGateFor(config) : one;
  });
  afterAll(async () => {
    await one.close();
    if (two !== one) await two.close();
  });

  const item = () => `item-${randomBytes(4).toString('hex')}`;

  it('500 shoppers pressing buy three times each for 100 units, limit 1: exactly 100 sold, one each', async () => {
    const id = item();
    await one.load({ itemId: id, left: 100, perCustomerLimit: 1, taken: new Map() });
    const attempts = Array.from({ length: 1500 }, (_, i) => ({ customer: `c${i % 500}`, gate: i % 2 ? one : two }));
    const results = await Promise.all(attempts.map((a) => a.gate.take(id, a.customer, 1).then((r) => ({ ...r, customer: a.customer }))));
    const won = results.filter((r) => r.ok);
    expect(won).toHaveLength(100);
    expect(new Set(won.map((r) => r.customer)).size).toBe(100);
    expect(results.filter((r) => !r.ok && r.reason === 'soldOut').length + results.filter((r) => !r.ok && r.reason === 'limit').length).toBe(1400);
    expect((await one.left([id])).get(id)).toBe(0);
  });

  it('a limit of 2 with retries and two units at once: nobody above 2, the stock exact', async () => {
    const id = item();
    await one.load({ itemId: id, left: 50, perCustomerLimit: 2, taken: new Map() });
    const asks = Array.from({ length: 400 }, (_, i) => ({ customer: `c${i % 40}`, quantity: i % 3 === 0 ? 2 : 1, gate: i % 2 ? one : two }));
    const results = await Promise.all(asks.map((a) => a.gate.take(id, a.customer, a.quantity).then((r) => ({ ...r, ...a }))));
    const per = new Map<string, number>();
    for (const r of results) if (r.ok) per.set(r.customer, (per.get(r.customer) ?? 0) + r.quantity);
    expect(Math.max(...per.values())).toBeLessThanOrEqual(2);
    const sold = [...per.values()].reduce((a, n) => a + n, 0);
    expect(sold).toBeLessThanOrEqual(50);
    expect((await one.left([id])).get(id)).toBe(50 - sold);
    // 40 shoppers × 2 = 80 wanted, 50 there: all sold.
    expect(sold).toBe(50);
  });

  it('a unit given back goes to the next shopper; a second give-back of it returns nothing', async () => {
    const id = item();
    await one.load({ itemId: id, left: 1, perCustomerLimit: 1, taken: new Map() });
    expect(await one.take(id, 'a', 1)).toEqual({ ok: true, left: 0 });
    expect(await two.take(id, 'b', 1)).toEqual({ ok: false, reason: 'soldOut', left: 0 });
    expect(await two.giveBack(id, 'a', 1)).toBe(1);
    expect(await one.giveBack(id, 'a', 1)).toBe(0);
    expect(await one.giveBack(id, 'nobody', 3)).toBe(0);
    expect(await two.take(id, 'b', 1)).toEqual({ ok: true, left: 0 });
    // a may buy again: the unit they held came back.
    expect((await one.left([id])).get(id)).toBe(0);
  });

  it('an item not loaded says so (the service reloads it from the ledger); loading restores what each shopper holds', async () => {
    const id = item();
    expect(await one.take(id, 'a', 1)).toEqual({ ok: false, reason: 'notLoaded', left: 0 });
    expect((await one.left([id])).get(id)).toBeNull();
    await one.load({ itemId: id, left: 5, perCustomerLimit: 1, taken: new Map([['a', 1]]) });
    expect(await two.take(id, 'a', 1)).toMatchObject({ ok: false, reason: 'limit' });
    expect(await two.take(id, 'b', 1)).toEqual({ ok: true, left: 4 });
    // Loading again replaces the counters (a reconciliation from the ledger wins over what was there).
    await two.load({ itemId: id, left: 5, perCustomerLimit: 1, taken: new Map([['a', 1]]) });
    expect((await one.left([id])).get(id)).toBe(5);
    await one.drop(id);
    expect(await two.take(id, 'c', 1)).toMatchObject({ ok: false, reason: 'notLoaded' });
  });
});
