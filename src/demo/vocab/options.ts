import type { OptionKindSpec } from './types.js';

const kind = (code: string, zh: string, en: string, ordered: boolean, values: Array<[string, string, string, number?]>): OptionKindSpec => ({
  code,
  zh,
  en,
  ordered,
  values: values.map(([c, z, e, factor]) => ({ code: c, zh: z, en: e, ...(factor ? { factor } : {}) })),
});

/** Option kinds the demo products use: colours, sizes, capacities, packs. */
export const OPTION_KINDS: Record<string, OptionKindSpec> = {
  phoneColor: kind('color', '颜色', 'Colour', false, [
    ['black', '曜石黑', 'Obsidian Black'], ['white', '冰川白', 'Glacier White'], ['blue', '星河蓝', 'Galaxy Blue'],
    ['gold', '晨曦金', 'Dawn Gold'], ['green', '薄荷绿', 'Mint Green'], ['purple', '丁香紫', 'Lilac Purple'],
  ]),
  color: kind('color', '颜色', 'Colour', false, [
    ['black', '黑色', 'Black'], ['white', '白色', 'White'], ['grey', '深空灰', 'Space Grey'], ['blue', '海军蓝', 'Navy Blue'],
    ['pink', '樱花粉', 'Sakura Pink'], ['green', '森林绿', 'Forest Green'], ['silver', '银色', 'Silver'],
  ]),
  apparelColor: kind('color', '颜色', 'Colour', false, [
    ['black', '黑色', 'Black'], ['white', '白色', 'White'], ['navy', '藏青', 'Navy'], ['grey', '麻灰', 'Heather Grey'],
    ['khaki', '卡其', 'Khaki'], ['burgundy', '酒红', 'Burgundy'], ['olive', '橄榄绿', 'Olive'], ['beige', '米白', 'Ecru'],
  ]),
  homeColor: kind('color', '颜色', 'Colour', false, [
    ['white', '云朵白', 'Cloud White'], ['grey', '雾霾灰', 'Mist Grey'], ['blue', '雾霾蓝', 'Haze Blue'],
    ['pink', '豆沙粉', 'Dusty Pink'], ['green', '抹茶绿', 'Matcha Green'], ['beige', '奶咖色', 'Latte'],
  ]),
  storage: kind('storage', '存储容量', 'Storage', true, [
    ['128gb', '128GB', '128GB', 1], ['256gb', '256GB', '256GB', 1.12], ['512gb', '512GB', '512GB', 1.3], ['1tb', '1TB', '1TB', 1.55],
  ]),
  memory: kind('config', '配置', 'Configuration', true, [
    ['16g-512g', '16GB+512GB', '16GB + 512GB', 1], ['16g-1t', '16GB+1TB', '16GB + 1TB', 1.12], ['32g-1t', '32GB+1TB', '32GB + 1TB', 1.3],
  ]),
  watchSize: kind('size', '表盘尺寸', 'Case size', true, [['41mm', '41mm', '41 mm', 1], ['46mm', '46mm', '46 mm', 1.08]]),
  cableLength: kind('length', '长度', 'Length', true, [['1m', '1米', '1 m', 1], ['1-5m', '1.5米', '1.5 m', 1.1], ['2m', '2米', '2 m', 1.25]]),
  size: kind('size', '尺码', 'Size', true, [
    ['s', 'S', 'S'], ['m', 'M', 'M'], ['l', 'L', 'L'], ['xl', 'XL', 'XL'], ['xxl', 'XXL', 'XXL', 1.05],
  ]),
  shoeSize: kind('size', '鞋码', 'Shoe size', true, [
    ['eu37', '37', 'EU 37'], ['eu38', '38', 'EU 38'], ['eu39', '39', 'EU 39'], ['eu40', '40', 'EU 40'], ['eu41', '41', 'EU 41'],
    ['eu42', '42', 'EU 42'], ['eu43', '43', 'EU 43'], ['eu44', '44', 'EU 44'],
  ]),
  volume: kind('volume', '容量', 'Volume', true, [['30ml', '30ml', '30 ml', 1], ['50ml', '50ml', '50 ml', 1.5], ['100ml', '100ml', '100 ml', 2.6]]),
  maskPack: kind('pack', '规格', 'Pack', true, [['5pc', '5片装', '5 sheets', 1], ['10pc', '10片装', '10 sheets', 1.8], ['20pc', '20片装', '20 sheets', 3.3]]),
  shade: kind('shade', '色号', 'Shade', false, [
    ['999', '#999 正红', '#999 True Red'], ['196', '#196 胡萝卜色', '#196 Carrot'], ['505', '#505 豆沙色', '#505 Rosewood'],
    ['888', '#888 枫叶红', '#888 Maple Red'], ['316', '#316 番茄色', '#316 Tomato'], ['106', '#106 奶茶色', '#106 Milk Tea'],
  ]),
  foundationShade: kind('shade', '色号', 'Shade', true, [['110', '110 象牙白', '110 Ivory'], ['120', '120 自然色', '120 Natural'], ['130', '130 小麦色', '130 Wheat']]),
  snackPack: kind('pack', '规格', 'Pack', true, [['single', '单袋', 'Single pack', 1], ['box', '礼盒装', 'Gift box', 2.6], ['case', '整箱装', 'Case', 4.5]]),
  teaWeight: kind('weight', '净含量', 'Net weight', true, [['125g', '125g', '125 g', 1], ['250g', '250g', '250 g', 1.85], ['500g', '500g', '500 g', 3.4]]),
  bottles: kind('pack', '规格', 'Pack', true, [['12', '12瓶', '12 bottles', 1], ['24', '24瓶', '24 bottles', 1.85]]),
  pantryWeight: kind('weight', '净含量', 'Net weight', true, [['1kg', '1kg', '1 kg', 1], ['2-5kg', '2.5kg', '2.5 kg', 2.2], ['5kg', '5kg', '5 kg', 4]]),
  oilVolume: kind('volume', '容量', 'Volume', true, [['1-8l', '1.8L', '1.8 L', 1], ['5l', '5L', '5 L', 2.5]]),
  sauceVolume: kind('volume', '容量', 'Volume', true, [['500ml', '500ml', '500 ml', 1], ['1-28l', '1.28L', '1.28 L', 2]]),
  litres: kind('capacity', '容量', 'Capacity', true, [['3l', '3L', '3 L', 1], ['4l', '4L', '4 L', 1.15], ['5l', '5L', '5 L', 1.3], ['6l', '6L', '6 L', 1.45]]),
  bedSize: kind('size', '床尺寸', 'Bed size', true, [['1-5m', '1.5米床', '1.5 m bed', 1], ['1-8m', '1.8米床', '1.8 m bed', 1.15], ['2m', '2.0米床', '2.0 m bed', 1.3]]),
  cupSize: kind('capacity', '容量', 'Capacity', true, [['350ml', '350ml', '350 ml', 1], ['500ml', '500ml', '500 ml', 1.12], ['750ml', '750ml', '750 ml', 1.3]]),
  thickness: kind('thickness', '厚度', 'Thickness', true, [['6mm', '6mm', '6 mm', 1], ['8mm', '8mm', '8 mm', 1.1], ['10mm', '10mm', '10 mm', 1.2]]),
  dumbbell: kind('weight', '重量', 'Weight', true, [['5kg', '5kg', '5 kg', 1], ['10kg', '10kg', '10 kg', 1.8], ['20kg', '20kg', '20 kg', 3.2]]),
  tentSize: kind('capacity', '人数', 'Sleeps', true, [['2p', '2人', '2 people', 1], ['3-4p', '3-4人', '3–4 people', 1.35], ['5-6p', '5-6人', '5–6 people', 1.8]]),
  diaperSize: kind('size', '尺码', 'Size', true, [
    ['nb', 'NB', 'Newborn'], ['s', 'S', 'S'], ['m', 'M', 'M'], ['l', 'L', 'L'], ['xl', 'XL', 'XL'], ['xxl', 'XXL', 'XXL'],
  ]),
  stage: kind('stage', '段数', 'Stage', true, [['1', '1段', 'Stage 1'], ['2', '2段', 'Stage 2'], ['3', '3段', 'Stage 3']]),
  blindBox: kind('pack', '规格', 'Pack', true, [['single', '单盒', 'Single box', 1], ['set', '整盒(12个)', 'Full set (12)', 11.5]]),
  edition: kind('edition', '版本', 'Edition', true, [['paperback', '平装', 'Paperback', 1], ['hardcover', '精装', 'Hardcover', 1.6]]),
};
