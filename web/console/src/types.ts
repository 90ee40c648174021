/**
 * The admin API's shapes, inferred from the server's own Zod schemas (type-only imports: nothing
 * of the server reaches the bundle). The schemas live in each module's pure views.ts / types.ts,
 * never in a route file (those pull in Fastify).
 */
import type { z } from 'zod';
import type { meView, staffView, rolesView, deadEventView, staffCreated, staffCreateInput, staffPatch, loginResult } from '../../../src/web-contract.js';
import type { Permission, Role } from '../../../src/web-contract.js';
import type {
  productSummary, productDetail, productInput, variantInput, categoryNode, brandView, brandInput, categoryInput, imageSchema, optionSchema,
  importProductsResult, productDraft, productSave, adminProductSummary,
} from '../../../src/web-contract.js';
import type { adminOrderSummaryView, adminOrderDetailView } from '../../../src/web-contract.js';
import type { carrierView, bulkShipResult } from '../../../src/web-contract.js';
import type { refundView, cancelResult } from '../../../src/web-contract.js';
import type { customerView, addressView, customerDetail } from '../../../src/web-contract.js';
import type { warehouseView, stockLineView, ledgerView } from '../../../src/web-contract.js';
import type { todayView, seriesView } from '../../../src/web-contract.js';
import type { auditEntry } from '../../../src/web-contract.js';
import type { messageView } from '../../../src/web-contract.js';
import type { promotionView, couponTemplateView, memberProgramView, membershipView, growthEntryView, pointsSummary, pointsEntryView, pointsPolicyView } from '../../../src/web-contract.js';

export type { Permission, Role };
export type Localized = { 'zh-CN': string; en: string };
export type Page<T> = { items: T[]; nextCursor: string | null };

// ── staff ──
export type Me = z.infer<typeof meView>;
export type StaffMember = z.infer<typeof staffView>;
export type LoginResult = z.infer<typeof loginResult>;
export type RolesMatrix = z.infer<typeof rolesView>;
export type DeadEvent = z.infer<typeof deadEventView>;
export type StaffCreated = z.infer<typeof staffCreated>;
export type StaffCreateInput = z.input<typeof staffCreateInput>;
export type StaffPatch = z.input<typeof staffPatch>;

// ── catalog ──
export type ProductSummary = z.infer<typeof productSummary>;
export type AdminProductSummary = z.infer<typeof adminProductSummary>;
export type ProductDetail = z.infer<typeof productDetail>;
export type ProductInput = z.input<typeof productInput>;
export type ProductDraft = z.input<typeof productDraft>;
export type ProductSave = z.input<typeof productSave>;
export type VariantInput = z.input<typeof variantInput>;
export type Variant = ProductDetail['variants'][number];
export type ProductImage = z.infer<typeof imageSchema>;
export type ProductOption = z.infer<typeof optionSchema>;
export type CategoryNode = z.infer<typeof categoryNode>;
export type CategoryInput = z.input<typeof categoryInput>;
export type Brand = z.infer<typeof brandView>;
export type BrandInput = z.input<typeof brandInput>;
export type ProductStatus = ProductDetail['status'];
export type ImportProductsResult = z.infer<typeof importProductsResult>;

// ── orders ──
export type OrderSummary = z.infer<typeof adminOrderSummaryView>;
export type OrderDetail = z.infer<typeof adminOrderDetailView>;
export type Payment = OrderDetail['payments'][number];
export type Shipment = OrderDetail['shipments'][number];
export type Carrier = z.infer<typeof carrierView>;
export type Refund = z.infer<typeof refundView>;
export type RefundStatus = Refund['status'];
export type OrderLine = OrderDetail['lines'][number];
export type TimelineEntry = OrderDetail['timeline'][number];
export type CancelResult = z.infer<typeof cancelResult>;
export type BulkShipResult = z.infer<typeof bulkShipResult>;

// ── customers ──
export type Customer = z.infer<typeof customerView>;
export type CustomerAddress = z.infer<typeof addressView>;
export type CustomerDetail = z.infer<typeof customerDetail>;
export type CustomerOrder = CustomerDetail['orders']['items'][number];

// ── stock ──
export type Warehouse = z.infer<typeof warehouseView>;
export type StockLine = z.infer<typeof stockLineView>;
export type StockLedgerEntry = z.infer<typeof ledgerView>;

// ── dashboard ──
export type TodayNumbers = z.infer<typeof todayView>;
export type PeriodFigures = TodayNumbers['today'];
export type GmvSeries = z.infer<typeof seriesView>;

// ── audit ──
export type AuditEntry = z.infer<typeof auditEntry>;

// ── settings, shipping methods, sandbox outbox ──
import type { adminSettingsView, settingsPatch } from '../../../src/web-contract.js';
import type { adminShippingMethodView, shippingMethodInput, shippingMethodPatch } from '../../../src/web-contract.js';
export type StoreSettings = z.infer<typeof adminSettingsView>;
export type StoreSettingsPatch = z.input<typeof settingsPatch>;
export type ShippingMethod = z.infer<typeof adminShippingMethodView>;
export type ShippingMethodInput = z.input<typeof shippingMethodInput>;
export type ShippingMethodPatch = z.input<typeof shippingMethodPatch>;
export type OutboxMessage = z.infer<typeof messageView>;
export type Promotion = z.infer<typeof promotionView>;
export type CouponTemplate = z.infer<typeof couponTemplateView>;
export type MemberProgram = z.infer<typeof memberProgramView>;
export type CustomerMembership = z.infer<typeof membershipView> & { history: Array<z.infer<typeof growthEntryView>> };
export type CustomerPoints = z.infer<typeof pointsSummary> & { history: Page<z.infer<typeof pointsEntryView>> };
export type PointsPolicy = z.infer<typeof pointsPolicyView>;

// ── campaigns (活动) ──
// The view schemas keep blocks and channels open (test/bad-input/response-width); the module's TS types close them.
import type { CampaignView, CampaignReport as CampaignReportView, campaignInput } from '../../../src/web-contract.js';
export type Campaign = CampaignView;
export type CampaignBody = z.input<typeof campaignInput>;
export type CampaignBlock = Campaign['blocks'][number];
export type CampaignReport = CampaignReportView;
