import { sql } from 'drizzle-orm';
import type { Kernel } from './platform/kernel.js';
import { createHttpServer } from './platform/http/server.js';
import { CatalogService, catalogStoreRoutes, registerCatalogConsumers } from './modules/catalog/index.js';
import { InventoryService, registerInventoryConsumers, stockTag } from './modules/inventory/index.js';
import { CartService, cartAccessOf, cartStoreRoutes, type CartPricer } from './modules/cart/index.js';
import { CheckoutParticipants, CheckoutService, ShippingMethods, offersOf, checkoutStoreRoutes, registerCheckoutJobs, shippingAdminRoutes } from './modules/checkout/index.js';
import { OrderService, orderStoreRoutes, registerOrderJobs } from './modules/orders/index.js';
import {
  CouponDistribution,
  CouponService,
  MembershipService,
  PointsService,
  PromotionService,
  couponAdminRoutes,
  couponStoreRoutes,
  couponsParticipant,
  membershipAdminRoutes,
  membershipParticipant,
  membershipStoreRoutes,
  pointsAdminRoutes,
  pointsParticipant,
  pointsStoreRoutes,
  promotionAdminRoutes,
  promotionStoreRoutes,
  promotionsParticipant,
  registerCouponConsumers,
  registerMarketingJobs,
  registerMembershipConsumers,
  CampaignService,
  FlashSaleService,
  flashGateFor,
  flashSaleAdminRoutes,
  flashSaleStoreRoutes,
  flashSaleEarlyAnswers,
  flashSaleParticipant,
  registerFlashSaleConsumers,
  GroupBuyService,
  GROUP_BUY_ACTOR,
  groupBuyAdminRoutes,
  groupBuyStoreRoutes,
  groupBuyParticipant,
  registerGroupBuyJobs,
  campaignAdminRoutes,
  campaignStoreRoutes,
  registerCampaignConsumers,
  registerPointsConsumers,
  ReferralService,
  referralAdminRoutes,
  referralStoreRoutes,
  registerReferralConsumers,
} from './modules/marketing/index.js';
import { PaymentService, SandboxCallbacks, SandboxProvider, paymentStoreRoutes, sandboxPayRoutes, registerPaymentConsumers } from './modules/payments/index.js';
import { MessagesService, messagesAdminRoutes } from './modules/messages/index.js';
import { StoreSettingsService, settingsAdminRoutes, settingsStoreRoutes } from './modules/settings/index.js';
import { CustomersService, customerAuthHook, customerStoreRoutes } from './modules/customers/index.js';
import { StaffService, staffAdminRoutes, staffAuthHook, trackAdminOperations } from './modules/staff/index.js';
import { AuditService, auditAdminRoutes } from './modules/audit/index.js';
import { catalogAdminRoutes } from './modules/catalog/routes.admin.js';
import { inventoryAdminRoutes } from './modules/inventory/routes.admin.js';
import { customerAdminRoutes } from './modules/customers/routes.admin.js';
import { AnalyticsService, analyticsAdminRoutes } from './modules/analytics/index.js';
import { FulfilmentService, fulfilmentAdminRoutes, fulfilmentStoreRoutes, registerFulfilmentJobs, toAdminShipment } from './modules/fulfilment/index.js';
import { AfterSalesService, afterSalesAdminRoutes, toRefundView } from './modules/after-sales/index.js';
import { orderAdminRoutes } from './modules/orders/routes.admin.js';
import { SearchService, searchStoreRoutes } from './modules/search/index.js';
import { MediaService, mediaAdminRoutes, mediaPublicRoutes } from './modules/media/index.js';
import { VERSION } from './version.js';
import { credentialed } from './platform/http/credentialed.js';
import { registerRetention } from './platform/jobs/retention.js';
import { auditTargetReader } from './audit-targets.js';

/**
 * The composition root: builds every module's service on the kernel, wires consumers and jobs,
 * and mounts each module's routes as an encapsulated Fastify plugin under its prefix.
 */
