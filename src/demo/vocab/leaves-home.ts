import type { LeafSpec } from './types.js';

const SHELF_LIFE: readonly [readonly [string, string], ReadonlyArray<readonly [string, string]>] = [
  ['保质期', 'Shelf life'],
  [['9个月', '9 months'], ['12个月', '12 months'], ['18个月', '18 months']],
];

/** Food, home, baby and books. */
export const HOME_FOOD_BABY_BOOKS: readonly LeafSpec[] = [
  {
    slug: 'snacks', zh: '休闲零食', en: 'Snacks', code: 'SNK', parent: 'food', weight: 1.2, costRatio: [0.45, 0.65],
    types: [
      {
        key: 'nuts', zh: '每日坚果', en: 'Daily Mixed Nuts', price: [39, 169], weightGrams: [300, 450], options: ['snackPack'],
        lines: [['three-squirrels', '', '', 99], ['bestore', '', '', 109], ['shopkeeper', '', '', 69]],
        adjectives: [['原味', 'Original'], ['混合', 'Mixed'], ['儿童', "Kids'"]],
        points: [['科学配比', 'Balanced mix'], ['独立小包', 'Single-serve packs'], ['低温烘焙', 'Slow-roasted']],
        attrs: [SHELF_LIFE], consumable: true,
      },
      {
        key: 'jerky', zh: '牛肉干', en: 'Beef Jerky', price: [29, 129], weightGrams: [150, 400], options: ['snackPack'],
        lines: [['three-squirrels', '', '', 49], ['bestore', '', '', 59], ['shopkeeper', '', '', 39]],
        adjectives: [['香辣', 'Spicy'], ['五香', 'Five-spice'], ['黑椒', 'Black Pepper'], ['原味', 'Original']],
        points: [['真材实料', 'Real beef'], ['嚼劲十足', 'Satisfyingly chewy'], ['追剧必备', 'Perfect for binge-watching']],
        attrs: [SHELF_LIFE], consumable: true,
      },
      {
        key: 'pork-floss', zh: '猪肉脯', en: 'Pork Jerky', price: [29, 99], weightGrams: [150, 300], options: ['snackPack'],
        lines: [['bestore', '', '', 39], ['three-squirrels', '', '', 35]],
        adjectives: [['蜜汁', 'Honey-glazed'], ['原味', 'Original'], ['香辣', 'Spicy']],
        points: [['靖江工艺', 'Jingjiang recipe'], ['薄脆', 'Thin and crisp'], ['独立包装', 'Individually wrapped']],
        attrs: [SHELF_LIFE], consumable: true,
      },
      {
        key: 'gift-box', zh: '零食大礼包', en: 'Snack Gift Box', price: [69, 299], weightGrams: [1000, 3000], options: [],
        lines: [['three-squirrels', '', '', 129], ['bestore', '', '', 159], ['shopkeeper', '', '', 99]],
        adjectives: [['年货', 'New Year'], ['办公室', 'Office'], ['网红', 'Trending']],
        points: [['多种口味', 'A bit of everything'], ['送礼有面', 'Made for gifting'], ['分享装', 'Sharing size']],
        attrs: [SHELF_LIFE],
      },
    ],
  },
  {
    slug: 'tea-drinks', zh: '茶饮冲调', en: 'Tea & Drinks', code: 'TEA', parent: 'food', weight: 1, costRatio: [0.4, 0.6],
    types: [
      {
        key: 'tea', zh: '茶叶', en: 'Tea', price: [99, 899], weightGrams: [160, 220], options: ['teaWeight'],
        lines: [['bama-tea', '铁观音', 'Tieguanyin', 299], ['bama-tea', '大红袍', 'Da Hong Pao', 399], ['bama-tea', '正山小种', 'Lapsang Souchong', 259], ['shopkeeper', '西湖龙井', 'West Lake Longjing', 399]],
        adjectives: [['特级', 'Premium'], ['礼盒', 'Gift-box']],
        points: [['原产地直采', 'Direct from the source'], ['回甘', 'Sweet aftertaste'], ['耐泡', 'Many infusions']],
        attrs: [SHELF_LIFE],
      },
      {
        key: 'water', zh: '天然水', en: 'Natural Water', price: [29, 69], weightGrams: [6800, 7200], options: ['bottles'],
        lines: [['nongfu', '550ml', '550 ml', 29], ['nongfu', '东方树叶 茶饮料', 'Oriental Leaf Tea Drink', 69]],
        points: [['天然水源', 'Natural source'], ['整箱送货上门', 'Cases delivered to the door'], ['家庭常备', 'Household staple']],
        consumable: true,
      },
      {
        key: 'coffee', zh: '咖啡', en: 'Coffee', price: [39, 199], weightGrams: [200, 600], options: ['snackPack'],
        lines: [['shopkeeper', '', '', 59], ['nongfu', '炭仌', 'Tanbing', 79]],
        adjectives: [['挂耳', 'Drip-bag'], ['冻干', 'Freeze-dried'], ['咖啡豆', 'Whole-bean'], ['冷萃', 'Cold Brew']],
        points: [['现磨风味', 'Freshly ground taste'], ['中深烘焙', 'Medium-dark roast'], ['3秒速溶', 'Dissolves in 3 seconds']],
        attrs: [SHELF_LIFE], consumable: true,
      },
    ],
  },
  {
    slug: 'pantry', zh: '粮油调味', en: 'Pantry', code: 'PAN', parent: 'food', weight: 0.9, costRatio: [0.6, 0.8],
    types: [
      {
        key: 'rice', zh: '大米', en: 'Rice', price: [29, 129], weightGrams: [1020, 1080], options: ['pantryWeight'],
        lines: [['arawana', '东北大米', 'Northeast Rice', 59], ['shopkeeper', '五常大米', 'Wuchang Rice', 79], ['arawana', '泰国香米', 'Thai Jasmine Rice', 69]],
        adjectives: [['新米', 'New Harvest'], ['长粒', 'Long-grain']],
        points: [['当季新米', 'This season’s harvest'], ['软糯香甜', 'Soft and fragrant'], ['真空包装', 'Vacuum-packed']],
        consumable: true,
      },
      {
        key: 'oil', zh: '食用油', en: 'Cooking Oil', price: [39, 159], weightGrams: [1700, 1800], options: ['oilVolume'],
        lines: [['arawana', '葵花籽油', 'Sunflower Oil', 69], ['arawana', '花生油', 'Peanut Oil', 99], ['arawana', '稻米油', 'Rice Bran Oil', 79]],
        adjectives: [['压榨', 'Pressed'], ['一级', 'Grade 1']],
        points: [['物理压榨', 'Mechanically pressed'], ['家庭装', 'Family size'], ['清香不腻', 'Light and clean']],
        consumable: true,
      },
      {
        key: 'sauce', zh: '调味酱油', en: 'Soy Sauce', price: [9.9, 49], weightGrams: [560, 640], options: ['sauceVolume'],
        lines: [['haday', '金标生抽', 'Golden Label Light', 15.9], ['haday', '味极鲜', 'Premium Umami', 19.9], ['haday', '老抽', 'Dark', 12.9], ['haday', '蚝油', 'Oyster Sauce', 14.9]],
        points: [['酿造工艺', 'Naturally brewed'], ['提鲜', 'Rich umami'], ['炒菜凉拌', 'For stir-fries and dressings']],
        consumable: true,
      },
    ],
  },
  {
    slug: 'kitchen', zh: '厨房电器', en: 'Kitchen Appliances', code: 'KIT', parent: 'home', weight: 1, costRatio: [0.55, 0.72], warrantyMonths: 12,
    types: [
      {
        key: 'air-fryer', zh: '空气炸锅', en: 'Air Fryer', price: [199, 699], weightGrams: [3500, 6000], options: ['litres', 'homeColor'],
        lines: [['midea', '', '', 299], ['supor', '', '', 279], ['joyoung', '', '', 259], ['xiaomi', '米家', 'Mijia', 329]],
        adjectives: [['可视', 'See-through'], ['大容量', 'Large-capacity'], ['智能', 'Smart']],
        points: [['少油健康', 'Crispy with little oil'], ['可视窗口', 'Viewing window'], ['免翻面', 'No flipping needed']],
      },
      {
        key: 'rice-cooker', zh: '电饭煲', en: 'Rice Cooker', price: [159, 999], weightGrams: [3000, 5000], options: ['litres'],
        lines: [['midea', '', '', 399], ['supor', '', '', 359], ['joyoung', '', '', 299]],
        adjectives: [['IH', 'IH'], ['球釜', 'Spherical-pot'], ['低糖', 'Low-sugar']],
        points: [['柴火饭口感', 'Wood-fire texture'], ['24小时预约', '24-hour timer'], ['不粘内胆', 'Non-stick pot']],
      },
      {
        key: 'blender', zh: '破壁机', en: 'High-speed Blender', price: [299, 1299], weightGrams: [3500, 5500], options: ['homeColor'],
        lines: [['joyoung', '', '', 599], ['midea', '', '', 499], ['supor', '', '', 459]],
        adjectives: [['静音', 'Quiet'], ['免洗', 'Self-cleaning']],
        points: [['细腻无渣', 'Silky smooth'], ['一键豆浆', 'One-touch soy milk'], ['自动清洗', 'Cleans itself']],
      },
      {
        key: 'kettle', zh: '电热水壶', en: 'Electric Kettle', price: [59, 299], weightGrams: [900, 1500], options: ['homeColor'],
        lines: [['midea', '', '', 99], ['supor', '', '', 89], ['xiaomi', '米家', 'Mijia', 99], ['shopkeeper', '', '', 59]],
        adjectives: [['恒温', 'Temperature-control'], ['304不锈钢', '304 Stainless']],
        points: [['快速烧水', 'Boils fast'], ['防干烧', 'Boil-dry protection'], ['一体无缝内胆', 'Seamless interior']],
      },
    ],
  },
  {
    slug: 'bedding', zh: '家纺', en: 'Bedding', code: 'BED', parent: 'home', weight: 0.9, costRatio: [0.35, 0.55],
    types: [
      {
        key: 'bed-set', zh: '床品四件套', en: '4-piece Bedding Set', price: [199, 999], weightGrams: [1800, 3000], options: ['bedSize', 'homeColor'],
        lines: [['luolai', '', '', 599], ['mercury', '', '', 399], ['shopkeeper', '', '', 199]],
        adjectives: [['全棉', 'Cotton'], ['天丝', 'Tencel'], ['磨毛', 'Brushed'], ['刺绣', 'Embroidered']],
        points: [['亲肤裸睡', 'Soft enough to sleep bare'], ['不起球', 'Pill-resistant'], ['A类标准', 'Class A safety']],
      },
      {
        key: 'duvet', zh: '羽绒被', en: 'Down Duvet', price: [399, 1999], weightGrams: [2000, 3500], options: ['bedSize'],
        lines: [['luolai', '', '', 1299], ['mercury', '', '', 799], ['shopkeeper', '', '', 499]],
        adjectives: [['冬厚', 'Winter-weight'], ['春秋', 'All-season']],
        points: [['蓬松保暖', 'Lofty and warm'], ['防钻绒', 'Down-proof'], ['可机洗', 'Machine washable']],
      },
      {
        key: 'pillow', zh: '乳胶枕', en: 'Latex Pillow', price: [79, 399], weightGrams: [900, 1500], options: [],
        lines: [['luolai', '', '', 299], ['mercury', '', '', 169], ['shopkeeper', '', '', 99]],
        adjectives: [['护颈', 'Neck-support'], ['波浪', 'Contour'], ['儿童', "Kids'"]],
        points: [['泰国天然乳胶', 'Thai natural latex'], ['贴合颈椎', 'Supports your neck'], ['透气', 'Breathable']],
      },
    ],
  },
  {
    slug: 'homeware', zh: '家居日用', en: 'Homeware', code: 'HOM', parent: 'home', weight: 0.9, costRatio: [0.3, 0.5],
    types: [
      {
        key: 'insulated-cup', zh: '保温杯', en: 'Insulated Cup', price: [59, 299], weightGrams: [250, 500], options: ['cupSize', 'homeColor'],
        lines: [['supor', '', '', 129], ['xiaomi', '米家', 'Mijia', 99], ['shopkeeper', '', '', 69]],
        adjectives: [['316不锈钢', '316 Stainless'], ['便携', 'Travel'], ['大容量', 'Large']],
        points: [['12小时保温', 'Hot for 12 hours'], ['一键开盖', 'One-touch lid'], ['防漏', 'Leak-proof']],
      },
      {
        key: 'storage-box', zh: '收纳箱', en: 'Storage Box', price: [29, 129], weightGrams: [600, 2000], options: ['homeColor'],
        lines: [['shopkeeper', '', '', 39]],
        adjectives: [['折叠', 'Folding'], ['透明', 'Clear'], ['带轮', 'Wheeled'], ['衣物', 'Wardrobe'], ['床底', 'Under-bed']],
        points: [['可叠放', 'Stackable'], ['防尘', 'Dust-proof'], ['大容量', 'Roomy']],
        consumable: true,
      },
      {
        key: 'towel', zh: '毛巾', en: 'Towel Set', price: [29, 129], weightGrams: [200, 600], options: ['homeColor'],
        lines: [['mercury', '', '', 59], ['shopkeeper', '', '', 39], ['luolai', '', '', 79]],
        adjectives: [['纯棉', 'Pure Cotton'], ['长绒棉', 'Long-staple Cotton'], ['速干', 'Quick-dry']],
        points: [['柔软吸水', 'Soft and absorbent'], ['不掉毛', 'Lint-free'], ['A类', 'Class A']],
        consumable: true,
      },
    ],
  },
  {
    slug: 'diapers', zh: '纸尿裤', en: 'Diapers', code: 'DIA', parent: 'baby', weight: 0.9, costRatio: [0.55, 0.72],
    types: [
      {
        key: 'diapers', zh: '纸尿裤', en: 'Diapers', price: [89, 259], weightGrams: [1500, 3500], options: ['diaperSize'],
        lines: [['pampers', '一级帮', 'Ichiban', 199], ['huggies', '心钻装', 'Platinum', 189], ['shopkeeper', '', '', 99]],
        adjectives: [['超薄', 'Ultra-thin'], ['夜用', 'Overnight']],
        points: [['干爽透气', 'Dry and breathable'], ['不红屁屁', 'Kind to skin'], ['12小时防漏', '12-hour leak guard']],
        consumable: true,
      },
      {
        key: 'pull-ups', zh: '拉拉裤', en: 'Pull-up Pants', price: [89, 239], weightGrams: [1500, 3500], options: ['diaperSize'],
        lines: [['pampers', '', '', 179], ['huggies', '', '', 169]],
        adjectives: [['学步', 'Toddler'], ['超薄', 'Ultra-thin']],
        points: [['穿脱方便', 'Easy on, easy off'], ['360°弹力腰围', '360° stretch waist'], ['干爽', 'Stays dry']],
        consumable: true,
      },
      {
        key: 'wipes', zh: '婴儿湿巾', en: 'Baby Wipes', price: [19, 89], weightGrams: [800, 2000], options: ['snackPack'],
        lines: [['pampers', '', '', 39], ['huggies', '', '', 35], ['shopkeeper', '', '', 25]],
        adjectives: [['手口', 'Hand and Mouth'], ['加厚', 'Extra-thick']],
        points: [['纯水配方', '99% pure water'], ['无酒精', 'Alcohol-free'], ['加大加厚', 'Bigger, thicker sheets']],
        consumable: true,
      },
    ],
  },
  {
    slug: 'formula', zh: '奶粉辅食', en: 'Formula & Baby Food', code: 'FML', parent: 'baby', weight: 0.7, costRatio: [0.6, 0.75],
    types: [
      {
        key: 'formula', zh: '婴幼儿配方奶粉', en: 'Infant Formula', price: [189, 499], weightGrams: [900, 1000], options: ['stage'],
        lines: [['feihe', '星飞帆', 'Astrobaby', 328], ['aptamil', '卓萃', 'Profutura', 429]],
        adjectives: [['800g', '800g'], ['礼盒装', 'Gift-box']],
        points: [['接近母乳', 'Close to breast milk'], ['易吸收', 'Easy to digest'], ['新鲜生产', 'Freshly made']],
        consumable: true,
      },
      {
        key: 'baby-cereal', zh: '婴儿米粉', en: 'Baby Rice Cereal', price: [39, 129], weightGrams: [250, 600], options: [],
        lines: [['feihe', '', '', 79], ['shopkeeper', '', '', 49]],
        adjectives: [['高铁', 'Iron-fortified'], ['原味', 'Original'], ['果蔬', 'Fruit and Veg']],
        points: [['无添加蔗糖', 'No added sugar'], ['6月龄起', 'From 6 months'], ['细腻易冲', 'Mixes smooth']],
        consumable: true,
      },
    ],
  },
  {
    slug: 'toys', zh: '玩具', en: 'Toys', code: 'TOY', parent: 'baby', weight: 1, costRatio: [0.4, 0.6],
    types: [
      {
        key: 'bricks', zh: '积木', en: 'Building Set', price: [99, 1999], weightGrams: [300, 3000], options: [],
        lines: [
          ['lego', '城市系列 消防局', 'City Fire Station', 699], ['lego', '机械组 跑车', 'Technic Supercar', 1499], ['lego', '好朋友 心湖城', 'Friends Heartlake City', 499],
          ['lego', '得宝 数字火车', 'DUPLO Number Train', 199], ['lego', '创意百变 3合1', 'Creator 3-in-1', 299], ['shopkeeper', '大颗粒', 'Large Bricks', 129],
        ],
        points: [['锻炼动手能力', 'Builds hands-on skills'], ['安全材质', 'Safe materials'], ['亲子互动', 'Fun for the whole family']],
      },
      {
        key: 'blind-box', zh: '盲盒手办', en: 'Blind Box Figure', price: [59, 79], weightGrams: [120, 200], options: ['blindBox'],
        lines: [['pop-mart', 'MOLLY', 'MOLLY', 69], ['pop-mart', 'DIMOO', 'DIMOO', 69], ['pop-mart', 'SKULLPANDA', 'SKULLPANDA', 79], ['pop-mart', 'LABUBU', 'LABUBU', 79], ['pop-mart', 'Hirono小野', 'Hirono', 69]],
        adjectives: [['新春', 'Lunar New Year'], ['夏日', 'Summer'], ['星座', 'Zodiac']],
        points: [['隐藏款惊喜', 'Chance of a secret figure'], ['收藏摆件', 'Made for collecting'], ['正版授权', 'Officially licensed']],
      },
      {
        key: 'rc-car', zh: '遥控车', en: 'RC Car', price: [99, 499], weightGrams: [800, 2000], options: ['color'],
        lines: [['shopkeeper', '', '', 129]],
        adjectives: [['越野', 'Off-road'], ['漂移', 'Drift'], ['攀爬', 'Rock Crawler'], ['特技', 'Stunt']],
        points: [['2.4G遥控', '2.4 GHz remote'], ['充电续航', 'Rechargeable'], ['耐摔', 'Crash-proof']],
      },
    ],
  },
  {
    slug: 'fiction', zh: '文学小说', en: 'Fiction', code: 'FIC', parent: 'books', weight: 0.8, costRatio: [0.45, 0.6],
    types: [
      {
        key: 'novel', zh: '', en: '', price: [29, 99], weightGrams: [300, 900], options: ['edition'], book: true,
        lines: [
          ['people-lit', '红楼梦', 'Dream of the Red Chamber', 59.7], ['people-lit', '西游记', 'Journey to the West', 47.2], ['people-lit', '三国演义', 'Romance of the Three Kingdoms', 39.5],
          ['people-lit', '水浒传', 'Water Margin', 50.6], ['people-lit', '围城', 'Fortress Besieged', 39], ['people-lit', '骆驼祥子', 'Rickshaw Boy', 26],
          ['people-lit', '呐喊', 'Call to Arms', 22], ['people-lit', '边城', 'Border Town', 25], ['people-lit', '茶馆', 'Teahouse', 18], ['people-lit', '朝花夕拾', 'Dawn Blossoms Plucked at Dusk', 19],
        ],
        points: [['经典名著', 'A Chinese classic'], ['权威版本', 'Authoritative edition'], ['无障碍阅读', 'Annotated for easy reading']],
      },
    ],
  },
  {
    slug: 'kids-books', zh: '童书', en: "Children's Books", code: 'KID', parent: 'books', weight: 0.7, costRatio: [0.45, 0.6],
    types: [
      {
        key: 'kids-book', zh: '', en: '', price: [19, 99], weightGrams: [200, 700], options: ['edition'], book: true,
        lines: [
          ['jieli', '安徒生童话', "Andersen's Fairy Tales", 36], ['jieli', '格林童话', "Grimm's Fairy Tales", 36], ['jieli', '伊索寓言', "Aesop's Fables", 25],
          ['jieli', '小王子', 'The Little Prince', 32], ['jieli', '十万个为什么', 'One Hundred Thousand Whys', 88], ['jieli', '绿野仙踪', 'The Wonderful Wizard of Oz', 28],
          ['jieli', '爱丽丝漫游奇境', "Alice's Adventures in Wonderland", 28], ['jieli', '木偶奇遇记', 'The Adventures of Pinocchio', 26],
        ],
        points: [['注音版', 'With pinyin'], ['彩色插图', 'Full-colour illustrations'], ['亲子共读', 'For reading together']],
      },
    ],
  },
  {
    slug: 'business', zh: '经管励志', en: 'Business', code: 'BIZ', parent: 'books', weight: 0.6, costRatio: [0.45, 0.6],
    types: [
      {
        key: 'business-book', zh: '', en: '', price: [39, 129], weightGrams: [400, 1000], options: ['edition'], book: true,
        lines: [
          ['citic-press', '原则', 'Principles', 98], ['citic-press', '穷查理宝典', "Poor Charlie's Almanack", 98], ['citic-press', '影响力', 'Influence', 69],
          ['citic-press', '从0到1', 'Zero to One', 45], ['citic-press', '思考，快与慢', 'Thinking, Fast and Slow', 69], ['citic-press', '国富论', 'The Wealth of Nations', 88],
          ['citic-press', '孙子兵法', 'The Art of War', 39], ['citic-press', '金字塔原理', 'The Pyramid Principle', 69],
        ],
        points: [['畅销经典', 'A bestselling classic'], ['职场必读', 'Essential for work'], ['思维升级', 'Sharpen your thinking']],
      },
    ],
  },
];
