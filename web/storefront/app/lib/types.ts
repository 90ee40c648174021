import type { z } from 'zod';
import type { brandView, productDetail, productSummary, variantView, CategoryNode } from '../../../../src/modules/catalog/types';
import type { orderDetailView, orderSummaryView } from '../../../../src/modules/orders/views';
import type { addressView, customerView, regionView, authResult } from '../../../../src/modules/customers/types';
import type { orderTrackingView } from '../../../../src/modules/fulfilment/views';
import type { PriceQuote } from '../../../../src/modules/pricing/logic/types';

/** Bodies of the core API, inferred from the server's own Zod schemas (type-only imports). */
export type ProductSummary = z.infer<typeof productSummary>;
export type Brand = z.infer<typeof brandView>;
export type Category = CategoryNode;
export type StoreProduct = Omit<z.infer<typeof productDetail>, 'variants'> & {
  // getProduct adds stock per variant (catalog/routes.store.ts `storeProduct`, not exported).
  variants: Array<z.infer<typeof variantView> & { available: number }>;
  inStock: boolean;
};
export type OrderSummary = z.infer<typeof orderSummaryView>;
export type OrderDetail = z.infer<typeof orderDetailView>;
export type Address = z.infer<typeof addressView>;
export type Customer = z.infer<typeof customerView>;
export type AuthResult = z.infer<typeof authResult>;
export type Region = z.infer<typeof regionView>;
export type OrderTracking = z.infer<typeof orderTrackingView>;
export type { PriceQuote };
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/*
 * The schemas below are module-local in their route files (not exported), so they are restated
 * here from those files; exporting `cartView`, `searchResponse`, `paymentView` and
 * `shippingMethodView` from the modules would let these become `z.infer` too.
 */
export interface SearchResult {
  items: ProductSummary[];
  nextCursor: string | null;
  total: number;
  corrected?: string;
  facets: {
    categories: Array<{ id: string; count: number }>;
    brands: Array<{ id: string; count: number }>;
    priceBands: Array<{ min: number; max: number | null; count: number }>;
    inStock: number;
  };
}

export interface Cart {
  id: string;
  status: 'open' | 'merged' | 'ordered';
  customerId: string | null;
  token: string | null;
  items: Array<{
    id: string;
    variantId: string;
    productId: string | null;
    sku: string | null;
    title: { 'zh-CN': string; en: string } | null;
    optionValues: Record<string, string>;
    image: string | null;
    unitPrice: number | null;
    quantity: number;
    available: boolean;
  }>;
  quote: PriceQuote | null;
}

export interface ShippingMethod {
  id: string;
  code: string;
  name: { 'zh-CN': string; en: string };
  kind: 'flat' | 'freeOver' | 'byWeight';
  flatFee?: number;
  freeThreshold?: number;
  firstFee?: number;
}

export interface Payment {
  id: string;
  orderId: string;
  status: 'pending' | 'succeeded' | 'failed';
  amount: number;
  payUrl: string;
  expiresAt: string;
}
