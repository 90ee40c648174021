/**
 * Test fixture: a small bilingual catalog (66 products, 6 root and 14 child categories, 34 brands).
 * Prices in fen; dates fixed, so every test is deterministic.
 */
import type { SearchDocument } from './types.js';

const DAY = 86_400_000;
const EPOCH = Date.UTC(2025, 0, 1);

export const CATEGORIES: Record<string, { parent: string | null; zh: string; en: string }> = {
  electronics: { parent: null, zh: '数码电子', en: 'Electronics' },
  phones: { parent: 'electronics', zh: '手机', en: 'Mobile Phones' },
  'phone-accessories': { parent: 'electronics', zh: '手机配件', en: 'Phone Accessories' },
  audio: { parent: 'electronics', zh: '影音娱乐', en: 'Audio' },
  headphones: { parent: 'audio', zh: '耳机/耳麦', en: 'Headphones & Earphones' },
  speakers: { parent: 'audio', zh: '音箱', en: 'Speakers' },
  computers: { parent: 'electronics', zh: '电脑办公', en: 'Computers & Office' },
  wearables: { parent: 'electronics', zh: '智能穿戴', en: 'Wearables' },
  apparel: { parent: null, zh: '服饰', en: 'Apparel' },
  menswear: { parent: 'apparel', zh: '男装', en: 'Menswear' },
  womenswear: { parent: 'apparel', zh: '女装', en: 'Womenswear' },
  shoes: { parent: null, zh: '鞋靴', en: 'Shoes' },
  'sports-shoes': { parent: 'shoes', zh: '运动鞋', en: 'Sports Shoes' },
  'casual-shoes': { parent: 'shoes', zh: '休闲鞋', en: 'Casual Shoes' },
  home: { parent: null, zh: '家居厨具', en: 'Home & Kitchen' },
  drinkware: { parent: 'home', zh: '水杯水壶', en: 'Drinkware' },
  'kitchen-appliances': { parent: 'home', zh: '厨房电器', en: 'Kitchen Appliances' },
  beauty: { parent: null, zh: '美妆个护', en: 'Beauty & Personal Care' },
  skincare: { parent: 'beauty', zh: '护肤', en: 'Skincare' },
  food: { parent: null, zh: '食品饮料', en: 'Food & Beverages' },
  coffee: { parent: 'food', zh: '咖啡', en: 'Coffee' },
  snacks: { parent: 'food', zh: '休闲零食', en: 'Snacks' },
};

export const BRANDS: Record<string, string> = {
  huawei: '华为 HUAWEI', xiaomi: '小米 Xiaomi', apple: '苹果 Apple', sony: '索尼 Sony', anker: '安克 Anker',
  lenovo: '联想 Lenovo', logitech: '罗技 Logitech', uniqlo: '优衣库 UNIQLO', hla: '海澜之家 HLA', anta: '安踏 ANTA',
  lining: '李宁 LI-NING', nike: '耐克 Nike', adidas: '阿迪达斯 adidas', levis: "李维斯 Levi's", erdos: '鄂尔多斯 ERDOS',
  warrior: '回力 Warrior', thermos: '膳魔师 THERMOS', zojirushi: '象印 ZOJIRUSHI', midea: '美的 Midea',
  supor: '苏泊尔 SUPOR', joyoung: '九阳 Joyoung', delonghi: "德龙 De'Longhi", mediheal: '美迪惠尔 MEDIHEAL',
  loreal: "欧莱雅 L'Oréal", pechoin: '百雀羚 Pechoin', anessa: '安热沙 ANESSA', starbucks: '星巴克 Starbucks',
  nestle: '雀巢 Nestlé', saturnbird: '三顿半 Saturnbird', 'three-squirrels': '三只松鼠 Three Squirrels',
  bestore: '良品铺子 BESTORE', oreo: '奥利奥 OREO', weilong: '卫龙 Weilong', lululemon: '露露乐蒙 lululemon',
};

