import { Link, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import { apiFor } from '../lib/api.server';
import { dateTime, money } from '../lib/format';
import { localeOfPath, lp, pick } from '../lib/locale';
import { requireCustomer } from '../lib/session.server';
import { useLocale } from '../lib/hooks';
import { metaT, seo } from '../lib/seo';
import { Empty } from '../components/Notice';
import { thumbnailImage } from '../components/Img';
import type { OrderSummary, Page } from '../lib/types';

export const handle = { hydrate: true };
const STATUSES = ['pending_payment', 'paid', 'shipped', 'completed', 'cancelled'] as const;

export async function loader({ request, context, url }: LoaderFunctionArgs) {
  const locale = localeOfPath(url.pathname);
  await requireCustomer(context, request, url, locale);
  const status = (STATUSES as readonly string[]).includes(url.searchParams.get('status') ?? '') ? url.searchParams.get('status')! : undefined;
  const cursor = url.searchParams.get('cursor') ?? undefined;
  const page = await apiFor(context, locale).get<Page<OrderSummary>>('/api/store/orders', { status, cursor, limit: 10 });
  return { ...page, status: status ?? null };
}

export const meta: MetaFunction = (args) => {
  const t = metaT(args);
  return seo(args, { title: t('meta.ordersTitle'), description: t('meta.privateDescription'), noindex: true });
};

export default function OrdersPage() {
  const { items, nextCursor, status } = useLoaderData<typeof loader>();
  const { locale, t } = useLocale();
  const base = lp(locale, '/orders');
  const tab = (s: string | null) => (s ? `${base}?status=${s}` : base);
  return (
    <>
      <h1>{t('orders.heading')}</h1>
      <nav aria-label={t('orders.tabs')}>
        <ul className="chips tabs">
          {[null, ...STATUSES].map((s) => (
            <li key={s ?? 'all'}>
              <Link to={tab(s)} className={`chip${status === s ? ' selected' : ''}`} aria-current={status === s ? 'page' : undefined}>
                {s ? t(`orders.status.${s}`) : t('orders.all')}
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
                  {t('orders.placedAt')} {dateTime(o.placedAt, locale)}
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
          <Link to={`${tab(status)}${status ? '&' : '?'}cursor=${encodeURIComponent(nextCursor)}`} className="button secondary">
            {t('orders.more')}
          </Link>
        </p>
      ) : null}
    </>
  );
}
