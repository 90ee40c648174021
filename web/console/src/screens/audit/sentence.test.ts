import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../../../shared/money';
import { zhCN } from '../../i18n/zh-CN';
import { en } from '../../i18n/en';
import type { AuditEntry } from '../../types';
import { auditSentence, sentenceText, type SentenceContext } from './sentence';

const ctx = (lang: 'zh-CN' | 'en'): SentenceContext => ({ lang, dict: lang === 'en' ? en : zhCN, money: (fen) => formatMoney(fen, lang, 'CNY') });
const earbuds = { 'zh-CN': '无线蓝牙耳机', en: 'Wireless earbuds' };
const entry = (over: Partial<AuditEntry>): AuditEntry => ({
  id: 'a1', staffId: 's1', staffEmail: 'zhang@example.com', staffName: '张三', action: 'x.y', entityType: 'product', entityId: 'p1',
  before: null, after: null, at: '2026-03-01T00:00:00Z', ip: null, target: { name: null, code: null, ref: null }, ...over,
});
const both = (e: AuditEntry) => [sentenceText(auditSentence(e, ctx('zh-CN'))), sentenceText(auditSentence(e, ctx('en')))];

describe('audit entries as sentences', () => {
  it('a price change: who, which product, from and to, with a link to the product', () => {
    const e = entry({
      action: 'catalog.variant.update', entityType: 'variant', entityId: 'v1', before: { price: 19900 }, after: { price: 17900 },
      target: { name: earbuds, code: null, ref: 'p1' },
    });
    expect(both(e)).toEqual(['张三 把商品「无线蓝牙耳机」的价格从 ¥199.00 改为 ¥179.00', '张三 changed the price of product "Wireless earbuds" from ¥199.00 to ¥179.00']);
    expect(auditSentence(e, ctx('en'))).toContainEqual({ target: 'Wireless earbuds', href: '/products/p1' });
  });

  it('names the SKU of a variant, translates statuses and yes/no, lists several fields', () => {
    const variant = entry({ action: 'catalog.variant.update', entityType: 'variant', before: { active: true }, after: { active: false }, target: { name: earbuds, code: 'WE-MINT', ref: 'p1' } });
    expect(both(variant)).toEqual(['张三 把商品「无线蓝牙耳机 WE-MINT」的在售从 是 改为 否', '张三 changed the on-sale setting of product "Wireless earbuds WE-MINT" from yes to no']);
    const status = entry({ action: 'catalog.product.update', before: { status: 'draft' }, after: { status: 'active' }, target: { name: earbuds, code: null, ref: 'p1' } });
    expect(both(status)[0]).toBe('张三 把商品「无线蓝牙耳机」的状态从 草稿 改为 在售');
    const many = entry({ action: 'catalog.product.update', before: { title: earbuds, tags: [] }, after: { title: earbuds, tags: ['x'] }, target: { name: earbuds, code: null, ref: 'p1' } });
    expect(both(many)).toEqual(['张三 修改了商品「无线蓝牙耳机」的标题、标签', '张三 changed the title, tags of product "Wireless earbuds"']);
    // A structured value does not fit a from/to sentence: the field is named instead.
    const tags = entry({ action: 'catalog.product.update', before: { tags: [] }, after: { tags: ['x'] }, target: { name: earbuds, code: null, ref: 'p1' } });
    expect(both(tags)[1]).toBe('张三 changed the tags of product "Wireless earbuds"');
  });

  it('orders and refunds link to the order by number', () => {
    const order = { name: { 'zh-CN': 'SK2603010001', en: 'SK2603010001' }, code: 'SK2603010001', ref: 'SK2603010001' };
    const ship = entry({ action: 'orders.ship', entityType: 'order', after: { shipment: { carrier: { code: 'sf', name: { 'zh-CN': '顺丰', en: 'SF Express' } }, trackingNumber: 'SF123' } }, target: order });
    expect(both(ship)).toEqual(['张三 发出了订单「SK2603010001」（顺丰 SF123）', '张三 shipped order "SK2603010001" (SF Express SF123)']);
    expect(auditSentence(ship, ctx('zh-CN'))).toContainEqual({ target: 'SK2603010001', href: '/orders/SK2603010001' });
    const refund = entry({ action: 'refunds.execute', entityType: 'refund', after: { amount: 5000 }, target: order });
    expect(both(refund)).toEqual(['张三 为订单「SK2603010001」退款 ¥50.00', '张三 refunded ¥50.00 on order "SK2603010001"']);
    expect(both(entry({ action: 'orders.cancel', entityType: 'order', target: order }))[1]).toBe('张三 cancelled order "SK2603010001"');
  });

  it('creations, stock, settings; a new action reads through the generic sentence, without a staff name the email', () => {
    expect(both(entry({ action: 'catalog.product.create', after: { title: earbuds } }))).toEqual(['张三 新建了商品「无线蓝牙耳机」', '张三 created product "Wireless earbuds"']);
    const stock = entry({ action: 'inventory.stock.adjust', entityType: 'stock', before: { onHand: 10 }, after: { onHand: 15, reason: 'receipt' }, target: { name: earbuds, code: 'WE-MINT', ref: 'p1' } });
    expect(both(stock)).toEqual(['张三 把商品「无线蓝牙耳机 WE-MINT」的在库数量从 10 改为 15（入库）', '张三 changed the stock on hand of product "Wireless earbuds WE-MINT" from 10 to 15 (Goods received)']);
    expect(both(entry({ action: 'settings.update', entityType: 'settings', entityId: 'store', before: { timezone: 'UTC', autoConfirmDays: 7 }, after: { timezone: 'Asia/Shanghai', autoConfirmDays: 10 } }))[1])
      .toBe('张三 changed the store settings: time zone, auto-confirm days');
    const unknown = entry({ staffName: null, action: 'risk.rule.toggle', entityType: 'riskRule', entityId: '0b9c7a1e-1111-4222-8333-444455556666' });
    expect(both(unknown)).toEqual(['zhang@example.com 对对象「0b9c7a1e」执行了 risk.rule.toggle', 'zhang@example.com did risk.rule.toggle on item "0b9c7a1e"']);
    expect(auditSentence(unknown, ctx('en'))).toContainEqual({ target: '0b9c7a1e', href: null });
  });
});