export function createServices(k: Kernel) {
  const catalog = new CatalogService(k);
  const inventory = new InventoryService(k);
  const search = new SearchService(k, catalog, inventory);
  const carts = new CartService(k, catalog);
  const orders = new OrderService(k, inventory);
  const shipping = new ShippingMethods(k);
  const checkout = new CheckoutService(k, carts, inventory, orders, shipping, new CheckoutParticipants(k));
  // Marketing joins checkout as participants: checkout and orders never import it (decision 0034).
  const promotions = new PromotionService(k, catalog);
  checkout.participants.register(promotionsParticipant(promotions));
  const coupons = new CouponService(k);
  checkout.participants.register(couponsParticipant(coupons));
  const points = new PointsService(k);
  checkout.participants.register(pointsParticipant(points));
  const membership = new MembershipService(k, points, coupons);
  checkout.participants.register(membershipParticipant(membership));
  points.useMultiplier((customerId) => membership.multiplierOf(customerId));
  const payments = new PaymentService(k, orders);
  const sandbox = new SandboxProvider(k.secrets.paymentSandbox, k.config.publicUrlSet ? k.config.publicUrl : '');
  if (k.config.paymentSandboxEnabled) payments.addProvider(sandbox);
  const sandboxCallbacks = new SandboxCallbacks(k, sandbox);
  const media = new MediaService(k);
  const storeSettings = new StoreSettingsService(k, { imageOf: (id) => media.image(id) });
  const messages = new MessagesService(k);
  const customers = new CustomersService(k, messages, (locale) => storeSettings.name(locale));
  const staff = new StaffService(k);
  const audit = new AuditService(k);
  const fulfilment = new FulfilmentService(k, orders, inventory);
  const afterSales = new AfterSalesService(k, orders, payments, inventory);
  // Referral reads customers and orders through their services (never their tables).
  const referral = new ReferralService(k, points, coupons, {
    profile: async (id) => {
      const c = await customers.getCustomer(id);
      return c && { createdAt: new Date(c.createdAt), email: c.email, mobile: c.mobile, name: c.name };
    },
    addresses: (id) => customers.addresses.list(id),
    shippingAddressOf: async (orderId) => (await orders.get(orderId).catch(() => null))?.shippingAddress ?? null,
  });
  const campaigns = new CampaignService(k, { catalog, coupons, promotions, imageOf: (id) => media.image(id) });
  // A win becomes an order through checkout; flash sales reach addresses and checkout through these ports.
  const flashSales = new FlashSaleService(k, catalog, inventory, flashGateFor(k.config), {
    addressIds: async (id) => (await customers.addresses.list(id)).map((a) => a.id),
    withAddress: (ids) => customers.addresses.owners(ids),
    shippingAddress: (customerId, addressId) => customers.addresses.shippingAddress(customerId, addressId),
    shippingMethodId: async () => (await shipping.list())[0].id,
    placeOrder: (customerId, input) => checkout.placeOrder(customerId, input),
  });
  checkout.participants.register(flashSaleParticipant(flashSales.orders));
  // Group buys reach addresses, checkout, refunds and cancels through these ports (decision 0041).
  const groupBuys = new GroupBuyService(k, catalog, {
    shippingAddress: (customerId, addressId) => customers.addresses.shippingAddress(customerId, addressId),
    shippingMethodId: async () => (await shipping.list())[0].id,
    placeOrder: (customerId, input) => checkout.placeOrder(customerId, input),
    refundOrder: async (orderId, reason) => void (await afterSales.refundNow(orderId, { reason }, GROUP_BUY_ACTOR)),
    // Only an order still unpaid: one whose money just landed is refunded as a late payment when its event arrives.
    cancelOrder: async (orderId, reason) => {
      if ((await orders.get(orderId)).status === 'pending_payment') await orders.cancel(orderId, { by: 'timeout', actor: 'system' }, reason);
    },
    amountsOf: (ids) => orders.amountsOf(ids),
    holdShipping: (orderId, hold) => orders.holdShipping(orderId, hold),
    profiles: async (ids) => {
      const found = await Promise.all(ids.map(async (id) => [id, await customers.getCustomer(id)] as const));
      return new Map(found.flatMap(([id, c]) => (c ? [[id, { name: c.name, mobile: c.mobile, email: c.email }] as const] : [])));
    },
  });
  checkout.participants.register(groupBuyParticipant(groupBuys));
  const couponDistribution = new CouponDistribution(k, coupons, {
    byContacts: (contacts) => customers.idsByContacts(contacts),
    customersExist: (ids) => customers.existingIds(ids),
    byTier: (tier, limit) => membership.customerIdsInTier(tier, limit),
  });

  // A guest's cart joins the shopper's own when they sign in or register (same transaction as the session).
  customers.onSignIn(async ({ customerId, req }) => {
    const { token } = cartAccessOf(req);
    if (token) await carts.mergeGuestCartByToken(customerId, token);
    // The shopper's tier, read once here so pricing their orders costs no statement for it.
    await membership.tierCode(customerId);
    // The browser, for the referral guard's same-device check.
    await referral.noteDevice(customerId, customers.guard.deviceOf(req));
  });

  registerCatalogConsumers(k, catalog);
  registerInventoryConsumers(k, inventory);
  registerOrderJobs(k, orders);
  registerPaymentConsumers(k, payments);
  registerFulfilmentJobs(k, fulfilment);
  registerCheckoutJobs(k, checkout);
  registerMarketingJobs(k, coupons, points, membership, referral);
  registerReferralConsumers(k, referral);
  registerPointsConsumers(k, points);
  registerMembershipConsumers(k, membership);
  registerCampaignConsumers(k, campaigns);
  registerCouponConsumers(k, couponDistribution);
  registerFlashSaleConsumers(k, flashSales);
  registerGroupBuyJobs(k, groupBuys);
  registerRetention(k);

  return { catalog, search, inventory, carts, orders, shipping, checkout, promotions, coupons, couponDistribution, points, membership, payments, sandbox, sandboxCallbacks, messages, customers, staff, audit, fulfilment, afterSales, storeSettings, media, campaigns, referral, flashSales, groupBuys };
}

