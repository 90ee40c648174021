import type { z } from 'zod';
import type { brandView, productSummary, storeProduct, CategoryNode } from '../../../../src/modules/catalog/types';
import type { orderDetailView, orderSummaryView } from '../../../../src/modules/orders/views';
import type { addressView, customerView, regionView, regionDetailView, authResult } from '../../../../src/modules/customers/types';
import type { orderTrackingView } from '../../../../src/modules/fulfilment/views';
import type { PriceQuote } from '../../../../src/modules/pricing/logic/types';
import type { shippingMethodView } from '../../../../src/modules/checkout/types';
import type { cartSummaryView, cartView } from '../../../../src/modules/cart/views';
import type { searchResponse } from '../../../../src/modules/search/views';
import type { paymentView } from '../../../../src/modules/payments/views';

/** Bodies of the core API, inferred from the server's own Zod schemas (type-only imports). */
export type ProductSummary = z.infer<typeof productSummary>;
export type Brand = z.infer<typeof brandView>;
export type Category = CategoryNode;
export type StoreProduct = z.infer<typeof storeProduct>;
export type OrderSummary = z.infer<typeof orderSummaryView>;
export type OrderDetail = z.infer<typeof orderDetailView>;
export type Address = z.infer<typeof addressView>;
export type Customer = z.infer<typeof customerView>;
export type AuthResult = z.infer<typeof authResult>;
export type Region = z.infer<typeof regionView>;
export type RegionDetail = z.infer<typeof regionDetailView>;
export type CartSummary = z.infer<typeof cartSummaryView>;
export type OrderTracking = z.infer<typeof orderTrackingView>;
export type { PriceQuote };
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

// The cart's schema leaves the quote open (z.unknown()); the pricing engine's own type says what it holds.
export type Cart = Omit<z.infer<typeof cartView>, 'quote'> & { quote: PriceQuote | null };
export type SearchResult = z.infer<typeof searchResponse>;
export type ShippingMethod = z.infer<typeof shippingMethodView>;
export type Payment = z.infer<typeof paymentView>;
