import { purchaseJourney } from './support/purchase.js';

// Journey (a): the zh-CN store at `/`, the shopper on a phone; the console in Chinese.
purchaseJourney({
  locale: 'zh-CN',
  journey: 'a-zh-purchase',
  query: '耳机',
  size: 'phone',
  shipping: 'express',
  region: { province: '广东省', city: '深圳市', district: '南山区' },
});
