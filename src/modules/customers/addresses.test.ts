import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../../../test/support/harness.js';
import { registerShopper, type Shopper } from '../../../test/support/customers.js';

const shenzhen = { provinceCode: '44', cityCode: '4403', districtCode: '440305' }; // 广东省 深圳市 南山区
const beijing = { provinceCode: '11', cityCode: '1101', districtCode: '110105' }; // 北京市 市辖区 朝阳区
const address = (over: object = {}) => ({
  recipientName: '王小明',
  mobile: '13800138000',
  ...shenzhen,
  detail: '科技园南区 1 栋 101',
  postalCode: '518000',
  ...over,
});

describeEachBackend('customers: addresses and regions', (backend) => {
  let t: TestApp;
  let me: Shopper;
  let other: Shopper;
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, who: Shopper, payload?: object) =>
    t.app.inject({ method, url: `/api/store${url}`, headers: who.auth, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await startTestApp(backend);
    me = await registerShopper(t);
    other = await registerShopper(t);
  });
  afterAll(() => t.close());

  it('serves provinces, then cities of a province, then districts of a city', async () => {
    const provinces = (await t.app.inject({ url: '/api/store/regions' })).json().items;
    expect(provinces).toHaveLength(31);
    expect(provinces).toContainEqual(expect.objectContaining({ code: '44', name: '广东省' }));
    const cities = (await t.app.inject({ url: '/api/store/regions?parent=44' })).json().items;
    expect(cities).toContainEqual(expect.objectContaining({ code: '4403', name: '深圳市' }));
    const districts = (await t.app.inject({ url: '/api/store/regions?parent=4403' })).json().items;
    expect(districts).toContainEqual(expect.objectContaining({ code: '440305', name: '南山区' }));
    expect((await t.app.inject({ url: '/api/store/regions?parent=99' })).json().code).toBe('REGION_NOT_FOUND');
    expect((await t.app.inject({ url: '/api/store/regions?parent=abc' })).statusCode).toBe(400);
  });

  it('creates, lists, updates, re-defaults and deletes my addresses', async () => {
    const first = await call('POST', '/me/addresses', me, address());
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ isDefault: true, provinceName: '广东省', cityName: '深圳市', districtName: '南山区' });
    const second = (await call('POST', '/me/addresses', me, address({ ...beijing, recipientName: '李雷', postalCode: null }))).json();
    expect(second).toMatchObject({ isDefault: false, districtName: '朝阳区', postalCode: null });

    const list = (await call('GET', '/me/addresses', me)).json().items;
    expect(list.map((a: { id: string }) => a.id)).toEqual([first.json().id, second.id]);

    const patched = await call('PATCH', `/me/addresses/${second.id}`, me, { detail: '建国路 88 号', isDefault: true });
    expect(patched.json()).toMatchObject({ detail: '建国路 88 号', isDefault: true });
    const after = (await call('GET', '/me/addresses', me)).json().items;
    expect(after.filter((a: { isDefault: boolean }) => a.isDefault).map((a: { id: string }) => a.id)).toEqual([second.id]);

    const back = await call('POST', `/me/addresses/${first.json().id}/default`, me);
    expect(back.json().isDefault).toBe(true);
    expect((await call('GET', `/me/addresses/${second.id}`, me)).json().isDefault).toBe(false);

    expect((await call('DELETE', `/me/addresses/${first.json().id}`, me)).statusCode).toBe(204);
    const left = (await call('GET', '/me/addresses', me)).json().items;
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ id: second.id, isDefault: true }); // the default moved on
  });

  it('validates the region codes against GB/T 2260', async () => {
    const cases = [
      { provinceCode: '44', cityCode: '1101', districtCode: '110105' }, // city of another province
      { provinceCode: '44', cityCode: '4403', districtCode: '110105' }, // district of another city
      { provinceCode: '99', cityCode: '9901', districtCode: '990101' },
    ];
    for (const c of cases) {
      const res = await call('POST', '/me/addresses', me, address(c));
      expect(res.statusCode, JSON.stringify(c)).toBe(422);
      expect(res.json().code).toBe('REGION_INVALID');
    }
    const [a] = (await call('GET', '/me/addresses', me)).json().items;
    const res = await call('PATCH', `/me/addresses/${a.id}`, me, { districtCode: '440106' }); // 天河区 is in 广州
    expect(res.json().code).toBe('REGION_INVALID');
    const ok = await call('PATCH', `/me/addresses/${a.id}`, me, { ...shenzhen, districtCode: '440304' });
    expect(ok.json()).toMatchObject({ districtName: '福田区' });
  });

  it('never lets another shopper read or change my address: 404', async () => {
    const mine = (await call('POST', '/me/addresses', me, address({ detail: '私人地址 9 号' }))).json();
    for (const [method, url, body] of [
      ['GET', `/me/addresses/${mine.id}`],
      ['PATCH', `/me/addresses/${mine.id}`, { detail: '被改了' }],
      ['DELETE', `/me/addresses/${mine.id}`],
      ['POST', `/me/addresses/${mine.id}/default`],
    ] as const) {
      const res = await call(method, url, other, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json().code).toBe('ADDRESS_NOT_FOUND');
    }
    expect((await call('GET', '/me/addresses', other)).json().items).toEqual([]);
    expect((await call('GET', `/me/addresses/${mine.id}`, me)).json().detail).toBe('私人地址 9 号');
    const anonymous = await t.app.inject({ url: '/api/store/me/addresses' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('gives checkout a saved address in the order shape, only to its owner', async () => {
    const a = (await call('POST', '/me/addresses', me, address({ ...beijing, detail: '建国路 1 号' }))).json();
    const book = t.services.customers.addresses;
    expect(await book.shippingAddress(me.customerId, a.id)).toEqual({
      recipient: '王小明',
      mobile: '13800138000',
      ...beijing,
      regionText: '北京市朝阳区',
      detail: '建国路 1 号',
      postalCode: '518000',
    });
    await expect(book.shippingAddress(other.customerId, a.id)).rejects.toMatchObject({ code: 'ADDRESS_NOT_FOUND' });
  });

  it('rejects bad address input with 400 and writes nothing', async () => {
    const before = (await call('GET', '/me/addresses', me)).json().items.length;
    const bad = [
      {},
      address({ mobile: '12345678901' }),
      address({ provinceCode: 44 }),
      address({ recipientName: '' }),
      address({ postalCode: 'abc' }),
      address({ isDefault: 'yes' }),
    ];
    for (const payload of bad) {
      const res = await call('POST', '/me/addresses', me, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
    expect((await call('PATCH', '/me/addresses/not-a-uuid', me, { detail: 'xx yy' })).statusCode).toBe(400);
    expect((await call('GET', '/me/addresses', me)).json().items).toHaveLength(before);
  });
});
