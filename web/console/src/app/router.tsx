import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { createBrowserRouter, Navigate, useLocation } from 'react-router';
import { Shell } from './Shell';
import { useSession } from './session';
import SignInScreen from '../screens/sign-in/SignInScreen';
import { NotFound } from '../components/ErrorState';
import { Loading } from '../components/Loading';

// One chunk per screen: ECharts, for instance, is loaded only by the home screen.
const screens = {
  home: lazy(() => import('../screens/home/HomeScreen')),
  products: lazy(() => import('../screens/products/ProductListScreen')),
  productEdit: lazy(() => import('../screens/products/ProductEditScreen')),
  categories: lazy(() => import('../screens/categories/CategoriesScreen')),
  brands: lazy(() => import('../screens/brands/BrandsScreen')),
  stock: lazy(() => import('../screens/stock/StockScreen')),
  orders: lazy(() => import('../screens/orders/OrderListScreen')),
  orderDetail: lazy(() => import('../screens/orders/OrderDetailScreen')),
  packingSlip: lazy(() => import('../screens/orders/PackingSlipScreen')),
  bulkShip: lazy(() => import('../screens/bulk-ship/BulkShipScreen')),
  refunds: lazy(() => import('../screens/refunds/RefundsScreen')),
  customers: lazy(() => import('../screens/customers/CustomerListScreen')),
  customerDetail: lazy(() => import('../screens/customers/CustomerDetailScreen')),
  staff: lazy(() => import('../screens/staff/StaffScreen')),
  roles: lazy(() => import('../screens/staff/RolesScreen')),
  audit: lazy(() => import('../screens/audit/AuditScreen')),
  events: lazy(() => import('../screens/events/DeadEventsScreen')),
  settings: lazy(() => import('../screens/settings/SettingsScreen')),
  campaigns: lazy(() => import('../screens/marketing/CampaignsScreen')),
  campaignEdit: lazy(() => import('../screens/marketing/CampaignEditScreen')),
  campaignReport: lazy(() => import('../screens/marketing/CampaignReportScreen')),
  promotions: lazy(() => import('../screens/marketing/PromotionsScreen')),
  flashSales: lazy(() => import('../screens/marketing/FlashSalesScreen')),
  groupBuys: lazy(() => import('../screens/marketing/GroupBuysScreen')),
  coupons: lazy(() => import('../screens/marketing/CouponsScreen')),
  loyalty: lazy(() => import('../screens/marketing/LoyaltyScreen')),
  referral: lazy(() => import('../screens/marketing/ReferralScreen')),
};

const loading = <Loading />;
const screen = (C: LazyExoticComponent<ComponentType>) => (
  <Suspense fallback={loading}>
    <C />
  </Suspense>
);

/** Signed-out visitors go to sign-in and come back to where they were headed. */
function RequireSession({ children }: { children: React.ReactNode }) {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return loading;
  if (state.status === 'signedOut') {
    const next = `${location.pathname}${location.search}`;
    const query = new URLSearchParams({ ...(next !== '/' ? { next } : {}), ...(state.expired ? { expired: '1' } : {}) });
    return <Navigate to={`/sign-in${query.size ? `?${query}` : ''}`} replace />;
  }
  return <>{children}</>;
}

export const router = createBrowserRouter(
  [
    { path: '/sign-in', element: <SignInScreen /> },
    // The packing slip is printed: it has no menu or header around it.
    { path: '/orders/:ref/packing-slip', element: <RequireSession>{screen(screens.packingSlip)}</RequireSession> },
    {
      path: '/',
      element: (
        <RequireSession>
          <Shell />
        </RequireSession>
      ),
      children: [
        { index: true, element: screen(screens.home) },
        { path: 'products', element: screen(screens.products) },
        { path: 'products/new', element: screen(screens.productEdit) },
        { path: 'products/:id', element: screen(screens.productEdit) },
        { path: 'categories', element: screen(screens.categories) },
        { path: 'brands', element: screen(screens.brands) },
        { path: 'marketing/campaigns', element: screen(screens.campaigns) },
        { path: 'marketing/campaigns/new', element: screen(screens.campaignEdit) },
        { path: 'marketing/campaigns/:id', element: screen(screens.campaignEdit) },
        { path: 'marketing/campaigns/:id/report', element: screen(screens.campaignReport) },
        { path: 'marketing/promotions', element: screen(screens.promotions) },
        { path: 'marketing/flash-sales', element: screen(screens.flashSales) },
        { path: 'marketing/group-buys', element: screen(screens.groupBuys) },
        { path: 'marketing/coupons', element: screen(screens.coupons) },
        { path: 'marketing/loyalty', element: screen(screens.loyalty) },
        { path: 'marketing/referral', element: screen(screens.referral) },
        { path: 'stock', element: screen(screens.stock) },
        { path: 'orders', element: screen(screens.orders) },
        { path: 'orders/bulk-ship', element: screen(screens.bulkShip) },
        { path: 'orders/:ref', element: screen(screens.orderDetail) },
        { path: 'refunds', element: screen(screens.refunds) },
        { path: 'customers', element: screen(screens.customers) },
        { path: 'customers/:id', element: screen(screens.customerDetail) },
        { path: 'staff', element: screen(screens.staff) },
        { path: 'roles', element: screen(screens.roles) },
        { path: 'audit', element: screen(screens.audit) },
        { path: 'events', element: screen(screens.events) },
        { path: 'settings', element: screen(screens.settings) },
        { path: '*', element: <NotFound /> },
      ],
    },
  ],
  { basename: '/admin' },
);