export function categoryPath(id: string): string[] {
  const path: string[] = [];
  for (let at: string | null = id; at !== null; at = CATEGORIES[at].parent) path.unshift(at);
  return path;
}

interface Spec {
  id: string;
  zh: string;
  en: string;
  cat: string;
  brand: string | null;
  /** Yuan; a pair for a range (variants). */
  price: number | [number, number];
  sales: number;
  days: number;
  stock?: boolean;
  tags?: string[];
  attrs?: string[];
  sub?: [string, string];
  desc?: [string, string];
}

function toDocument(s: Spec): SearchDocument {
  const [low, high] = typeof s.price === 'number' ? [s.price, s.price] : s.price;
  const path = categoryPath(s.cat);
  return {
    id: s.id,
    title: { 'zh-CN': s.zh, en: s.en },
    subtitle: s.sub === undefined ? undefined : { 'zh-CN': s.sub[0], en: s.sub[1] },
    description: s.desc === undefined ? undefined : { 'zh-CN': s.desc[0], en: s.desc[1] },
    categoryId: s.cat,
    categoryPath: path,
    categoryNames: path.flatMap((c) => [CATEGORIES[c].zh, CATEGORIES[c].en]),
    brandId: s.brand,
    brandName: s.brand === null ? null : BRANDS[s.brand],
    tags: s.tags ?? [],
    attributes: s.attrs ?? [],
    priceMin: Math.round(low * 100),
    priceMax: Math.round(high * 100),
    inStock: s.stock ?? true,
    sales: s.sales,
    createdAt: EPOCH + s.days * DAY,
  };
}

