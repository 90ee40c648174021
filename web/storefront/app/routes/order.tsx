import { useEffect } from 'react';
import {
  data,
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useRevalidator,
  useSearchParams,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from 'react-router';
import { ApiError, apiFor, mutatingApiFor, orNull } from '../lib/api.server';
import { teamPath, type MyGroupBuyTeam } from '../lib/group-buy';
import { dateTime, money } from '../lib/format';
import { storeTimeZone } from '../lib/store-zone.server';
import { localeOfPath, lp, pick } from '../lib/locale';
import { requireCustomer } from '../lib/session.server';
import { optionLabels } from '../lib/cart.server';
import { dictionaries } from '../i18n/dictionaries.server';
import { useLocale } from '../lib/hooks';
import { metaT, seo } from '../lib/seo';
import { Notice } from '../components/Notice';
import { addressLine } from '../components/AddressFields';
import { orderRegion } from '../lib/checkout.server';
import type { OrderDetail, OrderTracking } from '../lib/types';

export const handle = { hydrate: true };

export async function loader({ request, params, context, url }: LoaderFunctionArgs) {
  const locale = localeOfPath(url.pathname);
  await requireCustomer(context, request, url, locale);
  const api = apiFor(context, locale);
  const number = encodeURIComponent(params.number ?? '');
  try {
    const order = await api.get<OrderDetail>(`/api/store/orders/${number}`);
    const [tracking, labels, region, timeZone, team] = await Promise.all([
      order.shippedAt ? api.get<OrderTracking>(`/api/store/orders/${number}/tracking`) : null,
      optionLabels(api, order.lines, locale),
      orderRegion(api, order.shippingAddress, locale),
      storeTimeZone(context, locale),
      // A group-buy order's team (拼团): one lookup by the order's id, 404 (null) for any other order.
      orNull(api.get<MyGroupBuyTeam>(`/api/store/me/group-buys/orders/${order.id}`)),
    ]);
    const group = team ? { href: teamPath(team.team.id), state: team.team.state, seatsLeft: team.team.seatsLeft, closing: team.team.state === 'open' && team.team.msLeft <= 0 } : null;
    return { order, tracking, labels, region, timeZone, group };
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) throw data(dictionaries[locale].errors.notFound, { status: 404 });
    throw err;
  }
}

/** Cancel while unpaid, or confirm receipt once shipped: the API decides whether the move is allowed. */
export async function action({ request, params, context, url }: ActionFunctionArgs) {
  const locale = localeOfPath(url.pathname);
  await requireCustomer(context, request, url, locale);
  const intent = String((await request.formData()).get('intent') ?? '');
  const api = await mutatingApiFor(context, request, locale);
  const number = encodeURIComponent(params.number ?? '');
  try {
    if (intent === 'cancel') await api.post(`/api/store/orders/${number}/cancel`, { reason: 'shopper_cancelled' });
    else if (intent === 'confirm') await api.post(`/api/store/orders/${number}/confirm-receipt`);
    return { error: null };
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    return data({ error: err.message }, { status: 422 });
  }
}

export const meta: MetaFunction<typeof loader> = (args) => {
  const t = metaT(args);
  return seo(args, { title: t('meta.orderTitle', { number: args.data?.order.number ?? '' }), description: t('meta.privateDescription'), noindex: true });
};

