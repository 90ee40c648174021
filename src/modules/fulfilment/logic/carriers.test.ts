import { describe, expect, it } from 'vitest';
import { CARRIERS, SANDBOX_STEPS, TRACKING_NUMBER, findCarrier } from './carriers.js';

describe('carriers', () => {
  it('has the eight carriers with names in both languages', () => {
    expect(CARRIERS.map((c) => c.code)).toEqual(['sf', 'yto', 'zto', 'sto', 'yunda', 'jd', 'ems', 'sandbox']);
    for (const c of CARRIERS) expect(c.name['zh-CN'] && c.name.en).toBeTruthy();
  });

  it('finds a carrier by code, either name or an alias, ignoring case and spaces', () => {
    for (const text of ['sf', 'SF', '顺丰', '顺丰速运', 'SF Express', ' sfexpress ']) expect(findCarrier(text)?.code, text).toBe('sf');
    expect(findCarrier('中国邮政')?.code).toBe('ems');
    expect(findCarrier('pigeon')).toBeUndefined();
  });

  it('accepts waybill-like tracking numbers only', () => {
    expect(['SF1234567890123', 'JDV000123456789', 'YT-1234567'].every((n) => TRACKING_NUMBER.test(n))).toBe(true);
    expect(['12345', 'SF 123456', 'SF123456<script>'].some((n) => TRACKING_NUMBER.test(n))).toBe(false);
  });

  it('runs the sandbox journey in order, ending in delivered', () => {
    expect(SANDBOX_STEPS.map((s) => s.status)).toEqual(['picked_up', 'in_transit', 'out_for_delivery', 'delivered']);
    const times = SANDBOX_STEPS.map((s) => s.afterMs);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});
