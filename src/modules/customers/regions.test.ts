import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../../../test/support/harness.js';
import { registerShopper } from '../../../test/support/customers.js';

describeEachBackend('customers: region names in the reader\'s language', (backend) => {
  let t: TestApp;
  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ url: `/api/store${url}`, headers });
  const items = async (url: string, headers?: Record<string, string>) => (await get(url, headers)).json().items as Array<{ code: string; name: string }>;
  const named = (list: Array<{ code: string; name: string }>, code: string) => list.find((r) => r.code === code)?.name;

  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(() => t.close());

  it('answers in English for Accept-Language en, in Chinese otherwise, with both names always', async () => {
    const english = await get('/regions', { 'accept-language': 'en-GB,en;q=0.9' });
    expect(english.headers.vary).toMatch(/accept-language/i);
    expect(english.json().items).toContainEqual({ code: '44', name: 'Guangdong', names: { 'zh-CN': '广东省', en: 'Guangdong' } });
    expect(named(await items('/regions'), '44')).toBe('广东省');
    expect(named(await items('/regions', { 'accept-language': 'zh-CN,zh;q=0.9' }), '61')).toBe('陕西省');
    expect(named(await items('/regions?parent=44', { 'accept-language': 'en' }), '4403')).toBe('Shenzhen');
    expect(named(await items('/regions?parent=1101', { 'accept-language': 'en' }), '110114')).toBe('Changping District');
    expect(named(await items('/regions?parent=3101', { 'accept-language': 'en' }), '310115')).toBe('Pudong New Area');
  });

  it('lets ?lang= choose the language over Accept-Language', async () => {
    expect(named(await items('/regions?parent=4403&lang=en', { 'accept-language': 'zh-CN' }), '440305')).toBe('Nanshan District');
    expect(named(await items('/regions?parent=4403&lang=zh-CN', { 'accept-language': 'en' }), '440305')).toBe('南山区');
  });

  it('describes one region by code with its full name in both languages', async () => {
    const r = await get('/regions/440305', { 'accept-language': 'en' });
    expect(r.json()).toEqual({
      code: '440305',
      name: 'Nanshan District',
      names: { 'zh-CN': '南山区', en: 'Nanshan District' },
      parentCode: '4403',
      fullName: { 'zh-CN': '广东省深圳市南山区', en: 'Nanshan District, Shenzhen, Guangdong' },
    });
    expect((await get('/regions/11')).json()).toMatchObject({ name: '北京市', parentCode: null, fullName: { en: 'Beijing' } });
    expect((await get('/regions/999999')).json().code).toBe('REGION_NOT_FOUND');
    expect((await get('/regions/4403x')).statusCode).toBe(400);
  });

  it('gives saved addresses their region in both languages, keeping the Chinese names', async () => {
    const me = await registerShopper(t);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/store/me/addresses',
      headers: { ...me.auth, 'accept-language': 'en' },
      payload: { recipientName: 'Li Lei', mobile: '13800138000', provinceCode: '11', cityCode: '1101', districtCode: '110105', detail: 'Jianguo Road 88' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      provinceName: '北京市',
      districtName: '朝阳区',
      region: { 'zh-CN': '北京市朝阳区', en: 'Chaoyang District, Beijing' },
    });
  });
});
