/** Domain events the catalog emits (through the outbox). */
export const CatalogEvents = {
  productChanged: 'catalog.product.changed',
  categoryChanged: 'catalog.category.changed',
  brandChanged: 'catalog.brand.changed',
} as const;

export interface ProductChanged {
  productId: string;
  status: 'draft' | 'active' | 'archived';
}
