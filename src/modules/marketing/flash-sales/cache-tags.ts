/** Whatever shows flash sale rounds (the storefront's round page, badges, the home block) carries this tag: publishing, closing or cancelling a round evicts it. */
export const FLASH_SALES_TAG = 'marketing:flash-sales';
