import type { LeafSpec } from './types.js';

const COTTON: readonly [readonly [string, string], ReadonlyArray<readonly [string, string]>] = [['材质', 'Material'], [['100%棉', '100% cotton'], ['棉混纺', 'Cotton blend']]];

/** Apparel, beauty and sports. */
export const LIFESTYLE: readonly LeafSpec[] = [
  {
    slug: 'menswear', zh: '男装', en: 'Menswear', code: 'MEN', parent: 'apparel', weight: 1.3, costRatio: [0.3, 0.5],
    types: [
      {
        key: 'tee', zh: '纯棉圆领T恤', en: 'Cotton Crew-neck T-shirt', price: [49, 199], weightGrams: [180, 260], options: ['size', 'apparelColor'],
        lines: [['uniqlo', 'U系列', 'Uniqlo U', 99], ['peacebird', '', '', 159], ['li-ning', '', '', 129], ['anta', '', '', 99], ['shopkeeper', '', '', 59]],
        adjectives: [['重磅', 'Heavyweight'], ['宽松', 'Relaxed-fit'], ['基础款', 'Essential'], ['印花', 'Graphic']],
        points: [['亲肤透气', 'Soft and breathable'], ['不易变形', 'Keeps its shape'], ['百搭', 'Goes with everything']],
        attrs: [COTTON],
      },
      {
        key: 'shirt', zh: '男士休闲衬衫', en: "Men's Casual Shirt", price: [129, 399], weightGrams: [220, 320], options: ['size', 'apparelColor'],
        lines: [['uniqlo', '牛津纺', 'Oxford', 149], ['peacebird', '', '', 299], ['shopkeeper', '', '', 129]],
        adjectives: [['长袖', 'Long-sleeve'], ['短袖', 'Short-sleeve'], ['免烫', 'Non-iron']],
        points: [['挺括有型', 'Crisp and sharp'], ['易打理', 'Easy care'], ['通勤百搭', 'Office to weekend']],
        attrs: [COTTON],
      },
      {
        key: 'mens-down', zh: '男士羽绒服', en: "Men's Down Jacket", price: [599, 2999], weightGrams: [600, 1300], options: ['size', 'apparelColor'],
        lines: [['bosideng', '', '', 1499], ['uniqlo', '', '', 699], ['peacebird', '', '', 999], ['anta', '', '', 799]],
        adjectives: [['连帽', 'Hooded'], ['轻薄', 'Ultra Light'], ['中长款', 'Mid-length']],
        points: [['90%白鸭绒', '90% white duck down'], ['防风防泼水', 'Windproof, water-repellent'], ['轻暖', 'Warm yet light']],
      },
      {
        key: 'jeans', zh: '男士牛仔裤', en: "Men's Jeans", price: [149, 599], weightGrams: [500, 750], options: ['size', 'apparelColor'],
        lines: [['uniqlo', '', '', 299], ['peacebird', '', '', 399], ['shopkeeper', '', '', 159]],
        adjectives: [['直筒', 'Straight-leg'], ['修身', 'Slim-fit'], ['宽松', 'Loose-fit']],
        points: [['弹力面料', 'Stretch denim'], ['水洗不褪色', 'Colourfast'], ['四季可穿', 'All-season']],
      },
    ],
  },
  {
    slug: 'womenswear', zh: '女装', en: 'Womenswear', code: 'WMN', parent: 'apparel', weight: 1.4, costRatio: [0.3, 0.5],
    types: [
      {
        key: 'dress', zh: '连衣裙', en: 'Dress', price: [159, 899], weightGrams: [200, 450], options: ['size', 'apparelColor'],
        lines: [['peacebird', '', '', 499], ['uniqlo', '', '', 249], ['shopkeeper', '', '', 199]],
        adjectives: [['碎花', 'Floral'], ['雪纺', 'Chiffon'], ['针织', 'Knit'], ['法式', 'French-style']],
        points: [['显瘦收腰', 'Flattering waist'], ['垂感面料', 'Fluid drape'], ['约会通勤', 'Date night to office']],
      },
      {
        key: 'cardigan', zh: '针织开衫', en: 'Knit Cardigan', price: [149, 599], weightGrams: [250, 450], options: ['size', 'apparelColor'],
        lines: [['uniqlo', '', '', 299], ['peacebird', '', '', 399], ['shopkeeper', '', '', 169]],
        adjectives: [['羊毛', 'Wool'], ['短款', 'Cropped'], ['V领', 'V-neck']],
        points: [['柔软不扎', 'Soft, no itch'], ['春秋叠穿', 'Perfect for layering'], ['不起球', 'Pill-resistant']],
      },
      {
        key: 'womens-down', zh: '女士羽绒服', en: "Women's Down Jacket", price: [599, 2999], weightGrams: [500, 1200], options: ['size', 'apparelColor'],
        lines: [['bosideng', '', '', 1599], ['uniqlo', '', '', 699], ['peacebird', '', '', 1099]],
        adjectives: [['长款', 'Long'], ['短款', 'Short'], ['连帽', 'Hooded']],
        points: [['90%白鹅绒', '90% white goose down'], ['修身版型', 'Tailored fit'], ['锁温防风', 'Locks in warmth']],
      },
      {
        key: 'wide-leg', zh: '阔腿裤', en: 'Wide-leg Trousers', price: [129, 499], weightGrams: [300, 500], options: ['size', 'apparelColor'],
        lines: [['peacebird', '', '', 359], ['uniqlo', '', '', 199], ['shopkeeper', '', '', 139]],
        adjectives: [['高腰', 'High-waist'], ['垂感', 'Drapey'], ['西装', 'Tailored']],
        points: [['显高显瘦', 'Lengthening cut'], ['抗皱', 'Wrinkle-resistant'], ['四面弹', 'Four-way stretch']],
      },
    ],
  },
  {
    slug: 'shoes', zh: '鞋靴', en: 'Shoes', code: 'SHO', parent: 'apparel', weight: 0.9, costRatio: [0.35, 0.55],
    types: [
      {
        key: 'sneakers', zh: '休闲板鞋', en: 'Casual Sneakers', price: [199, 899], weightGrams: [700, 1000], options: ['shoeSize', 'color'],
        lines: [['nike', 'Air Force 1', 'Air Force 1', 799], ['adidas', 'Stan Smith', 'Stan Smith', 699], ['li-ning', '', '', 399], ['anta', '', '', 299]],
        adjectives: [['经典', 'Classic'], ['复古', 'Retro']],
        points: [['百搭小白鞋', 'The everyday white shoe'], ['耐磨橡胶底', 'Durable rubber sole'], ['舒适脚感', 'Comfortable fit']],
      },
      {
        key: 'canvas', zh: '帆布鞋', en: 'Canvas Shoes', price: [79, 299], weightGrams: [500, 800], options: ['shoeSize', 'color'],
        lines: [['anta', '', '', 159], ['li-ning', '', '', 179], ['shopkeeper', '', '', 89]],
        adjectives: [['高帮', 'High-top'], ['低帮', 'Low-top']],
        points: [['轻便透气', 'Light and breathable'], ['可机洗', 'Machine washable'], ['学院风', 'Campus classic']],
      },
      {
        key: 'snow-boots', zh: '雪地靴', en: 'Snow Boots', price: [199, 899], weightGrams: [900, 1400], options: ['shoeSize', 'color'],
        lines: [['camel', '', '', 399], ['bosideng', '', '', 599], ['shopkeeper', '', '', 199]],
        adjectives: [['加绒', 'Fleece-lined'], ['防水', 'Waterproof']],
        points: [['零下保暖', 'Warm below zero'], ['防滑大底', 'Non-slip sole'], ['轻量', 'Lightweight']],
      },
    ],
  },
  {
    slug: 'skincare', zh: '护肤', en: 'Skincare', code: 'SKN', parent: 'beauty', weight: 1.2, costRatio: [0.25, 0.45],
    types: [
      {
        key: 'serum', zh: '精华液', en: 'Serum', price: [199, 1299], weightGrams: [120, 260], options: ['volume'],
        lines: [
          ['estee-lauder', '小棕瓶', 'Advanced Night Repair', 760], ['lancome', '小黑瓶', 'Advanced Génifique', 760], ['proya', '双抗', 'Double Anti', 329],
          ['shopkeeper', '玻尿酸', 'Hyaluronic', 129],
        ],
        adjectives: [['修护', 'Repairing'], ['抗初老', 'Anti-ageing']],
        points: [['深层修护', 'Deep repair'], ['改善细纹', 'Softens fine lines'], ['温和不刺激', 'Gentle on skin']],
        attrs: [[['适用肤质', 'Skin type'], [['所有肤质', 'All skin types'], ['干性肤质', 'Dry skin']]]],
      },
      {
        key: 'cream', zh: '面霜', en: 'Face Cream', price: [199, 1599], weightGrams: [150, 300], options: ['volume'],
        lines: [['lancome', '菁纯', 'Absolue', 1350], ['estee-lauder', '多效智妍', 'Revitalizing Supreme+', 650], ['proya', '源力', 'Source', 299]],
        adjectives: [['滋润', 'Rich'], ['清爽', 'Light']],
        points: [['长效保湿', 'Long-lasting moisture'], ['紧致', 'Firming'], ['四季适用', 'For every season']],
      },
      {
        key: 'mask', zh: '补水面膜', en: 'Hydrating Sheet Mask', price: [39, 199], weightGrams: [150, 500], options: ['maskPack'],
        lines: [['proya', '', '', 89], ['shopkeeper', '', '', 49], ['florasis', '', '', 99]],
        adjectives: [['玻尿酸', 'Hyaluronic'], ['烟酰胺', 'Niacinamide'], ['舒缓', 'Soothing']],
        points: [['急救补水', 'Instant hydration'], ['服帖', 'Stays put'], ['精华满满', 'Soaked in essence']],
        consumable: true,
      },
      {
        key: 'sunscreen', zh: '防晒霜', en: 'Sunscreen', price: [79, 399], weightGrams: [60, 150], options: ['volume'],
        lines: [['proya', '', '', 139], ['lancome', '小白管', 'UV Expert', 390], ['shopkeeper', '', '', 79]],
        adjectives: [['SPF50+', 'SPF50+'], ['清透', 'Invisible']],
        points: [['高倍防晒', 'High UV protection'], ['不泛白', 'No white cast'], ['防水防汗', 'Water and sweat resistant']],
      },
    ],
  },
  {
    slug: 'makeup', zh: '彩妆', en: 'Makeup', code: 'MKP', parent: 'beauty', weight: 0.9, costRatio: [0.25, 0.45],
    types: [
      {
        key: 'lipstick', zh: '口红', en: 'Lipstick', price: [79, 399], weightGrams: [30, 60], options: ['shade'],
        lines: [['estee-lauder', '花漾倾慕', 'Pure Color', 360], ['lancome', '菁纯', 'Absolu Rouge', 350], ['perfect-diary', '', '', 99], ['florasis', '', '', 169]],
        adjectives: [['哑光', 'Matte'], ['丝绒', 'Velvet'], ['水光', 'Glossy']],
        points: [['显白', 'Brightening shades'], ['持久不掉色', 'Long-wearing'], ['滋润不拔干', 'Comfortable, not drying']],
      },
      {
        key: 'foundation', zh: '粉底液', en: 'Foundation', price: [149, 599], weightGrams: [80, 150], options: ['foundationShade'],
        lines: [['estee-lauder', '沁水', 'Double Wear', 450], ['lancome', '持妆', 'Teint Idole', 450], ['perfect-diary', '', '', 169], ['florasis', '', '', 199]],
        adjectives: [['持妆', 'Long-wear'], ['轻薄', 'Sheer']],
        points: [['遮瑕', 'Covers imperfections'], ['控油', 'Oil control'], ['自然妆效', 'Natural finish']],
      },
      {
        key: 'eyeshadow', zh: '眼影盘', en: 'Eyeshadow Palette', price: [79, 399], weightGrams: [60, 120], options: [],
        lines: [['perfect-diary', '动物眼影盘', 'Animal Palette', 129], ['florasis', '', '', 199], ['shopkeeper', '', '', 79]],
        adjectives: [['大地色', 'Earth-tone'], ['玫瑰色', 'Rose'], ['珠光', 'Shimmer']],
        points: [['高显色', 'Highly pigmented'], ['粉质细腻', 'Silky powder'], ['易晕染', 'Easy to blend']],
      },
      {
        key: 'powder', zh: '散粉', en: 'Loose Powder', price: [89, 299], weightGrams: [40, 90], options: [],
        lines: [['florasis', '空气蜜粉', 'Air', 189], ['perfect-diary', '', '', 99]],
        adjectives: [['定妆', 'Setting'], ['控油', 'Oil-control']],
        points: [['持久定妆', 'Locks makeup in place'], ['柔焦', 'Soft-focus finish'], ['轻薄', 'Weightless']],
      },
    ],
  },
  {
    slug: 'fitness', zh: '健身训练', en: 'Fitness', code: 'FIT', parent: 'sports', weight: 0.8, costRatio: [0.35, 0.55],
    types: [
      {
        key: 'yoga-mat', zh: '瑜伽垫', en: 'Yoga Mat', price: [49, 299], weightGrams: [800, 1800], options: ['thickness', 'homeColor'],
        lines: [['keep', '', '', 129], ['decathlon', '', '', 99], ['li-ning', '', '', 119], ['shopkeeper', '', '', 59]],
        adjectives: [['TPE', 'TPE'], ['加宽', 'Extra-wide'], ['防滑', 'Non-slip']],
        points: [['双面防滑', 'Grip on both sides'], ['回弹', 'Springy cushioning'], ['易清洁', 'Easy to clean']],
      },
      {
        key: 'dumbbell', zh: '哑铃', en: 'Dumbbells', price: [59, 399], weightGrams: [5000, 20000], options: ['dumbbell'],
        lines: [['keep', '', '', 159], ['decathlon', '', '', 129]],
        adjectives: [['可调节', 'Adjustable'], ['包胶', 'Rubber-coated']],
        points: [['家用健身', 'Home workouts'], ['防滑握把', 'Non-slip grip'], ['静音', 'Quiet on the floor']],
      },
      {
        key: 'massage-gun', zh: '筋膜枪', en: 'Massage Gun', price: [199, 899], weightGrams: [450, 900], options: ['color'],
        lines: [['keep', '', '', 399], ['xiaomi', '米家', 'Mijia', 299], ['shopkeeper', '', '', 199]],
        adjectives: [['迷你', 'Mini'], ['专业', 'Pro']],
        points: [['深层放松', 'Deep muscle relief'], ['多档力度', 'Adjustable intensity'], ['低噪音', 'Low noise']],
      },
      {
        key: 'jump-rope', zh: '跳绳', en: 'Jump Rope', price: [19, 129], weightGrams: [150, 400], options: ['color'],
        lines: [['keep', '', '', 69], ['decathlon', '', '', 39], ['shopkeeper', '', '', 25]],
        adjectives: [['计数', 'Counting'], ['无绳', 'Cordless'], ['负重', 'Weighted']],
        points: [['智能计数', 'Smart counting'], ['轴承顺滑', 'Smooth bearings'], ['可调长度', 'Adjustable length']],
        consumable: true,
      },
    ],
  },
  {
    slug: 'outdoor', zh: '户外装备', en: 'Outdoor', code: 'OUT', parent: 'sports', weight: 0.8, costRatio: [0.35, 0.55],
    types: [
      {
        key: 'tent', zh: '帐篷', en: 'Camping Tent', price: [199, 1599], weightGrams: [2000, 5500], options: ['tentSize'],
        lines: [['camel', '', '', 399], ['decathlon', '', '', 499]],
        adjectives: [['自动速开', 'Pop-up'], ['双层防雨', 'Double-wall Waterproof'], ['露营', 'Camping']],
        points: [['秒搭', 'Sets up in seconds'], ['防暴雨', 'Storm-proof'], ['通风防蚊', 'Ventilated, bug-proof']],
      },
      {
        key: 'hardshell', zh: '冲锋衣', en: 'Hardshell Jacket', price: [299, 1299], weightGrams: [500, 900], options: ['size', 'apparelColor'],
        lines: [['camel', '', '', 499], ['decathlon', '', '', 399], ['li-ning', '', '', 699]],
        adjectives: [['三合一', '3-in-1'], ['防水透气', 'Waterproof Breathable'], ['轻量', 'Lightweight']],
        points: [['防风防水', 'Wind and waterproof'], ['可拆卸内胆', 'Removable liner'], ['登山徒步', 'Built for hiking']],
      },
      {
        key: 'camp-chair', zh: '折叠露营椅', en: 'Folding Camp Chair', price: [69, 399], weightGrams: [1200, 3500], options: ['homeColor'],
        lines: [['camel', '', '', 129], ['decathlon', '', '', 149], ['shopkeeper', '', '', 79]],
        adjectives: [['月亮椅', 'Moon'], ['克米特', 'Kermit'], ['超轻', 'Ultralight']],
        points: [['一秒收纳', 'Folds in a second'], ['承重150kg', 'Holds 150 kg'], ['便携', 'Easy to carry']],
      },
    ],
  },
  {
    slug: 'running', zh: '跑步', en: 'Running', code: 'RUN', parent: 'sports', weight: 0.9, costRatio: [0.35, 0.55],
    types: [
      {
        key: 'running-shoes', zh: '跑步鞋', en: 'Running Shoes', price: [299, 1299], weightGrams: [600, 900], options: ['shoeSize', 'color'],
        lines: [
          ['nike', 'Pegasus 41', 'Pegasus 41', 899], ['adidas', 'Ultraboost', 'Ultraboost', 1299], ['li-ning', '飞电', 'Feidian', 999],
          ['li-ning', '赤兔', 'Chitu', 599], ['anta', 'C202', 'C202', 699], ['decathlon', '', '', 299],
        ],
        adjectives: [['竞速', 'Racing'], ['缓震', 'Cushioned']],
        points: [['碳板推进', 'Carbon-plate propulsion'], ['轻量回弹', 'Light, springy foam'], ['透气鞋面', 'Breathable upper']],
      },
      {
        key: 'run-shorts', zh: '运动短裤', en: 'Running Shorts', price: [59, 299], weightGrams: [100, 200], options: ['size', 'apparelColor'],
        lines: [['nike', '', '', 249], ['li-ning', '', '', 149], ['anta', '', '', 99], ['shopkeeper', '', '', 59]],
        adjectives: [['速干', 'Quick-dry'], ['双层', '2-in-1']],
        points: [['速干排汗', 'Wicks sweat fast'], ['口袋收纳', 'Zip pocket'], ['反光条', 'Reflective details']],
      },
      {
        key: 'run-tee', zh: '运动T恤', en: 'Running T-shirt', price: [59, 299], weightGrams: [120, 200], options: ['size', 'apparelColor'],
        lines: [['adidas', '', '', 249], ['li-ning', '', '', 129], ['anta', '', '', 99], ['decathlon', '', '', 59]],
        adjectives: [['速干', 'Quick-dry'], ['冰感', 'Cooling'], ['无缝', 'Seamless']],
        points: [['凉爽透气', 'Cool and airy'], ['轻薄', 'Featherweight'], ['防臭', 'Odour-resistant']],
      },
    ],
  },
];
