import iconv from 'iconv-lite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../../../test/support/harness.js';
import { loginStaff, type StaffLogin } from '../../../test/support/staff.js';

const zhEn = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const HEADER = 'product_slug,title_zh,title_en,category_slug,brand_slug,status,sku,option_values,price,list_price,cost,weight_grams,barcode';

describeEachBackend('catalog CSV export and import', (backend) => {
  let t: TestApp;
  let m: StaffLogin;
  const exportCsv = async () => {
    const res = await t.app.inject({ url: '/api/admin/products/export.csv', headers: m.auth });
    expect(res.statusCode).toBe(200);
    return res;
  };
  const importCsv = (body: string | Buffer, contentType = 'text/csv') =>
    t.app.inject({ method: 'POST', url: '/api/admin/products/import', headers: { ...m.auth, 'content-type': contentType, 'accept-language': 'en' }, payload: body });
  const get = async (slug: string) => (await t.app.inject({ url: `/api/admin/products/${slug}`, headers: m.auth })).json();

  beforeAll(async () => {
    t = await startTestApp(backend);
    m = await loginStaff(t, 'merchandiser');
    const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url: `/api/admin${url}`, headers: m.auth, payload });
    const cat = (await post('/categories', { slug: 'tea', name: zhEn('茶叶', 'Tea') })).json().id;
    await post('/categories', { slug: 'teaware', name: zhEn('茶具', 'Teaware') });
    await post('/brands', { slug: 'laoshan', name: zhEn('崂山', 'Laoshan') });
    const size = { code: 'size', name: zhEn('规格', 'Size'), values: ['100g', '250g'].map((c) => ({ code: c, name: zhEn(c, c) })) };
    const created = await post('/products', {
      slug: 'longjing', title: zhEn('西湖龙井, "明前"', 'Longjing'), categoryId: cat, status: 'active', options: [size],
      variants: [
        { sku: 'LJ-100', optionValues: { size: '100g' }, price: 6800, listPrice: 8800, cost: 3000, weightGrams: 120, barcode: '6901234567890' },
        { sku: 'LJ-250', optionValues: { size: '250g' }, price: 15000 },
      ],
    });
    expect(created.statusCode).toBe(201);
    await post('/products', { slug: 'formula', title: zhEn('=HYPERLINK("x")', '+cmd'), categoryId: cat, variants: [{ sku: 'F-1', price: 5 }] });
  });
  afterAll(() => t.close());

  it('exports one row per variant, UTF-8 with a BOM, prices in yuan', async () => {
    const res = await exportCsv();
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="products-\d{8}\.csv"$/);
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = res.rawPayload.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe(HEADER);
    expect(lines.slice(1)).toEqual([
      'longjing,"西湖龙井, ""明前""",Longjing,tea,,active,LJ-100,size=100g,68.00,88.00,30.00,120,6901234567890',
      'longjing,"西湖龙井, ""明前""",Longjing,tea,,active,LJ-250,size=250g,150.00,,,0,',
      `formula,"'=HYPERLINK(""x"")",'+cmd,tea,,draft,F-1,,0.05,,,0,`,
    ]);
  });

  it('round-trips: re-importing the export changes nothing; edits and new rows are applied', async () => {
    const exported = (await exportCsv()).rawPayload;
    const same = await importCsv(exported);
    expect(same.statusCode).toBe(200);
    expect(same.json()).toEqual({ created: 0, updated: 0, unchanged: 3, products: { created: 0, updated: 0 } });
    expect((await get('formula')).title).toEqual(zhEn('=HYPERLINK("x")', '+cmd'));

    const edited = exported.toString('utf8').replace('150.00,,,0,', '139.90,,70.00,260,').replaceAll(',tea,,active,LJ-', ',tea,laoshan,active,LJ-')
      + 'longjing,"西湖龙井, ""明前""",Longjing,tea,laoshan,active,LJ-500,size=500g,"1,280.00",,,520,\r\n'
      + 'maojian,信阳毛尖,Xinyang Maojian,tea,laoshan,active,MJ-1,,¥88.5,,,250,\r\n';
    const res = await importCsv(edited);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 2, updated: 1, unchanged: 2, products: { created: 1, updated: 1 } });
    const lj = await get('longjing');
    expect(lj.variants.map((v: { sku: string; price: number }) => [v.sku, v.price])).toEqual([['LJ-100', 6800], ['LJ-250', 13990], ['LJ-500', 128000]]);
    expect(lj.options[0].values.map((v: { code: string }) => v.code)).toEqual(['100g', '250g', '500g']);
    expect(lj.brandId).not.toBeNull();
    expect(await get('maojian')).toMatchObject({ status: 'active', priceMin: 8850, title: zhEn('信阳毛尖', 'Xinyang Maojian') });
    const log = (await t.services.audit.list({ limit: 100, action: 'catalog.*' })).items;
    const cost = log.find((e) => e.action === 'catalog.variant.import' && (e.after as { cost?: number }).cost === 7000);
    expect(cost).toMatchObject({ staffId: m.staffId, before: { price: 15000, cost: null } });
    expect((await importCsv((await exportCsv()).rawPayload)).json()).toMatchObject({ created: 0, updated: 0 });
  });

  it('imports a GBK file as saved by Excel on Chinese Windows', async () => {
    const text = `${HEADER}\r\nbiluochun,洞庭碧螺春,Biluochun,tea,,draft,BLC-1,,128.00,,,250,\r\n`;
    const gbk = iconv.encode(text, 'gbk');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow();
    const res = await importCsv(gbk);
    expect(res.statusCode).toBe(200);
    expect((await get('biluochun')).title['zh-CN']).toBe('洞庭碧螺春');
  });

  it('refuses a file with bad rows as a whole, naming each row, and writes nothing', async () => {
    const before = (await t.services.audit.list({ limit: 100 })).items.length;
    const csv = [
      HEADER,
      'oolong,铁观音,Tieguanyin,tea,,active,TGY-1,,98.00,,,250,', // fine on its own
      'puer,普洱,Pu-erh,tea,,active,PE-1,,12.345,,,250,',
      'dahongpao,大红袍,Da Hong Pao,coffee,,active,DHP-1,,300,,,250,',
      '',
      'baicha,白茶,White tea,tea,nobrand,active,LJ-100,,30,,,abc,',
    ].join('\r\n');
    const res = await importCsv(csv);
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json();
    expect(body).toMatchObject({ code: 'CSV_ROWS_INVALID', detail: 'Nothing was imported: 3 row(s) have errors.' });
    expect(body.errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code])).toEqual([
      [3, 'price', 'CSV_MONEY_INVALID'],
      [4, 'category_slug', 'CSV_UNKNOWN_CATEGORY'],
      [6, 'weight_grams', 'CSV_VALUE_INVALID'],
    ]);
    const second = await importCsv(csv.replace('abc', '10'));
    expect(second.json().errors.map((e: { row: number; code: string }) => [e.row, e.code])).toEqual([
      [3, 'CSV_MONEY_INVALID'], [4, 'CSV_UNKNOWN_CATEGORY'], [6, 'CSV_SKU_ELSEWHERE'], [6, 'CSV_UNKNOWN_BRAND'],
    ]);
    expect((await t.app.inject({ url: '/api/admin/products/oolong', headers: m.auth })).statusCode).toBe(404);
    expect((await t.services.audit.list({ limit: 100 })).items.length).toBe(before);
  });

  it('rolls back rows already applied when a later row fails in the service', async () => {
    const csv = `${HEADER}\r\nxihu,西湖,Xihu,tea,,draft,XH-1,,10,,,0,\r\nlongjing,"西湖龙井, ""明前""",Longjing,tea,,active,LJ-NONE,,10,,,0,\r\n`;
    const res = await importCsv(csv);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([expect.objectContaining({ row: 3, code: 'VARIANT_OPTIONS_INVALID' })]);
    expect((await t.app.inject({ url: '/api/admin/products/xihu', headers: m.auth })).statusCode).toBe(404);
  });

  it('answers malformed uploads with problem+json', async () => {
    const cases: Array<[string | Buffer, string, number, string]> = [
      ['{"a":1}', 'application/json', 415, 'UNSUPPORTED_MEDIA_TYPE'],
      [HEADER + '\r\n', 'text/csv', 422, 'CSV_EMPTY'],
      ['slug,title\r\nx,y\r\n', 'text/csv', 422, 'CSV_HEADER_MISSING'],
      [`${HEADER}\r\n"unclosed,quote\r\n`, 'text/csv', 422, 'CSV_MALFORMED'],
      [Buffer.alloc(1024 * 1024 + 10, 'a'), 'text/csv', 413, 'BODY_TOO_LARGE'],
    ];
    for (const [body, type, status, code] of cases) {
      const res = await importCsv(body, type);
      expect(res.statusCode, code).toBe(status);
      expect(res.json().code).toBe(code);
    }
  });
});
