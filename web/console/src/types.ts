/**
 * The admin API's shapes, inferred from the server's own Zod schemas (type-only imports: nothing
 * of the server reaches the bundle). Where a route keeps its response schema private, the type is
 * built from the exported pieces the route itself extends, so a change there still shows up here.
 */
import type { z } from 'zod';
import type { meView, staffView, rolesView, deadEventView, staffCreated, staffCreateInput, staffPatch } from '../../../src/modules/staff/types.js';
import type { Permission, Role } from '../../../src/modules/staff/permissions.js';
import type {
  productSummary, productDetail, productInput, variantInput, categoryNode, brandView, brandInput, categoryInput, imageSchema, optionSchema,
} from '../../../src/modules/catalog/types.js';
import type { orderSummaryView, orderDetailView } from '../../../src/modules/orders/views.js';
import type { adminShipmentView, carrierView } from '../../../src/modules/fulfilment/views.js';
import type { refundView } from '../../../src/modules/after-sales/views.js';
import type { customerView, addressView } from '../../../src/modules/customers/types.js';

export type { Permission, Role };
export type Localized = { 'zh-CN': string; en: string };
export type Page<T> = { items: T[]; nextCursor: string | null };

// ── staff ──
export type Me = z.infer<typeof meView>;
export type StaffMember = z.infer<typeof staffView>;
export type LoginResult = { token: string; csrfToken: string; staff: StaffMember };
export type RolesMatrix = z.infer<typeof rolesView>;
export type DeadEvent = z.infer<typeof deadEventView>;
export type StaffCreated = z.infer<typeof staffCreated>;
export type StaffCreateInput = z.input<typeof staffCreateInput>;
export type StaffPatch = z.input<typeof staffPatch>;

// ── catalog ──
export type ProductSummary = z.infer<typeof productSummary>;
export type ProductDetail = z.infer<typeof productDetail>;
export type ProductInput = z.input<typeof productInput>;
export type VariantInput = z.input<typeof variantInput>;
export type Variant = ProductDetail['variants'][number];
export type ProductImage = z.infer<typeof imageSchema>;
export type ProductOption = z.infer<typeof optionSchema>;
export type CategoryNode = z.infer<typeof categoryNode>;
export type CategoryInput = z.input<typeof categoryInput>;
export type Brand = z.infer<typeof brandView>;
export type BrandInput = z.input<typeof brandInput>;
export type ProductStatus = ProductDetail['status'];
export type ImportProductsResult = {
  created: number; updated: number; unchanged: number; products: { created: number; updated: number };
};

// ── orders (adminListOrders / adminGetOrder extend these views with staff-only fields) ──
export type Payment = {
  id: string; provider: string; method: string; amount: number; currency: string;
  status: string; failureReason: string | null; createdAt: string; completedAt: string | null;
};
export type Shipment = z.infer<typeof adminShipmentView>;
export type Carrier = z.infer<typeof carrierView>;
export type Refund = z.infer<typeof refundView>;
export type RefundStatus = Refund['status'];
export type OrderSummary = z.infer<typeof orderSummaryView> & {
  customerId: string; paidAmount: number; refundedAmount: number; paidAt: string | null; shippedAt: string | null;
  recipient: string; mobile: string; channel: string | null;
};
export type OrderDetail = z.infer<typeof orderDetailView> & {
  channel: string | null; allowedEvents: string[]; payments: Payment[]; shipments: Shipment[]; refunds: Refund[];
};
export type OrderLine = OrderDetail['lines'][number];
export type TimelineEntry = OrderDetail['timeline'][number];
export type CancelResult = { outcome: 'cancelled' | 'refunded' | 'refund_requested'; order: { id: string; number: string; status: string }; refund: Refund | null };
export type BulkShipResult = {
  shipped: number; skipped: number;
  rows: Array<{ row: number; orderNumber: string; carrier: string; trackingNumber: string; result: 'shipped' | 'skipped'; code: string | null; reason: string | null; shipmentId: string | null }>;
};

// ── customers ──
export type Customer = z.infer<typeof customerView>;
export type CustomerAddress = z.infer<typeof addressView>;
export type CustomerOrder = {
  id: string; number: string; status: string; currency: string; total: number; paidAmount: number; refundedAmount: number;
  itemCount: number; channel: string | null; placedAt: string; paidAt: string | null;
};
export type CustomerDetail = Customer & {
  addresses: CustomerAddress[];
  stats: { orderCount: number; paidOrderCount: number; totalSpent: number; currency: string };
  orders: Page<CustomerOrder>;
};

// ── stock ──
export type Warehouse = { id: string; code: string; name: Localized; isDefault: boolean; active: boolean; createdAt: string };
export type StockLine = {
  variantId: string; productId: string | null; sku: string | null; title: Localized | null;
  warehouseId: string; warehouseCode: string; warehouseName: Localized;
  onHand: number; reserved: number; available: number; updatedAt: string;
};
export type StockLedgerEntry = {
  id: number; variantId: string; warehouseId: string; deltaOnHand: number; deltaReserved: number; onHandAfter: number; reservedAfter: number;
  reason: string; refType: string | null; refId: string | null; note: string | null; staffId: string | null; at: string;
};

// ── dashboard ──
export type PeriodFigures = {
  date: string; from: string; to: string; gmv: number; paidOrders: number; aov: number | null; newCustomers: number;
  refunds: { amount: number; count: number };
};
type Changes = { gmv: number | null; paidOrders: number | null; aov: number | null; newCustomers: number | null };
export type TodayNumbers = {
  timezone: string; currency: string; asOf: string;
  today: PeriodFigures; yesterday: PeriodFigures; yesterdaySoFar: PeriodFigures;
  change: { vsYesterdaySoFar: Changes; vsYesterday: Changes };
};
export type GmvSeries = { timezone: string; currency: string; days: Array<{ date: string; gmv: number; paidOrders: number; aov: number | null }> };

// ── audit ──
export type AuditEntry = {
  id: string; staffId: string; staffEmail: string; action: string; entityType: string; entityId: string;
  before: unknown; after: unknown; at: string; ip: string | null;
};

// ── settings, shipping methods, sandbox outbox ──
import type { settingsView, settingsPatch } from '../../../src/modules/settings/types.js';
import type { adminShippingMethodView, shippingMethodInput, shippingMethodPatch } from '../../../src/modules/checkout/types.js';
export type StoreSettings = z.infer<typeof settingsView>;
export type StoreSettingsPatch = z.input<typeof settingsPatch>;
export type ShippingMethod = z.infer<typeof adminShippingMethodView>;
export type ShippingMethodInput = z.input<typeof shippingMethodInput>;
export type ShippingMethodPatch = z.input<typeof shippingMethodPatch>;
export type OutboxMessage = { id: string; channel: 'email' | 'sms'; to: string; subject: string; body: string; locale: 'zh-CN' | 'en'; createdAt: string };
