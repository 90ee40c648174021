import { Link, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import { apiFor } from '../lib/api.server';
import { storeTimeZone } from '../lib/store-zone.server';
import { dateTime, money } from '../lib/format';
import { localeOfPath, lp, pick } from '../lib/locale';
import { requireCustomer } from '../lib/session.server';
import { useLocale } from '../lib/hooks';
import { metaT, seo } from '../lib/seo';
import { Empty } from '../components/Notice';
import { thumbnailImage } from '../components/Img';
import type { OrderSummary, Page } from '../lib/types';
import { ORDER_TABS, isOrderTab, type OrderTab } from '../../../../src/web-contract';

export const handle = { hydrate: true };

/** ?tab= picks a tab of the list (the API groups statuses into tabs, and counts them the same way). */
export async function loader({ request, context, url }: LoaderFunctionArgs) {
  const locale = localeOfPath(url.pathname);
  await requireCustomer(context, request, url, locale);
  const asked = url.searchParams.get('tab');
  const tab: OrderTab = isOrderTab(asked) ? asked : 'all';
  const cursor = url.searchParams.get('cursor') ?? undefined;
  const api = apiFor(context, locale);
  const [page, { counts }, timeZone] = await Promise.all([
    api.get<Page<OrderSummary>>('/api/store/orders', { tab: tab === 'all' ? undefined : tab, cursor, limit: 10 }),
    api.get<{ counts: Record<OrderTab, number> }>('/api/store/orders/tab-counts'),
    storeTimeZone(context, locale),
  ]);
  return { ...page, tab, counts, timeZone };
}

export const meta: MetaFunction = (args) => {
  const t = metaT(args);
  return seo(args, { title: t('meta.ordersTitle'), description: t('meta.privateDescription'), noindex: true });
};

export default function OrdersPage() {
  const { items, nextCursor, tab, counts, timeZone } = useLoaderData<typeof loader>();
  const { locale, t } = useLocale();
  const base = lp(locale, '/orders');
  const hrefOf = (s: OrderTab) => (s === 'all' ? base : `${base}?tab=${s}`);
  return (
    <>
      <h1>{t('orders.heading')}</h1>
      <nav aria-label={t('orders.tabs')}>
        <ul className="chips tabs">
          {ORDER_TABS.map((s) => (
            <li key={s}>
              <Link to={hrefOf(s)} className={`chip${tab === s ? ' selected' : ''}`} aria-current={tab === s ? 'page' : undefined} data-tab={s}>
                {t(`orders.tab.${s}`)}
                <span className="tab-count">{counts[s]}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {items.length === 0 ? (
        <Empty title={t('orders.empty')}>
          <Link to={lp(locale, '/')} className="button primary">
            {t('cart.continue')}
          </Link>
        </Empty>
      ) : (
        <ul className="order-list">
          {items.map((o) => (
            <li key={o.id} className="panel order-card">
              <div className="order-head">
                <span className="muted">
                  {t('orders.placedAt')} {dateTime(o.placedAt, locale, timeZone)}
                </span>
                <span className={`status status-${o.status}`}>{t(`orders.status.${o.status}`, { defaultValue: o.status })}</span>
              </div>
              <div className="order-body">
                {o.firstLine?.image ? <img src={o.firstLine.image} {...thumbnailImage(o.firstLine.image, 64)} width={64} height={64} alt="" loading="lazy" decoding="async" /> : null}
                <div>
                  <p>{pick(o.firstLine?.title, locale)}</p>
                  <p className="muted">
                    {t('orders.itemCount', { count: o.itemCount })} · {t('orders.total')} {money(o.total, locale)}
                  </p>
                </div>
              </div>
              <div className="order-actions">
                {o.status === 'pending_payment' ? (
                  <Link to={lp(locale, `/orders/${o.number}/pay`)} className="button primary">
                    {t('order.payNow')}
                  </Link>
                ) : null}
                <Link to={lp(locale, `/orders/${o.number}`)} className="button secondary">
                  {t('orders.view')}
                  <span className="sr-only"> {o.number}</span>
                </Link>
              </div>
            </li>
          ))}
        </ul>
      )}
      {nextCursor ? (
        <p>
          <Link to={`${hrefOf(tab)}${tab === 'all' ? '?' : '&'}cursor=${encodeURIComponent(nextCursor)}`} className="button secondary">
            {t('orders.more')}
          </Link>
        </p>
      ) : null}
    </>
  );
}
