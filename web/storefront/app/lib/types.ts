import type { z } from 'zod';
import type { brandView, productSummary, storeProduct, CategoryNode } from '../../../../src/web-contract';
import type { orderDetailView, orderSummaryView } from '../../../../src/web-contract';
import type { addressView, customerView, regionView, regionDetailView, authResult } from '../../../../src/web-contract';
import type { orderTrackingView } from '../../../../src/web-contract';
import type { PriceQuote } from '../../../../src/web-contract';
import type { shippingMethodView } from '../../../../src/web-contract';
import type { cartSummaryView, cartView } from '../../../../src/web-contract';
import type { searchResponse } from '../../../../src/web-contract';
import type { paymentView } from '../../../../src/web-contract';
import type { couponTemplateView, couponView, membershipView, pointsEntryView, pointsSummary } from '../../../../src/web-contract';

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
export type Membership = z.infer<typeof membershipView>;
export type PointsSummary = z.infer<typeof pointsSummary>;
export type PointsEntry = z.infer<typeof pointsEntryView>;
export type Coupon = z.infer<typeof couponView>;
export type CouponTemplate = z.infer<typeof couponTemplateView>;
export type { StoreCampaignView as Campaign, StoreCampaignSummary as CampaignSummary } from '../../../../src/web-contract';
