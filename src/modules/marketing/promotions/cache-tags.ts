/** Pages showing running promotions (badges) carry this tag; the promotions' in-process copy is dropped by it too. */
export const PROMOTIONS_TAG = 'marketing:promotions';
