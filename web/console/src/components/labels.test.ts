import { describe, expect, it } from 'vitest';
import { zhCN } from '../i18n/zh-CN';
import { en } from '../i18n/en';
import { humanizeCode, optionsText, orderItemsText, reasonText } from './labels';

describe('reason codes in the console language', () => {
  it('names the codes the server writes, in both languages', () => {
    for (const code of ['unpaid_timeout', 'shopper_cancelled', 'cancelled_by_staff', 'payment_declined', 'amount_mismatch', 'paid_by_another_attempt', 'order_cancelled', 'late_payment', 'out_of_stock']) {
      expect(reasonText(code, zhCN.reasons)).not.toBe(code);
      expect(reasonText(code, en.reasons)).not.toBe(code);
      expect(reasonText(code, zhCN.reasons)).not.toBe(reasonText(code, en.reasons));
    }
    expect(reasonText('unpaid_timeout', zhCN.reasons)).toBe('超时未支付');
    expect(reasonText('unpaid_timeout', en.reasons)).toBe('Not paid in time');
  });

  it('makes an unknown code readable and leaves what a person typed as written', () => {
    expect(reasonText('address_unreachable', en.reasons)).toBe('Address unreachable');
    expect(humanizeCode('risk.review_failed')).toBe('Risk review failed');
    expect(reasonText('客户说尺码偏小', zhCN.reasons)).toBe('客户说尺码偏小');
    expect(reasonText('declined by the sandbox', en.reasons)).toBe('declined by the sandbox');
    expect(reasonText(null, en.reasons)).toBe('');
    // Not fooled by names every object has.
    expect(reasonText('constructor', en.reasons)).toBe('Constructor');
  });
});

describe('order lines by name', () => {
  const options = [
    { code: 'color', value: 'mint', valueName: { 'zh-CN': '薄荷绿', en: 'Mint' } },
    { code: 'storage', value: '256gb', valueName: { 'zh-CN': '256GB', en: '256 GB' } },
    { code: 'size', value: 'xl', valueName: null },
  ];
  it('joins the option value names in the UI language, codes only when unnamed', () => {
    expect(optionsText(options, 'zh-CN')).toBe('薄荷绿 / 256GB / xl');
    expect(optionsText(options, 'en')).toBe('Mint / 256 GB / xl');
    expect(optionsText([], 'en')).toBe('');
  });
  it('names an order by its first line, and says when there is more', () => {
    expect(orderItemsText('无线蓝牙耳机', 3, zhCN.orderItems)).toBe('无线蓝牙耳机 等 3 件');
    expect(orderItemsText('Wireless earbuds', 3, en.orderItems)).toBe('Wireless earbuds and more (3 items)');
    expect(orderItemsText('无线蓝牙耳机', 1, zhCN.orderItems)).toBe('无线蓝牙耳机');
  });
});