export type Services = ReturnType<typeof createServices>;

/** Data every store needs before its first request (idempotent). */
export async function ensureStoreDefaults(k: Kernel, s: Services): Promise<void> {
  await k.db.transaction(async () => {
    await s.inventory.ensureDefaultWarehouse();
    await s.shipping.ensureDefaults();
  });
}

export async function createApp(k: Kernel, services: Services = createServices(k)) {
  const s = services;
  await ensureStoreDefaults(k, s);
  await s.orders.numbers.warm(); // this process's worker number for order numbers, leased once
  await k.outbox.start(); // consumers seen for the first time start where they asked (docs/events.md)
  await s.flashSales.reloadAll(); // the flash gate from the claim ledger: a crash or an emptied Redis loses no unit
  const app = await createHttpServer({
    logger: k.log,
    requestLogLevel: k.config.logFormat === 'json' ? 'info' : 'debug',
    bodyLimit: k.config.bodyLimitBytes,
    trustProxy: k.config.trustProxy,
    // Without PUBLIC_URL the docs page's "try it" calls the host it was opened at.
    publicUrl: k.config.publicUrlSet ? k.config.publicUrl : '/',
    version: VERSION,
    metrics: { allow: k.config.metricsAllow, token: k.config.metricsToken },
  });
  app.decorateRequest('customer', null);
  // Before signing anyone in: a flash-sale attempt whose answer is already known (sold out, not started) is answered at once.
  app.addHook('onRequest', flashSaleEarlyAnswers(s.flashSales));
  app.addHook('onRequest', credentialed(customerAuthHook(k, s.customers)));
  app.decorateRequest('staff', null);
  app.addHook('onRequest', credentialed(staffAuthHook(k, s.staff)));
  app.addHook('onRoute', trackAdminOperations);

  app.addHook('onClose', async () => {
    await s.customers.close();
    await s.staff.close();
    await s.flashSales.close();
  });

  // Without PUBLIC_URL the store has no address it knows it can reach itself at (it may listen on a
  // LAN address only): the sandbox provider then calls back in-process rather than over the network.
  if (!k.config.publicUrlSet) {
    s.sandboxCallbacks.transport = async (body, headers) =>
      (await app.inject({ method: 'POST', url: '/api/store/payments/webhook/sandbox', headers, payload: body })).statusCode;
  }

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    try {
      await k.db.q.execute(sql`select 1`);
      return { status: 'ready', database: k.db.kind };
    } catch {
      return reply.code(503).send({ status: 'unavailable' });
    }
  });

  const availability = {
    read: (ids: string[]) => s.inventory.availability(ids),
    tags: (ids: string[]) => ids.map(stockTag),
    inStock: () => s.inventory.variantsInStock(),
  };
  const pricer: CartPricer = async (lines, q, customerId) => {
    const method = q.shippingMethodId ? await s.checkout.shippingMethod(q.shippingMethodId) : null;
    const priced = await s.checkout.quote(lines, method, q.province, { customerId, couponCodes: q.coupons, points: q.points });
    return { quote: priced?.quote ?? null, offers: offersOf(priced) };
  };
  const addressOf = {
    saved: (customerId: string, addressId: string) => s.customers.addresses.shippingAddress(customerId, addressId),
    typed: <A extends { provinceCode: string; cityCode: string; districtCode: string }>(a: A) => s.customers.addresses.typedShippingAddress(a),
  };

  await app.register(catalogStoreRoutes(k, s.catalog, availability), { prefix: '/api/store' });
  await app.register(searchStoreRoutes(s.search, k.cache, k.secrets.session), { prefix: '/api/store' });
  await app.register(cartStoreRoutes(k, s.carts, pricer), { prefix: '/api/store' });
  await app.register(checkoutStoreRoutes(k, s.checkout, s.carts, s.orders, addressOf), { prefix: '/api/store' });
  await app.register(orderStoreRoutes(k, s.orders), { prefix: '/api/store' });
  await app.register(fulfilmentStoreRoutes(s.fulfilment), { prefix: '/api/store' });
  await app.register(paymentStoreRoutes(k, s.payments), { prefix: '/api/store' });
  await app.register(customerStoreRoutes(k, s.customers), { prefix: '/api/store' });
  await app.register(settingsStoreRoutes(k, s.storeSettings), { prefix: '/api/store' });
  if (k.config.paymentSandboxEnabled) await app.register(sandboxPayRoutes(k, s.payments, s.orders, s.sandboxCallbacks));
  await app.register(staffAdminRoutes(k, s.staff, s.audit), { prefix: '/api/admin' });
  await app.register(auditAdminRoutes(s.audit, auditTargetReader(s)), { prefix: '/api/admin' });
  await app.register(catalogAdminRoutes(k, s.catalog, s.audit, availability), { prefix: '/api/admin' });
  await app.register(mediaAdminRoutes(k, s.media, s.audit), { prefix: '/api/admin' });
  await app.register(mediaPublicRoutes(s.media)); // /media/<id>[/<width>.webp]
  await app.register(fulfilmentAdminRoutes(k, s.fulfilment, s.audit), { prefix: '/api/admin' });
  await app.register(afterSalesAdminRoutes(k, s.afterSales, s.audit), { prefix: '/api/admin' });
  const orderSections = {
    payments: (id: string) => s.payments.listForOrder(id),
    shipments: async (id: string) => (await s.fulfilment.shipmentsOf(id)).map(toAdminShipment),
    refunds: async (id: string) => (await s.afterSales.listForOrder(id)).map(toRefundView),
    productOptions: async (ids: string[]) => new Map([...(await s.catalog.productNames(ids))].map(([id, p]) => [id, p.options])),
  };
  await app.register(orderAdminRoutes(k, s.orders, orderSections), { prefix: '/api/admin' });
  await app.register(inventoryAdminRoutes(k, s.inventory, s.catalog, s.audit), { prefix: '/api/admin' });
  await app.register(customerAdminRoutes(s.customers, s.orders), { prefix: '/api/admin' });
  await app.register(analyticsAdminRoutes(new AnalyticsService(k, s.orders, s.customers)), { prefix: '/api/admin' });
  await app.register(settingsAdminRoutes(k, s.storeSettings, s.audit, () => s.payments.sandboxStatus()), { prefix: '/api/admin' });
  await app.register(shippingAdminRoutes(k, s.shipping, s.audit), { prefix: '/api/admin' });
  await app.register(promotionAdminRoutes(k, s.promotions, s.audit), { prefix: '/api/admin' });
  await app.register(promotionStoreRoutes(s.promotions), { prefix: '/api/store' });
  await app.register(couponAdminRoutes(k, s.coupons, s.couponDistribution, s.audit), { prefix: '/api/admin' });
  await app.register(couponStoreRoutes(k, s.coupons, s.couponDistribution), { prefix: '/api/store' });
  await app.register(pointsAdminRoutes(k, s.points, s.audit, async (id) => (await s.customers.getCustomer(id)) !== null), { prefix: '/api/admin' });
  await app.register(pointsStoreRoutes(k, s.points), { prefix: '/api/store' });
  await app.register(membershipAdminRoutes(k, s.membership, s.audit, async (id) => (await s.customers.getCustomer(id)) !== null), { prefix: '/api/admin' });
  await app.register(membershipStoreRoutes(k, s.membership), { prefix: '/api/store' });
  await app.register(referralAdminRoutes(k, s.referral, s.audit), { prefix: '/api/admin' });
  await app.register(referralStoreRoutes(k, s.referral, (req) => s.customers.guard.deviceOf(req)), { prefix: '/api/store' });
  await app.register(campaignAdminRoutes(k, s.campaigns, s.audit), { prefix: '/api/admin' });
  await app.register(campaignStoreRoutes(s.campaigns), { prefix: '/api/store' });
  await app.register(flashSaleAdminRoutes(k, s.flashSales, s.audit), { prefix: '/api/admin' });
  await app.register(flashSaleStoreRoutes(k, s.flashSales), { prefix: '/api/store' });
  await app.register(groupBuyAdminRoutes(k, s.groupBuys, s.audit), { prefix: '/api/admin' });
  await app.register(groupBuyStoreRoutes(s.groupBuys), { prefix: '/api/store' });
  await app.register(messagesAdminRoutes(s.messages), { prefix: '/api/admin' });
  await app.register((await import('./web/console/index.js')).consoleWebRoutes()); // the operations console at /admin (web/console)
  await app.register((await import('./web/storefront/index.js')).storefront(k, app)); // the storefront at / (web/storefront)

  return { app, services };
}
