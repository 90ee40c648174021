import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../support/harness.js';
import { loginStaff, type StaffLogin } from '../support/staff.js';
import { registerShopper, type Shopper } from '../support/customers.js';
import { sandboxCallback, standardShipping } from '../support/commerce.js';

/**
 * Every view built from the widest valid rows (issue 10): every text at the longest its input
 * accepts, in characters of one to four bytes (𠮷 is two UTF-16 units), every nullable field once
 * null and once set, numbers at their bounds — written through the API as staff and a shopper would.
 * Then every JSON GET operation of the OpenAPI document is called (admin ones as staff, store
 * ones as the shopper) and must answer 200: the serializer validates each answer against its
 * response schema, so a 200 is a schema-valid answer.
 */

/** Exactly `n` UTF-16 units (what Zod's max counts), never splitting a surrogate pair. */
function wide(n: number, alphabet = ['掌', '柜', 'é', '𠮷', 'a', 'Ω']): string {
  let s = '';
  for (let i = 0; s.length < n; i++) {
    const c = alphabet[i % alphabet.length];
    s += s.length + c.length <= n ? c : 'a';
  }
  return s;
}
const both = (n: number) => ({ 'zh-CN': wide(n), en: wide(n, ['w', 'ï', 'ď', 'é', '😀']) });
const ascii = (n: number, prefix = '') => (prefix + 'x'.repeat(n)).slice(0, n);
/** An email of exactly `n` characters (labels under 64 characters). */
const longEmail = (n: number, tag: string) => {
  const domain = `${'d'.repeat(60)}.${'e'.repeat(60)}.example.com`;
  return `${tag}${'l'.repeat(n - tag.length - domain.length - 1)}@${domain}`;
};

const MAX_MINOR = 1_000_000_000;

