/** Cache tag of the store's shipping method list (a plain file: the storefront imports it too). */
export const SHIPPING_METHODS_TAG = 'shipping-methods';
