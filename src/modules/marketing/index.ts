/**
 * Marketing (issue 12): promotions, coupons, points and membership now; campaigns and referral next.
 * Each capability joins checkout as a participant (checkout never imports marketing).
 */
export { PromotionService, PROMOTIONS_TAG, type PromotionFilter } from './promotions/service.js';
export { promotionsParticipant } from './promotions/participant.js';
export { promotionAdminRoutes } from './promotions/routes.admin.js';
export { promotionStoreRoutes } from './promotions/routes.store.js';
export { promotionInput, promotionPatch, promotionView, type PromotionView, type PromotionInput } from './promotions/types.js';
export { PROMOTION_STATUSES, type PromotionStatus } from './promotions/schema.js';
export { CouponService } from './coupons/service.js';
export { couponsParticipant } from './coupons/participant.js';
export { couponAdminRoutes, couponStoreRoutes } from './coupons/routes.js';
export { CouponErrors } from './coupons/errors.js';
export { CouponDistribution, COUPON_GRANTS_KEY } from './coupons/distribution.js';
export { registerCouponConsumers } from './coupons/participant.js';
export { PointsService, POINTS_POLICY_KEY } from './points/service.js';
export { pointsParticipant, registerPointsConsumers } from './points/participant.js';
export { pointsAdminRoutes, pointsStoreRoutes } from './points/routes.js';
export { PointsErrors } from './points/errors.js';
export { DEFAULT_POINTS_POLICY, type PointsPolicy } from './points/policy.js';
export { MembershipService, MEMBER_PROGRAM_KEY, MEMBER_TIERS_TAG } from './membership/service.js';
export { membershipParticipant, registerMembershipConsumers } from './membership/participant.js';
export { membershipAdminRoutes, membershipStoreRoutes } from './membership/routes.js';
export { DEFAULT_MEMBER_PROGRAM, type MemberProgram } from './membership/program.js';
export { registerMarketingJobs, EXPIRE_COUPONS_JOB, EXPIRE_POINTS_JOB, MEMBER_REVIEW_JOB, BIRTHDAY_GIFTS_JOB } from './jobs.js';
export { CampaignService } from './campaigns/service.js';
export { campaignAdminRoutes, campaignStoreRoutes } from './campaigns/routes.js';
export { registerCampaignConsumers } from './campaigns/consumers.js';
export { CampaignErrors } from './campaigns/errors.js';
export { CAMPAIGNS_TAG } from './campaigns/constants.js';
export { ReferralService, REFERRAL_POLICY_KEY, ACCEPT_WINDOW_MINUTES, type ReferralPorts } from './referral/service.js';
export { referralAdminRoutes, referralStoreRoutes } from './referral/routes.js';
export { registerReferralConsumers } from './referral/participant.js';
export { ReferralErrors } from './referral/errors.js';
export { DEFAULT_REFERRAL_POLICY, type ReferralPolicy } from './referral/policy.js';
export { REFERRAL_REWARDS_JOB } from './jobs.js';
export { FlashSaleService, FLASH_SALES_TAG } from './flash-sales/service.js';
export { flashGateFor, type FlashGate } from './flash-sales/gate.js';
export { flashSaleAdminRoutes, flashSaleEarlyAnswers, flashSaleStoreRoutes } from './flash-sales/routes.js';
export { FlashSaleErrors } from './flash-sales/errors.js';
export { flashSaleParticipant, registerFlashSaleConsumers, CLOSE_FLASH_ROUNDS_JOB } from './flash-sales/participant.js';
export { FlashSaleEvents } from './flash-sales/events.js';
export { GroupBuyService, GROUP_BUY_ACTOR } from './group-buys/service.js';
export { groupBuyAdminRoutes, groupBuyStoreRoutes } from './group-buys/routes.js';
export { groupBuyParticipant, registerGroupBuyJobs, EXPIRE_GROUP_BUY_TEAMS_JOB } from './group-buys/participant.js';
export { GroupBuyErrors } from './group-buys/errors.js';