const SPECS: Spec[] = [
  // Headphones
  { id: 'hw-freebuds-pro3', zh: '华为 FreeBuds Pro 3 无线蓝牙耳机 主动降噪', en: 'HUAWEI FreeBuds Pro 3 Wireless Bluetooth Earbuds, Active Noise Cancelling', cat: 'headphones', brand: 'huawei', price: 1199, sales: 8200, days: 300, tags: ['降噪', 'noise cancelling'], attrs: ['蓝牙5.2', '入耳式'], desc: ['星闪连接，高清空间音频，续航长达31小时。', 'NearLink connection, spatial audio, up to 31 hours of battery.'] },
  { id: 'hw-freebuds-se2', zh: '华为 FreeBuds SE 2 真无线蓝牙耳机', en: 'HUAWEI FreeBuds SE 2 True Wireless Earbuds', cat: 'headphones', brand: 'huawei', price: 299, sales: 15400, days: 200, tags: ['学生', 'budget'], attrs: ['蓝牙5.3', '半入耳式'] },
  { id: 'mi-buds-5', zh: '小米 Xiaomi Buds 5 无线蓝牙耳机', en: 'Xiaomi Buds 5 Wireless Bluetooth Earbuds', cat: 'headphones', brand: 'xiaomi', price: 699, sales: 6100, days: 340, attrs: ['半入耳式', '降噪'] },
  { id: 'sony-wh1000xm5', zh: '索尼 WH-1000XM5 头戴式无线降噪耳机', en: 'Sony WH-1000XM5 Wireless Bluetooth Noise Cancelling Headphones', cat: 'headphones', brand: 'sony', price: 2499, sales: 3100, days: 120, tags: ['头戴式', 'over-ear'], attrs: ['30小时续航'] },
  { id: 'apple-airpods-pro2', zh: 'Apple AirPods Pro 2 主动降噪无线耳机', en: 'Apple AirPods Pro (2nd generation) Wireless Earbuds with Noise Cancellation', cat: 'headphones', brand: 'apple', price: 1899, sales: 9800, days: 150, attrs: ['USB-C'] },
  { id: 'wired-earphones', zh: '入耳式有线耳机 3.5mm', en: 'In-Ear Wired Earphones 3.5mm', cat: 'headphones', brand: null, price: 29.9, sales: 2300, days: 30, tags: ['有线'] },
  // Speakers
  { id: 'mi-speaker', zh: '小米蓝牙音箱 便携户外', en: 'Xiaomi Portable Bluetooth Speaker', cat: 'speakers', brand: 'xiaomi', price: 149, sales: 4300, days: 90, attrs: ['防水'] },
  { id: 'sony-srs-xb100', zh: '索尼 SRS-XB100 防水蓝牙音箱', en: 'Sony SRS-XB100 Waterproof Bluetooth Speaker', cat: 'speakers', brand: 'sony', price: 399, sales: 1200, days: 60, stock: false },
  // Phones
  { id: 'mi-14', zh: '小米14 徕卡光学 5G手机', en: 'Xiaomi 14 Leica Optics 5G Mobile Phone', cat: 'phones', brand: 'xiaomi', price: [3999, 4799], sales: 12000, days: 100, attrs: ['骁龙8 Gen3', '12GB+256GB'] },
  { id: 'redmi-note13', zh: '红米 Redmi Note 13 Pro 5G 智能手机', en: 'Redmi Note 13 Pro 5G Smartphone', cat: 'phones', brand: 'xiaomi', price: [1399, 1699], sales: 21000, days: 80 },
  { id: 'hw-mate60', zh: '华为 Mate 60 Pro 智能手机', en: 'HUAWEI Mate 60 Pro Smartphone', cat: 'phones', brand: 'huawei', price: 6999, sales: 9000, days: 210, attrs: ['卫星通话', '12GB+512GB'] },
  { id: 'apple-iphone15', zh: 'Apple iPhone 15 128GB 手机', en: 'Apple iPhone 15 128GB Mobile Phone', cat: 'phones', brand: 'apple', price: 5999, sales: 15000, days: 250 },
  { id: 'hw-nova12', zh: '华为 nova 12 前置双摄 手机', en: 'HUAWEI nova 12 Dual Front Camera Phone', cat: 'phones', brand: 'huawei', price: 2999, sales: 5000, days: 40, stock: false },
  // Phone accessories
  { id: 'iphone15-case', zh: 'iPhone 15 透明手机壳 防摔', en: 'Clear Shockproof Case for iPhone 15', cat: 'phone-accessories', brand: null, price: 39, sales: 30000, days: 240, tags: ['手机壳'] },
  { id: 'anker-charger', zh: '安克 65W 氮化镓快充充电器', en: 'Anker 65W GaN Fast Charger', cat: 'phone-accessories', brand: 'anker', price: 199, sales: 11000, days: 180, attrs: ['USB-C', 'PD快充'] },
  // Computers
  { id: 'lenovo-thinkpad-x1', zh: '联想 ThinkPad X1 Carbon 笔记本电脑', en: 'Lenovo ThinkPad X1 Carbon Laptop', cat: 'computers', brand: 'lenovo', price: 10999, sales: 800, days: 160 },
  { id: 'mi-notebook-pro', zh: '小米笔记本电脑 Pro 14', en: 'Xiaomi Notebook Pro 14 Laptop', cat: 'computers', brand: 'xiaomi', price: 5499, sales: 1500, days: 70 },
  { id: 'hw-matebook-d14', zh: '华为 MateBook D 14 轻薄笔记本电脑', en: 'HUAWEI MateBook D 14 Thin and Light Laptop', cat: 'computers', brand: 'huawei', price: [4299, 4999], sales: 2600, days: 110 },
  { id: 'logitech-m650', zh: '罗技 M650 静音无线鼠标', en: 'Logitech M650 Silent Wireless Mouse', cat: 'computers', brand: 'logitech', price: 199, sales: 7000, days: 20 },
  { id: 'mech-keyboard', zh: '机械键盘 87键 青轴', en: 'Mechanical Keyboard 87 Keys Blue Switches', cat: 'computers', brand: null, price: 259, sales: 1900, days: 10 },
  // Wearables
  { id: 'hw-watch-gt4', zh: '华为 WATCH GT 4 智能手表', en: 'HUAWEI WATCH GT 4 Smart Watch', cat: 'wearables', brand: 'huawei', price: 1488, sales: 5200, days: 130 },
  { id: 'mi-band-8', zh: '小米手环8 运动健康', en: 'Xiaomi Smart Band 8 Fitness Tracker', cat: 'wearables', brand: 'xiaomi', price: 239, sales: 25000, days: 190 },
  { id: 'apple-watch-s9', zh: 'Apple Watch Series 9 智能手表', en: 'Apple Watch Series 9 Smartwatch', cat: 'wearables', brand: 'apple', price: 2999, sales: 4000, days: 170 },
  // Menswear
  { id: 'uniqlo-cotton-tee', zh: '优衣库 纯棉T恤男款 圆领短袖', en: "UNIQLO Men's Cotton T-shirt, Crew Neck, Short Sleeve", cat: 'menswear', brand: 'uniqlo', price: 79, sales: 18000, days: 220, attrs: ['100%棉', 'S-XXL'] },
  { id: 'hla-polo', zh: '海澜之家 男士Polo衫 商务休闲', en: "HLA Men's Polo Shirt, Business Casual", cat: 'menswear', brand: 'hla', price: 199, sales: 6000, days: 75 },
  { id: 'white-tee-3pack', zh: '纯棉白色T恤 男 三件装', en: "Men's White Cotton T-Shirts, 3-Pack", cat: 'menswear', brand: null, price: 89, sales: 9000, days: 50 },
  { id: 'uniqlo-down-jacket', zh: '优衣库 男装 轻型羽绒服', en: "UNIQLO Men's Ultra Light Down Jacket", cat: 'menswear', brand: 'uniqlo', price: 499, sales: 7500, days: 260 },
  { id: 'anta-hoodie', zh: '安踏 男子连帽卫衣', en: "ANTA Men's Hooded Sweatshirt (Hoodie)", cat: 'menswear', brand: 'anta', price: 259, sales: 3400, days: 65 },
  { id: 'levis-501', zh: '李维斯 501 男士牛仔裤', en: "Levi's 501 Men's Original Jeans", cat: 'menswear', brand: 'levis', price: 599, sales: 2800, days: 280 },
  // Womenswear
  { id: 'uniqlo-women-tee', zh: '优衣库 女装 纯棉圆领T恤', en: "UNIQLO Women's Cotton Crew Neck T-shirt", cat: 'womenswear', brand: 'uniqlo', price: 59, sales: 9500, days: 230 },
  { id: 'floral-dress', zh: '碎花雪纺连衣裙 夏季', en: 'Floral Chiffon Summer Dress', cat: 'womenswear', brand: null, price: 159, sales: 4100, days: 35 },
  { id: 'lululemon-align', zh: '露露乐蒙 Align 女士高腰瑜伽裤', en: "lululemon Align Women's High-Rise Yoga Pants", cat: 'womenswear', brand: 'lululemon', price: 850, sales: 8800, days: 140 },
  { id: 'erdos-cashmere', zh: '鄂尔多斯 女士羊绒衫', en: "ERDOS Women's Cashmere Sweater", cat: 'womenswear', brand: 'erdos', price: 1399, sales: 700, days: 290, stock: false },
  // Sports shoes
  { id: 'nike-pegasus-40', zh: '耐克 Air Zoom Pegasus 40 男子跑步鞋', en: "Nike Air Zoom Pegasus 40 Men's Running Shoes", cat: 'sports-shoes', brand: 'nike', price: 899, sales: 6500, days: 155 },
  { id: 'anta-running', zh: '安踏 男子缓震跑步鞋 运动鞋', en: "ANTA Men's Cushioned Running Shoes", cat: 'sports-shoes', brand: 'anta', price: 299, sales: 12000, days: 95 },
  { id: 'lining-wade', zh: '李宁 韦德之道 篮球鞋', en: 'LI-NING Way of Wade Basketball Shoes', cat: 'sports-shoes', brand: 'lining', price: 1299, sales: 2100, days: 45 },
  { id: 'adidas-ultraboost', zh: '阿迪达斯 Ultraboost 女子跑鞋', en: "adidas Ultraboost Women's Running Shoes", cat: 'sports-shoes', brand: 'adidas', price: 1199, sales: 3300, days: 85 },
  { id: 'kids-sneakers', zh: '儿童运动鞋 魔术贴', en: "Kids' Velcro Sneakers", cat: 'sports-shoes', brand: null, price: 99, sales: 5400, days: 25 },
  // Casual shoes
  { id: 'warrior-canvas', zh: '回力 经典帆布鞋', en: 'Warrior Classic Canvas Shoes', cat: 'casual-shoes', brand: 'warrior', price: 69, sales: 14000, days: 310 },
  { id: 'leather-loafers', zh: '男士真皮乐福鞋', en: "Men's Leather Loafers", cat: 'casual-shoes', brand: null, price: 359, sales: 1700, days: 55 },
  // Drinkware
  { id: 'thermos-cup', zh: '膳魔师 不锈钢保温杯 500ml', en: 'THERMOS Stainless Steel Insulated Cup 500ml', cat: 'drinkware', brand: 'thermos', price: 199, sales: 9100, days: 175, tags: ['真空', 'vacuum flask'] },
  { id: 'zojirushi-mug', zh: '象印 便携保温杯 直饮', en: 'ZOJIRUSHI Insulated Travel Mug', cat: 'drinkware', brand: 'zojirushi', price: 239, sales: 4800, days: 135 },
  { id: 'glass-cup', zh: '耐热玻璃水杯 带盖', en: 'Heat-Resistant Glass Water Cup with Lid', cat: 'drinkware', brand: null, price: 29, sales: 7700, days: 15 },
  { id: 'kids-straw-bottle', zh: '膳魔师 儿童吸管杯 保温', en: "THERMOS Kids' Insulated Straw Bottle", cat: 'drinkware', brand: 'thermos', price: 89, sales: 3000, days: 125 },
  { id: 'ceramic-mug', zh: '陶瓷马克杯', en: 'Ceramic Coffee Mug', cat: 'drinkware', brand: null, price: 39, sales: 5600, days: 5 },
  // Kitchen appliances
  { id: 'midea-rice-cooker', zh: '美的 智能电饭煲 4L', en: 'Midea Smart Rice Cooker 4L', cat: 'kitchen-appliances', brand: 'midea', price: 299, sales: 8000, days: 205 },
  { id: 'supor-air-fryer', zh: '苏泊尔 空气炸锅 5L 大容量', en: 'SUPOR Air Fryer 5L Large Capacity', cat: 'kitchen-appliances', brand: 'supor', price: 399, sales: 10000, days: 145 },
  { id: 'joyoung-soymilk', zh: '九阳 破壁豆浆机', en: 'Joyoung Soymilk Maker', cat: 'kitchen-appliances', brand: 'joyoung', price: 499, sales: 3900, days: 105 },
  { id: 'mi-kettle', zh: '小米 电水壶 1.7L', en: 'Xiaomi Electric Kettle 1.7L', cat: 'kitchen-appliances', brand: 'xiaomi', price: 99, sales: 16000, days: 265 },
  { id: 'delonghi-coffee-machine', zh: '德龙 全自动咖啡机', en: "De'Longhi Fully Automatic Coffee Machine", cat: 'kitchen-appliances', brand: 'delonghi', price: 3999, sales: 600, days: 115 },
  // Skincare
  { id: 'mediheal-mask', zh: '美迪惠尔 补水面膜 10片', en: 'MEDIHEAL Hydrating Face Mask Sheets, 10 pcs', cat: 'skincare', brand: 'mediheal', price: 89, sales: 26000, days: 235 },
  { id: 'loreal-serum', zh: '欧莱雅 玻尿酸精华液', en: "L'Oréal Hyaluronic Acid Serum", cat: 'skincare', brand: 'loreal', price: 279, sales: 7200, days: 185 },
  { id: 'pechoin-cream', zh: '百雀羚 保湿面霜', en: 'Pechoin Moisturizing Face Cream', cat: 'skincare', brand: 'pechoin', price: 129, sales: 6800, days: 195 },
  { id: 'clay-mask', zh: '清洁泥膜 去黑头', en: 'Purifying Clay Face Mask', cat: 'skincare', brand: null, price: 69, sales: 4500, days: 12, tags: ['面膜'] },
  { id: 'anessa-sunscreen', zh: '安热沙 防晒霜 SPF50+', en: 'ANESSA Sunscreen SPF50+', cat: 'skincare', brand: 'anessa', price: 198, sales: 11000, days: 245 },
  { id: 'loreal-men-cleanser', zh: '欧莱雅 男士控油洗面奶', en: "L'Oréal Men's Oil Control Facial Cleanser", cat: 'skincare', brand: 'loreal', price: 49, sales: 5300, days: 225 },
  // Coffee
  { id: 'starbucks-beans', zh: '星巴克 意式烘焙咖啡豆', en: 'Starbucks Espresso Roast Whole Bean Coffee', cat: 'coffee', brand: 'starbucks', price: 98, sales: 7400, days: 165 },
  { id: 'yunnan-beans', zh: '云南小粒咖啡豆 中度烘焙', en: 'Yunnan Arabica Coffee Beans, Medium Roast', cat: 'coffee', brand: null, price: 59, sales: 3900, days: 8 },
  { id: 'nescafe-instant', zh: '雀巢 1+2 速溶咖啡', en: 'Nescafé 1+2 Instant Coffee', cat: 'coffee', brand: 'nestle', price: 45, sales: 22000, days: 275 },
  { id: 'saturnbird-instant', zh: '三顿半 精品速溶咖啡', en: 'Saturnbird Specialty Instant Coffee', cat: 'coffee', brand: 'saturnbird', price: 89, sales: 13000, days: 215 },
  { id: 'drip-coffee', zh: '挂耳咖啡 10包', en: 'Drip Bag Coffee, 10 Packs', cat: 'coffee', brand: null, price: 39, sales: 5000, days: 3 },
  // Snacks
  { id: 'three-squirrels-nuts', zh: '三只松鼠 每日坚果', en: 'Three Squirrels Daily Mixed Nuts', cat: 'snacks', brand: 'three-squirrels', price: 129, sales: 30000, days: 255 },
  { id: 'bestore-beef-jerky', zh: '良品铺子 牛肉干', en: 'BESTORE Beef Jerky', cat: 'snacks', brand: 'bestore', price: 59, sales: 9000, days: 195 },
  { id: 'oreo-cookies', zh: '奥利奥 夹心饼干', en: 'OREO Sandwich Cookies', cat: 'snacks', brand: 'oreo', price: 19.9, sales: 19000, days: 285 },
  { id: 'weilong-spicy-strips', zh: '卫龙 辣条', en: 'Weilong Spicy Gluten Strips', cat: 'snacks', brand: 'weilong', price: 9.9, sales: 40000, days: 295 },
  { id: 'dried-mango', zh: '芒果干', en: 'Dried Mango Slices', cat: 'snacks', brand: null, price: 29.9, sales: 6000, days: 18, stock: false },
];

/** A fresh copy of the fixture catalog. */
export function fixtureCatalog(): SearchDocument[] {
  return SPECS.map(toDocument);
}
