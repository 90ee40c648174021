/**
 * Whatever shows the offers on sale (the store's list, and the storefront's badges, home block and
 * sitemap built from it) carries this tag: creating, editing, pausing or ending an offer evicts it.
 */
export const GROUP_BUYS_TAG = 'marketing:group-buys';
