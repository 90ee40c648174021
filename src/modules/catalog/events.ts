import { defineEvent } from '../../platform/outbox/events.js';

export interface ProductChanged {
  productId: string;
  status: 'draft' | 'active' | 'archived';
}

/** New variants of a product (created, added, imported or saved with the product). */
export interface VariantsCreated {
  productId: string;
  variantIds: string[];
}

/** Domain events the catalog emits (through the outbox). */
export const CatalogEvents = {
  productChanged: defineEvent<ProductChanged>('catalog.product.changed'),
  categoryChanged: defineEvent<{ categoryId: string }>('catalog.category.changed'),
  brandChanged: defineEvent<{ brandId: string }>('catalog.brand.changed'),
  variantsCreated: defineEvent<VariantsCreated>('catalog.variants.created'),
};