describeEachBackend('widest valid rows: every view answers them', (backend) => {
  let t: TestApp;
  let admin: StaffLogin;
  let shopper: Shopper;
  const ids: Record<string, string> = {};
  const title = both(500);

  const call = async (who: { authorization: string }, method: string, url: string, payload?: unknown, headers: Record<string, string> = {}) => {
    const res = await t.app.inject({ method: method as 'GET', url, headers: { ...who, ...headers }, ...(payload === undefined ? {} : { payload: payload as object }) });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body.slice(0, 500)}`);
    return res.json();
  };
  const staffCall = (method: string, url: string, payload?: unknown, headers?: Record<string, string>) => call(admin.auth, method, `/api/admin${url}`, payload, headers);
  const shopperCall = (method: string, url: string, payload?: unknown, headers?: Record<string, string>) => call(shopper.auth, method, `/api/store${url}`, payload, headers);

  beforeAll(async () => {
    // The widest product is about 0.9 MB of JSON: within the default body limit (1 MB).
    t = await startTestApp(backend);
    admin = await loginStaff(t, 'admin');

    // ── Catalog: a category tree, a brand, the widest product and one with every nullable field null.
    const category = await staffCall('POST', '/categories', { slug: ascii(80, 'c'), name: both(500), parentId: null, position: 10_000 });
    const child = await staffCall('POST', '/categories', { slug: ascii(80, 'd'), name: both(500), parentId: category.id, position: 0 });
    const brand = await staffCall('POST', '/brands', { slug: ascii(80, 'b'), name: both(500) });
    const code = (i: number, j = 0) => `${i}-${j}-`.padEnd(40, 'z');
    const options = Array.from({ length: 5 }, (_, i) => ({
      code: code(i), name: both(500), values: Array.from({ length: 50 }, (_, j) => ({ code: code(i, j), name: both(500) })),
    }));
    const widest = await staffCall('POST', '/products', {
      slug: ascii(80, 'p'), title, subtitle: both(500), description: both(20_000), categoryId: child.id, brandId: brand.id,
      privateLabel: true, exclusive: true,
      earlyAccess: { tiers: Array.from({ length: 10 }, (_, i) => `t${i}-${'x'.repeat(28)}`), publicAt: '2000-01-01T00:00:00.000Z' }, // public long since: its orders below go through
      tags: Array.from({ length: 30 }, (_, i) => wide(40 - String(i).length) + i),
      attributes: Array.from({ length: 50 }, () => ({ name: both(500), value: both(500) })),
      options,
      images: Array.from({ length: 20 }, (_, i) => ({ url: `https://img.example.com/${i}/`.padEnd(1000, 'i'), width: 10_000, height: 10_000, alt: both(500) })),
      variants: [
        { sku: ascii(64, 'SKU-MAX-'), optionValues: Object.fromEntries(options.map((o) => [o.code, o.values[49].code])), price: MAX_MINOR, listPrice: MAX_MINOR, cost: MAX_MINOR, weightGrams: 1_000_000, barcode: ascii(64, 'B'), active: true },
        { sku: ascii(64, 'SKU-MIN-'), optionValues: Object.fromEntries(options.map((o) => [o.code, o.values[0].code])), price: 0, listPrice: null, cost: null, weightGrams: 0, barcode: null, active: true },
      ],
    });
    const bare = await staffCall('POST', '/products', {
      slug: ascii(1, 'q'), title: { 'zh-CN': '空', en: '' }, subtitle: null, description: null, categoryId: category.id, brandId: null,
      variants: [{ sku: 'N', price: 1, listPrice: null, cost: null, barcode: null }],
    });
    for (const p of [widest, bare]) await staffCall('POST', `/products/${p.id}/publish`);
    Object.assign(ids, { widest: widest.id, widestSlug: widest.slug, bare: bare.id, maxVariant: widest.variants[0].id, minVariant: widest.variants[1].id, bareVariant: bare.variants[0].id });

    // ── Stock: a second warehouse with the longest code and names; the largest adjustments, with the longest note.
    const warehouse = await staffCall('POST', '/warehouses', { code: ascii(32, 'W'), name: both(60) });
    const main = (await staffCall('GET', '/warehouses')).items.find((w: { isDefault: boolean }) => w.isDefault).id;
    for (const [variantId, warehouseId] of [[ids.maxVariant, main], [ids.maxVariant, warehouse.id], [ids.minVariant, main], [ids.bareVariant, main]]) {
      await staffCall('POST', '/stock/adjustments', { variantId, warehouseId, delta: 100_000, reason: 'receipt', note: wide(500) }, { 'idempotency-key': `widest-${variantId}-${warehouseId}`.slice(0, 100) });
    }
    ids.warehouse = warehouse.id;

    // ── Store settings, a shipping method and a staff member at their longest.
    await staffCall('PATCH', '/settings', {
      name: both(60), unpaidTimeoutMinutes: 1440, autoConfirmDays: 30,
      homeBanner: { 'zh-CN': { title: wide(60), subtitle: wide(140), link: `/${'l'.repeat(499)}` }, en: { title: wide(60), subtitle: wide(140), link: null } },
    });
    await staffCall('POST', '/shipping-methods', {
      kind: 'byWeight', code: ascii(40, 'w'), name: both(60), position: 10_000, deliveryDays: 60,
      firstWeightGrams: 1_000_000, firstFee: 100_000_000, extraWeightGrams: 1_000_000, extraFee: 100_000_000,
      regionFees: [{ provinceCodes: ['11', '31', '44'], firstFee: 100_000_000, extraFee: 100_000_000 }],
    });
    await staffCall('POST', '/staff', { email: longEmail(200, 'staff'), name: wide(100), role: 'cs' });

    // ── A shopper with every profile field at its longest, one with none, and addresses of both kinds.
    shopper = await registerShopper(t, { email: longEmail(254, 'shopper'), password: 'p'.repeat(128), name: wide(60), locale: 'en', channel: ascii(40, 'ch') });
    // No email, no name, no channel: the nullable profile fields null (the staff customer list shows both).
    const bareShopper = await t.app.inject({ method: 'POST', url: '/api/store/auth/register', payload: { mobile: '13900000000', password: 'p'.repeat(8) } });
    expect(bareShopper.statusCode).toBe(201);
    const address = await shopperCall('POST', '/me/addresses', {
      recipientName: wide(40), mobile: '13800138000', provinceCode: '44', cityCode: '4403', districtCode: '440305', detail: wide(200), postalCode: '518000', isDefault: true,
    });
    const bareAddress = await shopperCall('POST', '/me/addresses', { recipientName: 'A', mobile: '13800138001', provinceCode: '11', cityCode: '1101', districtCode: '110101', detail: 'ab', postalCode: null });
    Object.assign(ids, { address: address.id, bareAddress: bareAddress.id, customer: shopper.customerId });

    // ── Orders: the dearest unit with a typed address and the longest note; a bare one to a saved address.
    const order = async (variantId: string, quantity: number, extra: object) => {
      const cart = await shopperCall('POST', '/carts');
      await shopperCall('POST', `/carts/${cart.id}/items`, { variantId, quantity });
      return shopperCall('POST', '/orders', { cartId: cart.id, shippingMethodId: await standardShipping(t), ...extra }, { 'idempotency-key': `widest-order-${variantId}` });
    };
    // Two of the dearest units: 2 × ¥10,000,000 is as much as an order total (an int4 column) can hold.
    const dear = await order(ids.maxVariant, 2, {
      address: { recipient: wide(50), mobile: '13800138000', provinceCode: '44', cityCode: '4403', districtCode: '440305', detail: wide(200), postalCode: '518000' },
      note: wide(500), channel: ascii(40, 'c'),
    });
    const cheap = await order(ids.bareVariant, 1, { addressId: bareAddress.id, note: null, channel: null });
    for (const o of [dear, cheap]) {
      const payment = await shopperCall('POST', `/orders/${o.id}/payments`, { method: 'alipay' });
      const paid = await t.app.inject(sandboxCallback(t, { paymentId: payment.id, amount: payment.amount }));
      expect(paid.statusCode).toBe(200);
    }
    await t.settle();
    await staffCall('POST', `/orders/${dear.id}/ship`, { carrier: 'sf', trackingNumber: ascii(40, 'SF'), warehouseId: ids.warehouse });
    await staffCall('POST', `/orders/${cheap.id}/refunds`, { reason: wide(500) });
    const cs = await loginStaff(t, 'cs');
    const asked = await call(cs.auth, 'POST', `/api/admin/orders/${dear.id}/refunds`, { lines: [{ lineId: dear.lines[0].id, quantity: 1 }], amount: 1, reason: wide(500) });
    await staffCall('POST', `/refunds/${asked.id}/reject`, { note: wide(500) });
    await t.app.inject({ method: 'POST', url: '/api/store/auth/password-reset', payload: { email: shopper.email } });
    await t.settle();
    // ── Promotions: every list at its longest, and one bare that applies to every cart (its words in the cart's answer).
    const uuids = (n: number, first: string) => [first, ...Array.from({ length: n - 1 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`)];
    const widePromotion = await staffCall('POST', '/promotions', {
      name: both(60),
      action: { kind: 'memberPrice', tiers: Array.from({ length: 20 }, (_, i) => ({ tier: code(i), percentOff: 99, prices: uuids(25, ids.maxVariant).map((variantId) => ({ variantId, price: 100_000_000 })) })) },
      scope: { productIds: uuids(500, ids.widest), categoryIds: uuids(200, category.id), brandIds: uuids(200, brand.id), excludeProductIds: uuids(500, ids.bare) },
      conditions: { tiers: Array.from({ length: 20 }, (_, i) => code(i)), tags: Array.from({ length: 20 }, () => wide(40)), newCustomersOnly: true, channels: Array.from({ length: 20 }, (_, i) => code(i, 1)), minQuantity: 999 },
      stacking: { group: code(1, 2), priority: 1000, exclusive: true, withCoupons: false, withPoints: false },
      startsAt: '2000-01-01T00:00:00.000Z',
      endsAt: '9999-12-31T23:59:59.999Z',
      status: 'paused',
    });
    const barePromotion = await staffCall('POST', '/promotions', { name: both(60), action: { kind: 'amountOff', amount: 1 } });
    Object.assign(ids, { widePromotion: widePromotion.id, barePromotion: barePromotion.id });
    // ── Coupons: the widest template, claimed by the shopper (the claim centre and their list show it).
    const wideTemplate = await staffCall('POST', '/coupon-templates', {
      name: both(60),
      action: { kind: 'percentOff', percentOff: 99, threshold: 100_000_000, cap: 100_000_000 },
      scope: { productIds: uuids(500, ids.widest), categoryIds: uuids(200, category.id), brandIds: uuids(200, brand.id), excludeProductIds: uuids(500, ids.bare) },
      withPromotions: false, withPoints: false, totalQuantity: 10_000_000, perCustomerLimit: 100,
      claimFrom: '2000-01-01T00:00:00.000Z', claimUntil: '9999-12-31T23:59:59.999Z', validFrom: '2000-01-01T00:00:00.000Z', validUntil: '9999-12-31T23:59:59.999Z', refundRule: 'forfeit',
      publicCode: 'W'.repeat(20),
    });
    await shopperCall('POST', '/coupons/claim', { templateId: wideTemplate.id });
    // Redeem codes in two batches, one redeemed; the new-customer coupon set.
    await staffCall('POST', `/coupon-templates/${wideTemplate.id}/redeem-codes`, { count: 10_000 });
    await staffCall('POST', `/coupon-templates/${wideTemplate.id}/redeem-codes`, { count: 1 });
    const [oneCode] = (await t.app.inject({ url: `/api/admin/coupon-templates/${wideTemplate.id}/redeem-codes.csv?batch=2`, headers: admin.auth })).body.split('\r\n')[1]!.split(',');
    await shopperCall('POST', '/coupons/redeem', { code: oneCode });
    await staffCall('PUT', '/coupon-grants', { newCustomerTemplateId: wideTemplate.id });
    Object.assign(ids, { wideTemplate: wideTemplate.id });
    const bareTemplate = await staffCall('POST', '/coupon-templates', { name: both(60), action: { kind: 'freeShipping' }, validDays: 3650 });
    await shopperCall('POST', '/coupons/claim', { templateId: bareTemplate.id });
    // ── Points: the widest policy, the largest adjustments with the longest reason, a check-in.
    await staffCall('PUT', '/points/policy', { enabled: true, earnPerYuan: 100, pointsPerUnit: 100_000, unitValue: 100_000, maxShareBps: 10_000, checkIn: 10_000, expiry: { kind: 'afterDays', days: 3650 } });
    await staffCall('POST', `/customers/${ids.customer}/points/adjustments`, { points: 10_000_000, reason: wide(200) });
    await staffCall('POST', `/customers/${ids.customer}/points/adjustments`, { points: -10_000_000, reason: wide(200) });
    await shopperCall('POST', '/me/points/check-in');
    // ── Membership: the widest programme (ten tiers, the longest names, the largest numbers) and a birthday.
    const tier = (i: number) => ({
      code: `t${i}-${'x'.repeat(28)}`, name: { 'zh-CN': '会'.repeat(20), en: 'M'.repeat(40) }, threshold: i === 0 ? 0 : i * 10_000_000, keep: i * 10_000_000,
      benefits: { pointsMultiplierBps: 100_000, freeShipping: true, memberDayPercentOff: 50, birthdayPoints: 100_000, birthdayCouponTemplateId: wideTemplate.id, upgradePoints: 100_000, upgradeCouponTemplateId: wideTemplate.id },
    });
    await staffCall('PUT', '/membership/program', { enabled: true, growthPerYuan: 100, memberDay: 28, tiers: Array.from({ length: 10 }, (_, i) => tier(i)) });
    await shopperCall('PUT', '/me/membership/birthday', { birthday: '1990-12-31' });
    // ── Referral: the widest policy, the shopper's code, and a friend with the longest e-mail who accepted it.
    await staffCall('PUT', '/referral/policy', { enabled: true, inviter: { points: 1_000_000, couponTemplateId: wideTemplate.id }, invitee: { points: 1_000_000, couponTemplateId: wideTemplate.id }, refundWindowDays: 90, minFirstOrder: 100_000_000, monthlyLimit: 10_000 });
    ids.referralCode = (await shopperCall('GET', '/me/referral')).code;
    const friend = await registerShopper(t, { email: longEmail(254, 'friend'), name: wide(60) });
    await call(friend.auth, 'POST', '/api/store/me/referral/accept', { code: ids.referralCode });
    // ── Campaigns: the widest (every block, the longest texts, a recurrence, the largest numbers), published, and a bare draft.
    const localized = (n: number) => both(n);
    const wideCampaign = await staffCall('POST', '/campaigns', {
      slug: `w${'x'.repeat(61)}z`, kind: 'memberDay', name: localized(80), summary: localized(200),
      startsAt: '2000-01-01T00:00:00.000Z', endsAt: '9999-12-31T23:59:59.999Z', recurrence: { monthDay: 28, hours: 24 },
      blocks: [
        { kind: 'banner', title: localized(120), subtitle: localized(200), imageId: null },
        { kind: 'text', body: localized(5000) },
        { kind: 'products', title: localized(120), productIds: [ids.widest, ids.bare] },
        { kind: 'coupons', title: localized(120), templateIds: [wideTemplate.id, bareTemplate.id] },
        ...Array.from({ length: 16 }, () => ({ kind: 'countdown', title: localized(120) })),
      ],
      promotionIds: [widePromotion.id, barePromotion.id], couponTemplateIds: [wideTemplate.id, bareTemplate.id],
      budget: 2_000_000_000, goals: { gmv: 100_000_000_000, orders: 100_000_000, newCustomers: 100_000_000 },
      channels: ['sem', 'email', 'kol', 'koc', 'livestream', 'shortVideo', 'social', 'sms'],
    });
    await staffCall('POST', `/campaigns/${wideCampaign.id}/publish`);
    const bareCampaign = await staffCall('POST', '/campaigns', { slug: 'b0', kind: 'theme', name: localized(1), startsAt: '2000-01-01T00:00:00.000Z', endsAt: '2000-01-01T00:00:00.001Z' });
    Object.assign(ids, { wideCampaign: wideCampaign.id, wideCampaignSlug: wideCampaign.slug, bareCampaign: bareCampaign.id });
    // ── Flash sales: the widest round (longest names, the largest numbers, a window to the end of time), published with a claim, and a bare draft.
    const wideRound = await staffCall('POST', '/flash-sales/rounds', {
      name: { 'zh-CN': '秒'.repeat(40), en: 'F'.repeat(40) }, startsAt: '2000-01-01T00:00:00.000Z', endsAt: '9999-12-31T23:59:59.999Z',
      items: [{ variantId: ids.maxVariant, flashPrice: Math.min(MAX_MINOR - 1, 100_000_000), stock: 50_000, perCustomerLimit: 99 }],
    });
    await staffCall('POST', `/flash-sales/rounds/${wideRound.id}/publish`);
    const { token: buyToken } = await shopperCall('GET', `/flash-sales/items/${wideRound.items[0].id}/token`);
    const wideClaim = await shopperCall('POST', `/flash-sales/items/${wideRound.items[0].id}/buy`, { quantity: 99, token: buyToken });
    await t.settle(); // its order is tried (and refused as too large: the claim carries the failure's code)
    const bareRound = await staffCall('POST', '/flash-sales/rounds', {
      name: { 'zh-CN': '秒', en: 'F' }, startsAt: '9999-12-31T23:59:59.998Z', endsAt: '9999-12-31T23:59:59.999Z',
      items: [{ variantId: ids.maxVariant, flashPrice: 1, stock: 1 }],
    });
    Object.assign(ids, { wideRound: wideRound.id, wideFlashItem: wideRound.items[0].id, bareRound: bareRound.id, wideClaim: wideClaim.id });
    // ── Group buys: the widest activity (longest names, the largest numbers, 模拟成团 on) with a team opened, and a bare one.
    const wideGroupBuy = await staffCall('POST', '/group-buys', {
      name: { 'zh-CN': '团'.repeat(60), en: 'G'.repeat(60) }, productId: ids.widest, variants: [{ variantId: ids.maxVariant, groupPrice: 100_000_000 }, { variantId: ids.minVariant, groupPrice: 1 }].filter((v) => v.variantId === ids.maxVariant),
      teamSize: 50, timeLimitMinutes: 4320, perCustomerLimit: 99, leaderDiscount: 100_000_000, simulatedFill: { enabled: true, maxSeatsLeft: 49 },
    });
    const wideTeam = await shopperCall('POST', `/group-buys/${wideGroupBuy.id}/teams`, { variantId: ids.maxVariant, quantity: 1, addressId: ids.address });
    const bareGroupBuy = await staffCall('POST', '/group-buys', { name: { 'zh-CN': '团', en: 'G' }, productId: ids.widest, variants: [{ variantId: ids.maxVariant, groupPrice: 1 }], teamSize: 2 });
    Object.assign(ids, { wideGroupBuy: wideGroupBuy.id, wideTeam: wideTeam.teamId, wideTeamOrder: wideTeam.orderId, bareGroupBuy: bareGroupBuy.id });
    Object.assign(ids, { dear: dear.id, dearNumber: dear.number, cheap: cheap.id, cart: (await shopperCall('POST', '/carts')).id });
    await shopperCall('POST', `/carts/${ids.cart}/items`, { variantId: ids.maxVariant, quantity: 999 });
  }, 600_000);
  afterAll(() => t?.close());

  /** Values for the path and required query parameters, per operation (several runs where both kinds of row exist). */
  const runs = (operationId: string): Array<Record<string, string>> => {
    switch (operationId) {
      case 'getProduct': case 'adminGetProduct': return [{ idOrSlug: ids.widest }, { idOrSlug: ids.widestSlug }, { idOrSlug: ids.bare }];
      case 'getCart': case 'getCartSummary': return [{ cartId: ids.cart }];
      case 'getOrder': case 'getOrderTracking': case 'adminGetOrder': return [{ orderId: ids.dear }, { orderId: ids.dearNumber }, { orderId: ids.cheap }];
      case 'getAddress': return [{ id: ids.address }, { id: ids.bareAddress }];
      case 'adminGetCustomer': case 'adminGetCustomerPoints': case 'adminGetCustomerMembership': return [{ id: ids.customer }];
      case 'adminGetPromotion': return [{ id: ids.widePromotion }, { id: ids.barePromotion }];
      case 'adminGetCampaign': case 'adminCampaignReport': return [{ id: ids.wideCampaign }, { id: ids.bareCampaign }];
      case 'getCampaign': return [{ slug: ids.wideCampaignSlug }];
      case 'adminGetFlashSaleRound': case 'adminFlashSaleRoundReport': return [{ id: ids.wideRound }, { id: ids.bareRound }];
      case 'getFlashSaleBuyToken': return [{ id: ids.wideFlashItem }];
      case 'getFlashSaleClaim': return [{ id: ids.wideClaim }];
      case 'getGroupBuy': case 'adminGetGroupBuy': case 'adminListGroupBuyTeams': case 'adminGroupBuyReport': return [{ id: ids.wideGroupBuy }, { id: ids.bareGroupBuy }];
      case 'getGroupBuyTeam': return [{ id: ids.wideTeam }];
      case 'getMyGroupBuyTeamOfOrder': return [{ orderId: ids.wideTeamOrder }];
      case 'adminListRedeemCodeBatches': return [{ id: ids.wideTemplate }];
      case 'getRegion': return [{ code: '440305' }];
      case 'getReferralInvite': return [{ code: ids.referralCode }];
      case 'suggestSearch': return [{ q: '掌柜' }, { q: 'w' }];
      case 'quoteItem': return [{ variantId: ids.maxVariant }, { variantId: ids.minVariant }];
      case 'adminListStockLedger': return [{ variantId: ids.maxVariant }];
      case 'searchProducts': return [{}, { q: '掌柜' }];
      case 'adminListStock': return [{}, { product: ids.widest }];
      default: return [{}];
    }
  };

  it('every JSON GET operation answers 200 (schema-valid) from these rows, as staff and as the shopper', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    const failures: string[] = [];
    let calls = 0;
    for (const [path, byMethod] of Object.entries<any>(doc.paths)) {
      const op = byMethod.get;
      if (!op?.responses?.['200']?.content?.['application/json']) continue;
      for (const values of runs(op.operationId)) {
        const query = new URLSearchParams();
        const url = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name]));
        for (const p of op.parameters ?? []) if (p.in === 'query' && values[p.name]) query.set(p.name, values[p.name]);
        const limit = (op.parameters ?? []).find((p: { name: string; in: string }) => p.name === 'limit' && p.in === 'query');
        if (limit) query.set('limit', String(limit.schema?.maximum ?? 20)); // the longest page: every row at once
        const full = query.size ? `${url}?${query}` : url;
        const who = path.startsWith('/api/admin') ? admin.auth : shopper.auth;
        const res = await t.app.inject({ url: full, headers: { ...who, 'accept-language': 'en' } });
        calls++;
        if (res.statusCode !== 200 || !String(res.headers['content-type']).includes('application/json')) {
          failures.push(`${op.operationId} ${full}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(calls).toBeGreaterThan(55);
  });

  it('shows the longest texts whole, on the stock screens too (the 61st character broke them)', async () => {
    const stock = await staffCall('GET', `/stock?product=${ids.widest}`);
    expect(stock.items.length).toBe(3);
    expect(stock.items.every((i: { title: unknown }) => JSON.stringify(i.title) === JSON.stringify(title))).toBe(true);
    expect(stock.items.some((i: { warehouseName: unknown }) => JSON.stringify(i.warehouseName) === JSON.stringify(both(60)))).toBe(true);
    const adjusted = await staffCall('POST', '/stock/adjustments', { variantId: ids.maxVariant, warehouseId: ids.warehouse, delta: -1, reason: 'adjustment', note: wide(500) });
    expect(adjusted.title).toEqual(title);
    const product = await shopperCall('GET', `/products/${ids.widest}`);
    expect(product.description).toEqual(both(20_000));
    expect(product.images[0].url).toHaveLength(1000);
    const order = await shopperCall('GET', `/orders/${ids.dear}`);
    expect(order).toMatchObject({ note: wide(500), total: expect.any(Number), lines: [{ title, unitPrice: MAX_MINOR }] });
    expect(order.shippingAddress.detail).toBe(wide(200));
    const me = await shopperCall('GET', '/me');
    expect(me).toMatchObject({ email: longEmail(254, 'shopper'), name: wide(60) });
  });

  it('refuses an order larger than its amount columns hold with 422, reserving nothing', async () => {
    // The open cart holds 999 of the dearest unit (¥10,000,000): allowed in a cart, too much for one order.
    const before = await t.services.inventory.stockOf([ids.maxVariant]);
    const res = await t.app.inject({
      method: 'POST', url: '/api/store/orders', headers: { ...shopper.auth, 'accept-language': 'en' },
      payload: { cartId: ids.cart, shippingMethodId: await standardShipping(t), addressId: ids.address },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'ORDER_TOO_LARGE', detail: expect.stringContaining('2147483647') });
    expect(await t.services.inventory.stockOf([ids.maxVariant])).toEqual(before);
  });
});
