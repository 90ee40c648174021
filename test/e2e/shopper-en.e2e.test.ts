import { purchaseJourney } from './support/purchase.js';

// Journey (b): the same purchase in English under /en/, the shopper on a desktop; the console in English.
purchaseJourney({
  locale: 'en',
  journey: 'b-en-purchase',
  query: 'earbuds',
  size: 'desktop',
  shipping: 'standard',
  region: { province: 'Shanghai', city: 'Shanghai', district: 'Pudong New Area' },
});
