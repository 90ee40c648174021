/** The big character on each product type's generated picture (books use their title's first). */
export const GLYPHS: Record<string, string> = {
  '5g-phone': '机', foldable: '折', 'anc-earbuds': '耳', headphones: '耳', speaker: '音', laptop: '本', tablet: '板', mouse: '鼠',
  keyboard: '键', smartwatch: '表', band: '环', 'gan-charger': '充', 'power-bank': '宝', cable: '线', tee: 'T', shirt: '衫',
  'mens-down': '绒', jeans: '裤', dress: '裙', cardigan: '衫', 'womens-down': '绒', 'wide-leg': '裤', sneakers: '鞋', canvas: '鞋',
  'snow-boots': '靴', serum: '精', cream: '霜', mask: '膜', sunscreen: '晒', lipstick: '红', foundation: '粉', eyeshadow: '影',
  powder: '粉', 'yoga-mat': '垫', dumbbell: '铃', 'massage-gun': '枪', 'jump-rope': '绳', tent: '篷', hardshell: '衣', 'camp-chair': '椅',
  'running-shoes': '跑', 'run-shorts': '裤', 'run-tee': 'T', nuts: '果', jerky: '肉', 'pork-floss': '脯', 'gift-box': '礼', tea: '茶',
  water: '水', coffee: '啡', rice: '米', oil: '油', sauce: '酱', 'air-fryer': '炸', 'rice-cooker': '饭', blender: '机', kettle: '壶',
  'bed-set': '床', duvet: '被', pillow: '枕', 'insulated-cup': '杯', 'storage-box': '箱', towel: '巾', diapers: '尿', 'pull-ups': '裤',
  wipes: '巾', formula: '奶', 'baby-cereal': '粉', bricks: '木', 'blind-box': '盒', 'rc-car': '车',
};
