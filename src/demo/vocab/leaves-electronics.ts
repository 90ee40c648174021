import type { LeafSpec } from './types.js';

export const ELECTRONICS: readonly LeafSpec[] = [
  {
    slug: 'phones', zh: '手机', en: 'Phones', code: 'PHN', parent: 'electronics', weight: 1.1, costRatio: [0.78, 0.88], warrantyMonths: 12,
    types: [
      {
        key: '5g-phone', zh: '5G智能手机', en: '5G Smartphone', price: [1299, 6999], weightGrams: [185, 230], options: ['storage', 'phoneColor'],
        lines: [
          ['huawei', 'Mate 70', 'Mate 70', 5499], ['huawei', 'nova 13', 'nova 13', 2699], ['huawei', 'Pura 70', 'Pura 70', 4999],
          ['xiaomi', 'Xiaomi 15', 'Xiaomi 15', 4499], ['xiaomi', 'Redmi K80', 'Redmi K80', 2499], ['xiaomi', 'Redmi Note 14 Pro', 'Redmi Note 14 Pro', 1399],
          ['apple', 'iPhone 16', 'iPhone 16', 5999], ['apple', 'iPhone 16 Pro', 'iPhone 16 Pro', 7999],
          ['oppo', 'Find X8', 'Find X8', 4199], ['oppo', 'Reno13', 'Reno13', 2699], ['vivo', 'X200', 'X200', 4299], ['vivo', 'iQOO 13', 'iQOO 13', 3999],
          ['honor', 'Magic7', 'Magic7', 4499], ['honor', 'X60', 'X60', 1199],
        ],
        points: [['超清影像', 'Pro-grade cameras'], ['长续航快充', 'All-day battery, fast charging'], ['护眼屏幕', 'Eye-care display']],
        attrs: [[['屏幕尺寸', 'Screen size'], [['6.3英寸', '6.3"'], ['6.6英寸', '6.6"'], ['6.8英寸', '6.8"']]], [['网络', 'Network'], [['5G全网通', '5G, all carriers']]]],
      },
      {
        key: 'foldable', zh: '折叠屏手机', en: 'Foldable Phone', price: [5999, 12999], weightGrams: [220, 260], options: ['storage', 'phoneColor'],
        lines: [['huawei', 'Mate X6', 'Mate X6', 12999], ['honor', 'Magic V3', 'Magic V3', 8999], ['vivo', 'X Fold3', 'X Fold3', 6999], ['oppo', 'Find N5', 'Find N5', 8999]],
        points: [['大屏多任务', 'Big-screen multitasking'], ['轻薄机身', 'Slim and light'], ['无痕折痕', 'Near-invisible crease']],
      },
    ],
  },
  {
    slug: 'audio', zh: '耳机音箱', en: 'Audio', code: 'AUD', parent: 'electronics', weight: 1.2, costRatio: [0.5, 0.7], warrantyMonths: 12,
    types: [
      {
        key: 'anc-earbuds', zh: '无线降噪蓝牙耳机', en: 'Wireless ANC Earbuds', price: [199, 1899], weightGrams: [45, 70], options: ['color'],
        lines: [
          ['huawei', 'FreeBuds Pro 4', 'FreeBuds Pro 4', 1499], ['huawei', 'FreeBuds 6i', 'FreeBuds 6i', 599], ['apple', 'AirPods Pro 2', 'AirPods Pro 2', 1899],
          ['apple', 'AirPods 4', 'AirPods 4', 1399], ['xiaomi', 'Redmi Buds 6', 'Redmi Buds 6', 249], ['sony', 'WF-1000XM5', 'WF-1000XM5', 1799],
          ['edifier', 'NeoBuds Pro 2', 'NeoBuds Pro 2', 699], ['jbl', 'Tune Beam', 'Tune Beam', 599], ['oppo', 'Enco X3', 'Enco X3', 999], ['honor', 'Earbuds X7', 'Earbuds X7', 299],
        ],
        points: [['主动降噪', 'Active noise cancelling'], ['40小时续航', '40-hour battery'], ['通透模式', 'Transparency mode']],
        attrs: [[['蓝牙版本', 'Bluetooth'], [['5.3', '5.3'], ['5.4', '5.4']]]],
      },
      {
        key: 'headphones', zh: '头戴式降噪耳机', en: 'Over-ear ANC Headphones', price: [399, 3999], weightGrams: [250, 390], options: ['color'],
        lines: [
          ['sony', 'WH-1000XM5', 'WH-1000XM5', 2499], ['apple', 'AirPods Max', 'AirPods Max', 3999], ['edifier', 'W820NB', 'W820NB', 399],
          ['jbl', 'Tour One M2', 'Tour One M2', 1999], ['huawei', 'FreeBuds Studio', 'FreeBuds Studio', 1699],
        ],
        points: [['沉浸降噪', 'Immersive noise cancelling'], ['高解析音质', 'Hi-Res audio'], ['舒适佩戴', 'All-day comfort']],
      },
      {
        key: 'speaker', zh: '便携蓝牙音箱', en: 'Portable Bluetooth Speaker', price: [199, 1499], weightGrams: [500, 1200], options: ['color'],
        lines: [
          ['jbl', 'Flip 6', 'Flip 6', 899], ['jbl', 'Charge 5', 'Charge 5', 1299], ['sony', 'ULT FIELD 1', 'ULT FIELD 1', 999],
          ['edifier', 'M230', 'M230', 299], ['xiaomi', '小爱音箱 Play', 'Xiao AI Speaker Play', 199], ['huawei', 'Sound Joy', 'Sound Joy', 799],
        ],
        points: [['IP67防水', 'IP67 waterproof'], ['重低音', 'Deep bass'], ['户外续航', 'Long outdoor battery']],
      },
    ],
  },
  {
    slug: 'computers', zh: '电脑办公', en: 'Computers', code: 'CMP', parent: 'electronics', weight: 1.1, costRatio: [0.72, 0.86], warrantyMonths: 24,
    types: [
      {
        key: 'laptop', zh: '轻薄笔记本电脑', en: 'Thin and Light Laptop', price: [3999, 12999], weightGrams: [1200, 1900], options: ['memory'],
        lines: [
          ['lenovo', '小新 Pro 14', 'Xiaoxin Pro 14', 5499], ['lenovo', 'ThinkPad X1 Carbon', 'ThinkPad X1 Carbon', 11999],
          ['huawei', 'MateBook 14', 'MateBook 14', 5999], ['apple', 'MacBook Air 13', 'MacBook Air 13', 7999],
          ['honor', 'MagicBook Pro 16', 'MagicBook Pro 16', 6499], ['xiaomi', 'Redmi Book 16', 'Redmi Book 16', 4299],
        ],
        points: [['高性能处理器', 'High-performance processor'], ['2.8K高刷屏', '2.8K high-refresh display'], ['全天续航', 'All-day battery']],
      },
      {
        key: 'tablet', zh: '平板电脑', en: 'Tablet', price: [1499, 7999], weightGrams: [460, 620], options: ['storage', 'color'],
        lines: [
          ['apple', 'iPad Air 11', 'iPad Air 11', 4799], ['huawei', 'MatePad 11.5', 'MatePad 11.5', 1999], ['xiaomi', 'Xiaomi Pad 7', 'Xiaomi Pad 7', 1999],
          ['lenovo', '小新 Pad Pro', 'Xiaoxin Pad Pro', 1699], ['honor', 'MagicPad 2', 'MagicPad 2', 2799],
        ],
        points: [['护眼大屏', 'Eye-care big screen'], ['手写笔支持', 'Stylus support'], ['影音娱乐', 'Great for video']],
      },
      {
        key: 'mouse', zh: '无线鼠标', en: 'Wireless Mouse', price: [59, 699], weightGrams: [80, 150], options: ['color'],
        lines: [['logitech', 'MX Master 3S', 'MX Master 3S', 699], ['logitech', 'M650', 'M650', 199], ['xiaomi', '便携', 'Portable', 69], ['ugreen', '静音', 'Silent', 59], ['shopkeeper', '', '', 49]],
        adjectives: [['蓝牙双模', 'Dual-mode Bluetooth'], ['人体工学', 'Ergonomic']],
        points: [['静音按键', 'Quiet clicks'], ['多设备切换', 'Multi-device switching'], ['长续航', 'Long battery life']],
      },
      {
        key: 'keyboard', zh: '机械键盘', en: 'Mechanical Keyboard', price: [199, 999], weightGrams: [600, 1100], options: ['color'],
        lines: [['logitech', 'MX Mechanical', 'MX Mechanical', 999], ['logitech', 'K855', 'K855', 399], ['shopkeeper', '', '', 199]],
        adjectives: [['茶轴', 'Tactile Brown-switch'], ['红轴', 'Linear Red-switch'], ['无线三模', 'Tri-mode Wireless']],
        points: [['热插拔轴体', 'Hot-swappable switches'], ['背光', 'Backlit'], ['三模连接', 'Tri-mode connection']],
      },
    ],
  },
  {
    slug: 'wearables', zh: '智能穿戴', en: 'Wearables', code: 'WEA', parent: 'electronics', weight: 0.8, costRatio: [0.55, 0.75], warrantyMonths: 12,
    types: [
      {
        key: 'smartwatch', zh: '智能手表', en: 'Smartwatch', price: [899, 4999], weightGrams: [40, 70], options: ['watchSize', 'color'],
        lines: [
          ['huawei', 'WATCH GT 5', 'WATCH GT 5', 1488], ['huawei', 'WATCH 5', 'WATCH 5', 2999], ['apple', 'Watch Series 10', 'Watch Series 10', 2999],
          ['xiaomi', 'Watch S4', 'Watch S4', 999], ['honor', 'Watch 5', 'Watch 5', 999],
        ],
        points: [['心率血氧监测', 'Heart-rate and SpO2'], ['两周续航', 'Two-week battery'], ['百种运动模式', '100+ sport modes']],
      },
      {
        key: 'band', zh: '智能手环', en: 'Fitness Band', price: [149, 399], weightGrams: [20, 35], options: ['color'],
        lines: [['huawei', '手环 9', 'Band 9', 269], ['xiaomi', '手环 9', 'Smart Band 9', 249], ['honor', '手环 9', 'Band 9', 199]],
        adjectives: [['NFC版', 'NFC Edition'], ['标准版', 'Standard Edition']],
        points: [['睡眠监测', 'Sleep tracking'], ['轻盈佩戴', 'Featherlight'], ['50米防水', '5 ATM water resistance']],
      },
    ],
  },
  {
    slug: 'accessories', zh: '数码配件', en: 'Accessories', code: 'ACC', parent: 'electronics', weight: 1.1, costRatio: [0.35, 0.55], warrantyMonths: 12,
    types: [
      {
        key: 'gan-charger', zh: '氮化镓快充充电器', en: 'GaN Fast Charger', price: [49, 299], weightGrams: [60, 180], options: ['color'],
        lines: [['anker', '安芯充 Pro', 'Nano Pro', 129], ['ugreen', '65W', '65W', 99], ['xiaomi', '120W', '120W', 149], ['huawei', '66W 超级快充', '66W SuperCharge', 149], ['shopkeeper', '65W', '65W', 69]],
        adjectives: [['单口', 'Single-port'], ['多口', 'Multi-port']],
        points: [['小巧便携', 'Pocket-sized'], ['多协议快充', 'Multi-protocol fast charging'], ['智能温控', 'Smart temperature control']],
      },
      {
        key: 'power-bank', zh: '充电宝', en: 'Power Bank', price: [79, 399], weightGrams: [180, 500], options: ['color'],
        lines: [['anker', '737', '737', 399], ['xiaomi', '20000mAh', '20000mAh', 129], ['ugreen', '10000mAh', '10000mAh', 99], ['shopkeeper', '10000mAh', '10000mAh', 79]],
        adjectives: [['磁吸', 'Magnetic'], ['自带线', 'Built-in Cable'], ['大容量', 'High-capacity']],
        points: [['可带上飞机', 'Airline-approved'], ['双向快充', 'Two-way fast charging'], ['多重保护', 'Multi-layer protection']],
      },
      {
        key: 'cable', zh: '数据线', en: 'Charging Cable', price: [19, 99], weightGrams: [30, 80], options: ['cableLength'],
        lines: [['ugreen', 'USB-C', 'USB-C', 29], ['anker', 'PowerLine III', 'PowerLine III', 59], ['shopkeeper', 'USB-C', 'USB-C', 19]],
        adjectives: [['编织快充', 'Braided Fast-charge'], ['液态硅胶', 'Liquid Silicone'], ['100W', '100W']],
        points: [['耐弯折', 'Bend-resistant'], ['快充数据二合一', 'Charge and sync'], ['多设备兼容', 'Wide compatibility']],
        consumable: true,
      },
    ],
  },
];
