import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Journey, baseUrl, launch, newPerson, watchErrors } from './support/browser.js';
import { stopAfterFirstFailure } from './support/journey.js';
import { adminApi, antdText, signInToConsole, visible } from './support/store.js';

interface Line { id: string; quantity: number; refundedQuantity: number; title: Record<'zh-CN' | 'en', string> }
interface Order {
  id: string;
  number: string;
  status: string;
  paidAmount: number;
  refundedAmount: number;
  shippingAddress: { mobile: string };
  lines: Line[];
  refunds: Array<{ id: string; amount: number; status: string }>;
}

/**
 * The merchant's walk 5 (WALKS.md) for issue 10, browsing at 127.0.0.1: find a paid order by the
 * recipient's mobile, refund one unit of it — with an impatient double click on 立即退款, which must
 * refund once (the dialog sends one Idempotency-Key per opening) — and read it in the audit log.
 */
describe('console: find an order by phone, refund one unit once, read the audit log [chromium]', () => {
  stopAfterFirstFailure();
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let order: Order;
  const journey = new Journey('console-after-sales');

  beforeAll(async () => {
    // A paid demo order of two or more units, none refunded: one unit of it is a partial refund.
    const paid = await adminApi<{ items: Array<{ id: string }> }>('/api/admin/orders?status=paid&limit=50');
    for (const { id } of paid.items) {
      const o = await adminApi<Order>(`/api/admin/orders/${id}`);
      if (o.refundedAmount === 0 && o.lines.reduce((n, l) => n + l.quantity, 0) >= 2) {
        order = o;
        break;
      }
    }
    if (!order) throw new Error('the demo shop has no paid order of two units to refund');
    browser = await launch();
    ({ page } = await newPerson(browser, { size: 'desktop', locale: 'zh-CN', baseURL: baseUrl().replace('localhost', '127.0.0.1') }));
    errors = watchErrors(page);
  });
  afterAll(async () => {
    if (errors?.length) console.warn(`[console-after-sales] browser errors:\n  ${errors.join('\n  ')}`);
    await browser?.close();
  });

  it('finds the order by the recipient’s mobile number', async () => {
    await signInToConsole(page);
    await page.goto('/admin/orders');
    const search = page.getByRole('searchbox', { name: '订单号或收件人手机号' }).or(page.getByLabel('订单号或收件人手机号')).first();
    await search.fill(order.shippingAddress.mobile);
    await search.press('Enter');
    await visible(page.getByRole('link', { name: order.number }));
    await journey.shoot(page, 'orders-by-mobile');
    await page.getByRole('link', { name: order.number }).click();
    await page.waitForURL(new RegExp(`/admin/orders/(${order.id}|${order.number})$`));
  });

  it('refunds one unit; a double click on 立即退款 still refunds once', async () => {
    await page.getByRole('button', { name: antdText('退款') }).click();
    const dialog = page.getByRole('dialog', { name: `退款 · ${order.number}` });
    await visible(dialog);
    await dialog.getByText('部分商品', { exact: true }).click();
    const line = order.lines.find((l) => l.quantity - l.refundedQuantity >= 1)!;
    await dialog.getByLabel(`退几件: ${line.title['zh-CN']}`).fill('1');
    await dialog.getByLabel('原因').fill('顾客收到一件破损，退一件');
    await journey.shoot(page, 'refund-dialog');
    const posted: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith(`/api/admin/orders/${order.id}/refunds`)) posted.push(r.headers()['idempotency-key'] ?? '');
    });
    await dialog.getByRole('button', { name: '立即退款' }).dblclick();
    await visible(page.getByText('已退款', { exact: true }));
    await dialog.waitFor({ state: 'hidden' });
    expect(posted.length).toBeGreaterThan(0);
    expect(new Set(posted).size).toBe(1);
    expect(posted[0]).toMatch(/^[0-9a-f]{32}$/);
    const after = await adminApi<Order>(`/api/admin/orders/${order.id}`);
    expect(after.refunds).toHaveLength(1);
    expect(after.status).toBe('partially_refunded');
    expect(after.lines.find((l) => l.id === line.id)!.refundedQuantity).toBe(line.refundedQuantity + 1);
    // The order page shows the refund in its records.
    await visible(page.getByText('部分退款').first());
    await journey.shoot(page, 'order-after-refund');
  });

  it('reads the refund in the audit log', async () => {
    const [entry] = (await adminApi<{ items: Array<{ action: string; entityType: string; entityId: string }> }>('/api/admin/audit-log?action=refunds.execute&limit=1')).items;
    const refundId = (await adminApi<Order>(`/api/admin/orders/${order.id}`)).refunds[0].id;
    expect(entry).toMatchObject({ action: 'refunds.execute', entityId: refundId });
    await page.goto('/admin/audit');
    await visible(page.getByRole('heading', { level: 1, name: '操作日志' }));
    const filter = page.getByPlaceholder('操作，如 catalog.*');
    await filter.fill('refunds.execute');
    await filter.press('Enter');
    await page.waitForLoadState('networkidle');
    // A sentence naming the order (linked) and the amount, with the socket's address, not a header's.
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: order.number }) });
    await visible(row);
    expect(await row.textContent()).toMatch(/退款\s*¥\d+\.\d{2}/);
    await journey.shoot(page, 'audit-log');
  });
});