/** After the hosted pay page, the callback may land a moment later: look again a few times. */
function useAwaitPayment(waiting: boolean) {
  const revalidator = useRevalidator();
  useEffect(() => {
    if (!waiting) return;
    let tries = 0;
    const timer = setInterval(() => {
      if (++tries > 10) clearInterval(timer);
      else if (revalidator.state === 'idle') void revalidator.revalidate();
    }, 1500);
    return () => clearInterval(timer);
    // The revalidator is a new object on every render: depending on it would restart the countdown each time.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [waiting]);
}

export default function OrderPage() {
  const { order, tracking, labels, region, timeZone, group } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const { locale, t } = useLocale();
  const payment = params.get('payment');
  const pending = order.status === 'pending_payment';
  const lastEvent = order.timeline[order.timeline.length - 1];
  // Back from the pay page with "processing": wait for the callback even if an earlier attempt failed.
  const processing = pending && payment === 'processing';
  const failed = pending && !processing && (payment === 'failed' || lastEvent?.type === 'payment_failed');
  useAwaitPayment(processing);
  const busy = navigation.state !== 'idle';
  const addr = order.shippingAddress;

  return (
    <>
      <h1>{t('order.heading')}</h1>
      {result?.error ? <Notice kind="error">{result.error}</Notice> : null}
      {failed ? <Notice kind="error">{t('order.paymentFailed')}</Notice> : null}
      {processing ? (
        <Notice>
          {t('order.paymentProcessing')} <Link to={`${lp(locale, `/orders/${order.number}`)}?payment=processing`}>{t('order.refresh')}</Link>
        </Notice>
      ) : null}
      {payment === 'processing' && order.paidAt ? <Notice kind="success">{t('order.paymentDone')}</Notice> : null}

      <div className="panel order-status">
        <p>
          {t('order.number')}: <strong>{order.number}</strong>
        </p>
        <p>
          {t('order.status')}: <span className={`status status-${order.status}`}>{t(`orders.status.${order.status}`, { defaultValue: order.status })}</span>
        </p>
        {pending ? <p className="muted">{t('order.payBefore', { time: dateTime(order.paymentDueAt, locale, timeZone) })}</p> : null}
        {group ? (
          <p className="order-group">
            <span>
              {t('order.groupBuy')}: {t(`myGroupBuys.state.${group.closing ? 'closing' : group.state}`)}
              {group.state === 'open' && !group.closing ? ` · ${t('groupBuy.short', { count: group.seatsLeft })}` : ''}
            </span>{' '}
            <Link to={lp(locale, group.href)}>{t('order.viewTeam')}</Link>
          </p>
        ) : null}
        <div className="order-actions">
          {pending ? (
            <Link to={lp(locale, `/orders/${order.number}/pay`)} className="button primary">
              {failed ? t('order.payAgain') : t('order.payNow')}
            </Link>
          ) : null}
          {pending ? (
            <Form
              method="post"
              onSubmit={(e) => {
                if (!window.confirm(t('order.cancelConfirm'))) e.preventDefault();
              }}
            >
              <button type="submit" name="intent" value="cancel" className="secondary" disabled={busy}>
                {t('order.cancel')}
              </button>
            </Form>
          ) : null}
          {order.status === 'shipped' || order.status === 'delivered' ? (
            <Form method="post">
              <button type="submit" name="intent" value="confirm" className="primary" disabled={busy}>
                {t('order.confirmReceipt')}
              </button>
            </Form>
          ) : null}
        </div>
      </div>

      <div className="two-col">
        <div>
          <section className="panel" aria-labelledby="lines-h">
            <h2 id="lines-h">{t('order.lines')}</h2>
            <ul className="mini-lines">
              {order.lines.map((l) => (
                <li key={l.id}>
                  <span>
                    <Link to={lp(locale, `/p/${l.productId}`)}>{pick(l.title, locale)}</Link> <span className="muted">{labels[l.id] || l.sku}</span> × {l.quantity}
                    {l.refundedQuantity > 0 ? <span className="muted"> ({t('order.refunded')} {l.refundedQuantity})</span> : null}
                  </span>
                  <span>{money(l.total, locale)}</span>
                </li>
              ))}
            </ul>
          </section>

          <section className="panel" aria-labelledby="tracking-h">
            <h2 id="tracking-h">{t('order.tracking')}</h2>
            {tracking && tracking.shipments.length ? (
              tracking.shipments.map((s) => (
                <div key={s.id}>
                  <p>
                    {t('order.carrier')}: {pick(s.carrier.name, locale)} · {t('order.trackingNumber')}: {s.trackingNumber}
                  </p>
                  <ol className="timeline">
                    {s.events.map((e, i) => (
                      <li key={i}>
                        <time dateTime={e.at}>{dateTime(e.at, locale, timeZone)}</time>
                        <span>
                          {t(`order.tracking_status.${e.status}`, { defaultValue: e.status })} — {pick(e.description, locale)}
                          {e.location ? ` · ${e.location}` : ''}
                        </span>
                      </li>
                    ))}
                  </ol>
                </div>
              ))
            ) : (
              <p className="muted">{t('order.noTracking')}</p>
            )}
          </section>

          <section className="panel" aria-labelledby="timeline-h">
            <h2 id="timeline-h">{t('order.timeline')}</h2>
            <ol className="timeline">
              {[...order.timeline].reverse().map((e, i) => (
                <li key={i}>
                  <time dateTime={e.at}>{dateTime(e.at, locale, timeZone)}</time>
                  <span>{t(`order.events.${e.type}`, { defaultValue: t('order.events.other') })}</span>
                </li>
              ))}
            </ol>
          </section>
        </div>

        <aside>
          <section className="panel" aria-labelledby="addr-h">
            <h2 id="addr-h">{t('order.address')}</h2>
            <p>
              {addr.recipient} {addr.mobile}
            </p>
            <p>
              {addressLine(region, addr.detail, locale)}
            </p>
            {order.shippingMethodName ? (
              <p className="muted">
                {t('order.shippingMethod')}: {pick(order.shippingMethodName, locale)}
              </p>
            ) : null}
          </section>
          <section className="panel" aria-labelledby="sum-h">
            <h2 id="sum-h">{t('order.summary')}</h2>
            <dl className="summary">
              <div>
                <dt>{t('checkout.goods')}</dt>
                <dd>{money(order.subtotal, locale)}</dd>
              </div>
              {order.discountTotal > 0 ? (
                <div>
                  <dt>{t('checkout.discount')}</dt>
                  <dd>−{money(order.discountTotal, locale)}</dd>
                </div>
              ) : null}
              <div>
                <dt>{t('checkout.shippingFee')}</dt>
                <dd>{money(order.shippingFee - order.shippingDiscount, locale)}</dd>
              </div>
              <div className="total">
                <dt>{t('checkout.total')}</dt>
                <dd>{money(order.total, locale)}</dd>
              </div>
              {order.paidAmount > 0 ? (
                <div>
                  <dt>{t('order.paid')}</dt>
                  <dd>{money(order.paidAmount, locale)}</dd>
                </div>
              ) : null}
              {order.refundedAmount > 0 ? (
                <div>
                  <dt>{t('order.refunded')}</dt>
                  <dd>{money(order.refundedAmount, locale)}</dd>
                </div>
              ) : null}
            </dl>
          </section>
        </aside>
      </div>
    </>
  );
}
