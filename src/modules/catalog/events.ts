/** Domain events the catalog emits (through the outbox). */
export const CatalogEvents = {
  productChanged: 'catalog.product.changed',
  categoryChanged: 'catalog.category.changed',
  brandChanged: 'catalog.brand.changed',
  variantsCreated: 'catalog.variants.created',
} as const;

export interface ProductChanged {
  productId: string;
  status: 'draft' | 'active' | 'archived';
}

/** New variants of a product (created, added, imported or saved with the product). */
export interface VariantsCreated {
  productId: string;
  variantIds: string[];
}
