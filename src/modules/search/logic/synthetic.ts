/**
 * Test support: a deterministic synthetic catalog of any size (product types × brands × adjectives,
 * bilingual), and a rotation of realistic queries, for the performance sanity check.
 */
import { BRANDS, CATEGORIES, categoryPath } from './fixtures.js';
import type { SearchDocument, SearchQuery } from './types.js';

const TYPES: [cat: string, zh: string, en: string, yuan: number][] = [
  ['headphones', '无线蓝牙耳机', 'Wireless Bluetooth Earbuds', 299],
  ['headphones', '头戴式降噪耳机', 'Noise Cancelling Headphones', 1299],
  ['speakers', '蓝牙音箱', 'Bluetooth Speaker', 199],
  ['phones', '5G智能手机', '5G Smartphone', 2999],
  ['phone-accessories', '快充充电器', 'Fast Charger', 99],
  ['computers', '轻薄笔记本电脑', 'Thin and Light Laptop', 5999],
  ['computers', '无线鼠标', 'Wireless Mouse', 129],
  ['wearables', '智能手表', 'Smart Watch', 1299],
  ['menswear', '纯棉T恤男款', "Men's Cotton T-shirt", 79],
  ['menswear', '男士牛仔裤', "Men's Jeans", 299],
  ['womenswear', '雪纺连衣裙', 'Chiffon Dress', 199],
  ['sports-shoes', '男子跑步鞋', "Men's Running Shoes", 499],
  ['casual-shoes', '帆布鞋', 'Canvas Shoes', 129],
  ['drinkware', '不锈钢保温杯', 'Stainless Steel Insulated Cup', 149],
  ['kitchen-appliances', '空气炸锅', 'Air Fryer', 399],
  ['kitchen-appliances', '智能电饭煲', 'Smart Rice Cooker', 299],
  ['skincare', '补水面膜', 'Hydrating Face Mask', 89],
  ['skincare', '防晒霜', 'Sunscreen', 159],
  ['coffee', '咖啡豆', 'Coffee Beans', 79],
  ['snacks', '每日坚果', 'Daily Mixed Nuts', 99],
];

const ADJECTIVES: [zh: string, en: string][] = [
  ['经典款', 'Classic'], ['新款', 'New'], ['便携', 'Portable'], ['大容量', 'Large'], ['轻量', 'Lightweight'],
  ['专业版', 'Pro'], ['青春版', 'Lite'], ['限量版', 'Limited Edition'], ['高端', 'Premium'], ['学生', 'Student'],
  ['商务', 'Business'], ['户外', 'Outdoor'], ['黑色', 'Black'], ['白色', 'White'], ['蓝色', 'Blue'],
];

/** `size` products; the same size always gives the same catalog. */
export function syntheticCatalog(size: number): SearchDocument[] {
  const brandIds = Object.keys(BRANDS);
  const docs: SearchDocument[] = [];
  for (let i = 0; i < size; i++) {
    const [cat, zh, en, yuan] = TYPES[i % TYPES.length];
    const brandId = (i * 7) % 11 === 0 ? null : brandIds[(i * 13) % brandIds.length];
    const [adjZh, adjEn] = ADJECTIVES[(i * 5) % ADJECTIVES.length];
    const brandName = brandId === null ? null : BRANDS[brandId];
    const [brandZh, brandEn] = brandName === null ? ['', ''] : brandName.split(' ');
    const path = categoryPath(cat);
    const price = Math.round(yuan * 100 * (0.5 + ((i * 37) % 100) / 50));
    docs.push({
      id: `syn-${String(i).padStart(5, '0')}`,
      title: { 'zh-CN': `${brandZh} ${adjZh}${zh} ${i % 97}`, en: `${brandEn} ${adjEn} ${en} ${i % 97}`.trim() },
      subtitle: { 'zh-CN': `${adjZh} 热卖`, en: `${adjEn} best seller` },
      description: { 'zh-CN': `${zh}，${adjZh}，品质保证，七天无理由退货。`, en: `${en}. ${adjEn}. Quality guaranteed, 7-day returns.` },
      categoryId: cat,
      categoryPath: path,
      categoryNames: path.flatMap((c) => [CATEGORIES[c].zh, CATEGORIES[c].en]),
      brandId,
      brandName,
      tags: [adjZh, adjEn],
      attributes: [`型号${i}`],
      priceMin: price,
      priceMax: i % 4 === 0 ? price * 2 : price,
      inStock: i % 9 !== 0,
      sales: (i * 7919) % 50_000,
      createdAt: Date.UTC(2024, 0, 1) + ((i * 104_729) % 700) * 86_400_000,
    });
  }
  return docs;
}

/** Queries in rotation: Chinese, English, mixed, prefixes, typos, filters, sorts, empty. */
export const ROTATED_QUERIES: SearchQuery[] = [
  { q: '无线蓝牙耳机' },
  { q: '华为 earbuds' },
  { q: '耳机', sort: 'price_asc' },
  { q: 'wirel' },
  { q: 'blutooth hedphones' },
  { q: 'tshirt', brandIds: ['uniqlo', 'anta'] },
  { q: '纯棉T恤男款' },
  { q: '保温杯', priceMax: 20_000 },
  { q: 'coffee beans', inStock: true },
  { q: '运动鞋', sort: 'sales' },
  { q: 'smart watch', categoryId: 'electronics' },
  { q: 'laptop', sort: 'newest', offset: 20 },
  { categoryId: 'electronics' },
  { categoryId: 'apparel', sort: 'price_desc' },
  {},
  { q: '面膜', priceMin: 5_000, priceMax: 15_000 },
  { q: 'air fryer' },
  { q: 'sunscrean' },
  { q: '小米手机' },
  { q: 'xiaomi', brandIds: ['xiaomi'], inStock: true },
];
