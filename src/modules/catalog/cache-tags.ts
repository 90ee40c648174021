/** Cache tags for catalog-derived responses. */
export const catalogTags = {
  /** Anything listing products, categories or brands. */
  all: 'catalog',
  product: (id: string) => `product:${id}`,
  /** Sales counts moved (search ranking by sales). */
  sales: 'catalog-sales',
};
