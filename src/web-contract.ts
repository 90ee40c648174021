/**
 * The one file the web apps (storefront and console) import from the server's code: the shapes
 * of API answers (types), and the few browser-safe helpers and constants both sides must agree
 * on. The import rules test (test/architecture) keeps web/ from reaching anywhere else in src/.
 */
export type { cancelResult, refundView } from './modules/after-sales/views.js';
export type { seriesView, todayView } from './modules/analytics/views.js';
export type { auditEntry } from './modules/audit/views.js';
export type { cartSummaryView, cartView } from './modules/cart/views.js';
export { catalogTags } from './modules/catalog/cache-tags.js';
export type { CategoryNode, adminProductSummary, brandInput, brandView, categoryInput, categoryNode, imageSchema, importProductsResult, optionSchema, productDetail, productDraft, productInput, productSave, productSummary, storeProduct, variantInput } from './modules/catalog/types.js';
export { SHIPPING_METHODS_TAG } from './modules/checkout/cache-tags.js';
export { estimatedDelivery, msUntilNextDay } from './modules/checkout/logic/delivery-estimate.js';
export type { adminShippingMethodView, shippingMethodInput, shippingMethodPatch, shippingMethodView } from './modules/checkout/types.js';
export type { addressView, authResult, customerDetail, customerView, regionDetailView, regionView } from './modules/customers/types.js';
export type { bulkShipResult, carrierView, orderTrackingView } from './modules/fulfilment/views.js';
export { stockTag } from './modules/inventory/events.js';
export type { ledgerView, stockLineView, warehouseView } from './modules/inventory/views.js';
export { responsiveImage, thumbnailImage, thumbnailUrl } from './modules/media/renditions.js';
export type { messageView } from './modules/messages/views.js';
export { ORDER_STATES } from './modules/orders/logic/state-machine.js';
export type { OrderState } from './modules/orders/logic/state-machine.js';
export { ORDER_TABS, isOrderTab } from './modules/orders/logic/tabs.js';
export type { OrderTab } from './modules/orders/logic/tabs.js';
export type { adminOrderDetailView, adminOrderSummaryView, orderDetailView, orderSummaryView } from './modules/orders/views.js';
export type { paymentView } from './modules/payments/views.js';
export type { PriceQuote } from './modules/pricing/logic/types.js';
export type { searchResponse } from './modules/search/views.js';
export { isSafeLink } from './modules/settings/logic/links.js';
export type { StoreInfo, adminSettingsView, settingsPatch } from './modules/settings/types.js';
export { PERMISSIONS, ROLES, ROLE_PERMISSIONS } from './modules/staff/permissions.js';
export type { Permission, Role } from './modules/staff/permissions.js';
export type { deadEventView, loginResult, meView, rolesView, staffCreateInput, staffCreated, staffPatch, staffView } from './modules/staff/types.js';
export { formatMoney } from './platform/money.js';
export type { StorefrontContext } from './web/storefront/context.js';
export type { couponTemplateView, couponView } from './modules/marketing/coupons/types.js';
export type { growthEntryView, memberProgramView, membershipView } from './modules/marketing/membership/types.js';
export type { promotionView } from './modules/marketing/promotions/types.js';
export type { promotionBadges } from './modules/marketing/promotions/routes.store.js';
export { PROMOTIONS_TAG } from './modules/marketing/promotions/cache-tags.js';
export { GROUP_BUYS_TAG } from './modules/marketing/group-buys/cache-tags.js';
export { FLASH_SALES_TAG } from './modules/marketing/flash-sales/cache-tags.js';
export type { flashClaimView, flashItemView, flashRoundView } from './modules/marketing/flash-sales/types.js';
export { COUPON_TEMPLATES_TAG } from './modules/marketing/coupons/cache-tags.js';
export { scopeCovers } from './modules/pricing/logic/rules/eligibility.js';
export type { pointsEntryView, pointsSummary } from './modules/marketing/points/types.js';
export type { pointsPolicyView } from './modules/marketing/points/policy.js';
export type { ReferralMine, ReferralView, ReferralInvite, referralMine, referralView } from './modules/marketing/referral/types.js';
export type { ReferralPolicy, referralPolicyView } from './modules/marketing/referral/policy.js';
export { REFERRAL_STATES, REFERRAL_REJECTIONS } from './modules/marketing/referral/constants.js';
export type { CampaignInput, CampaignReport, CampaignView, StoreCampaignView, StoreCampaignSummary, campaignInput, campaignPatch, campaignReport, campaignView, storeCampaignView } from './modules/marketing/campaigns/types.js';
export { CAMPAIGNS_TAG, CAMPAIGN_CHANNELS, CAMPAIGN_KINDS, CAMPAIGN_STATES, CAMPAIGN_STATUSES, CHANNEL_MEDIUM } from './modules/marketing/campaigns/constants.js';
