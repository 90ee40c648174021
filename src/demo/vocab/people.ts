/** Names, streets and channels for demo shoppers. */

export const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高',
  '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '于', '蒋', '蔡',
  '余', '杜', '叶', '程', '苏', '魏', '吕', '丁', '任', '沈', '姚', '卢', '姜', '崔', '钟', '谭', '陆', '汪', '范', '金',
];

export const GIVEN_CHARS = [
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀', '霞', '平',
  '刚', '英', '华', '玉', '萍', '红', '文', '辉', '建', '宇', '浩', '欣', '怡', '佳', '雨', '晨', '子', '轩', '梓', '涵',
  '思', '若', '一', '可', '心', '诗', '嘉', '铭', '俊', '婷', '雪', '琳', '博', '鑫', '悦', '晓', '航', '睿', '彤', '瑶',
];

export const ENGLISH_FIRST = ['Emma', 'Olivia', 'Liam', 'Noah', 'Sophia', 'James', 'Mia', 'Lucas', 'Amelia', 'Ethan', 'Grace', 'Daniel', 'Chloe', 'Leo', 'Zoe', 'Ryan'];
export const ENGLISH_LAST = ['Li', 'Wang', 'Chen', 'Zhang', 'Liu', 'Smith', 'Brown', 'Wilson', 'Taylor', 'Lee', 'Wong', 'Ng', 'Martin', 'Clarke'];

export const STREETS = [
  '人民路', '解放路', '中山路', '建设路', '和平路', '文化路', '长江路', '黄河路', '科技园路', '学府路', '新华路', '青年路',
  '幸福路', '滨江大道', '世纪大道', '光明街', '朝阳路', '胜利路', '友谊路', '花园路', '迎宾大道', '东风路', '南京路', '复兴路',
];

export const COMMUNITIES = ['阳光花园', '锦绣家园', '翠湖小区', '金色港湾', '碧桂园', '万科城', '御景湾', '绿地新都会', '星河湾', '龙湖天街', '书香苑', '紫荆苑'];

export const MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '157', '158', '159', '176', '177', '180', '181', '186', '187', '188', '189', '199'];

/** Where shoppers came from (the glossary's channels), with their share of sign-ups. */
export const CHANNELS: ReadonlyArray<readonly [channel: string, weight: number]> = [
  ['organic', 28], ['sem', 12], ['seo', 14], ['email', 5], ['kol', 8], ['livestream', 13], ['short_video', 14], ['referral', 6],
];

/** Shoppers found through livestreams and KOLs buy more often; email sign-ups less. */
export const CHANNEL_ACTIVITY: Record<string, number> = {
  organic: 1, sem: 0.9, seo: 0.85, email: 0.8, kol: 1.15, livestream: 1.3, short_video: 1.1, referral: 1.2,
};

/** Share of e-commerce orders per province (GB/T 2260 code), roughly by online spending. */
export const PROVINCE_WEIGHTS: Record<string, number> = {
  '44': 14, '33': 10, '32': 9, '31': 7, '11': 6, '37': 6, '51': 5, '35': 4, '42': 4, '43': 3.5, '41': 4, '13': 3,
  '61': 2.5, '50': 2.5, '12': 2, '34': 3, '36': 2, '45': 2, '53': 2, '21': 2.5, '22': 1, '23': 1.2, '14': 1.2,
  '15': 0.8, '52': 1.2, '62': 0.7, '64': 0.3, '63': 0.2, '65': 0.6, '54': 0.1, '46': 0.6,
};

export const CARRIERS: ReadonlyArray<readonly [code: string, prefix: string, weight: number]> = [
  // Codes are the fulfilment module's carrier codes (modules/fulfilment/logic/carriers.ts).
  ['sf', 'SF', 25], ['zto', '7', 25], ['yto', 'YT', 20], ['yunda', '43', 12], ['sto', '77', 10], ['jd', 'JDV', 8],
];

export const ORDER_NOTES = ['请尽快发货', '不要放快递柜，谢谢', '送人的，请不要放发票', '周末送货', '放门卫处即可', 'Please deliver after 6pm'];

export const REFUND_REASONS_BEFORE_SHIPMENT = ['changed_mind', 'ordered_by_mistake', 'found_cheaper', 'delivery_too_slow'];
export const REFUND_REASONS_AFTER_DELIVERY = ['not_as_described', 'quality_issue', 'wrong_size', 'damaged_in_transit', 'changed_mind'];
