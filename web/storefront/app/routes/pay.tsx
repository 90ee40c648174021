import { useEffect, useState } from 'react';
import { data, Form, Link, redirect, redirectDocument, useActionData, useLoaderData, useNavigation, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import { ApiError, apiFor, mutatingApiFor } from '../lib/api.server';
import { countdown, money } from '../lib/format';
import { localeOfPath, lp, pick } from '../lib/locale';
import { requireCustomer } from '../lib/session.server';
import { dictionaries } from '../i18n/dictionaries.server';
import { useLocale } from '../lib/hooks';
import { metaT, seo } from '../lib/seo';
import { Notice } from '../components/Notice';
import type { OrderDetail, Payment } from '../lib/types';

export const handle = { hydrate: true };
const METHODS = ['alipay', 'wechat', 'card'] as const;

async function loadOrder({ request, context, url }: Pick<LoaderFunctionArgs, 'request' | 'context' | 'url'>, number: string) {
  const locale = localeOfPath(url.pathname);
  await requireCustomer(context, request, url, locale);
  try {
    return { locale, order: await apiFor(context, locale).get<OrderDetail>(`/api/store/orders/${encodeURIComponent(number)}`) };
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) throw data(dictionaries[locale].errors.notFound, { status: 404 });
    throw err;
  }
}

export async function loader(args: LoaderFunctionArgs) {
  const { locale, order } = await loadOrder(args, args.params.number ?? '');
  if (order.status !== 'pending_payment') throw redirect(lp(locale, `/orders/${order.number}`));
  // Seconds left, measured on the server: the browser's clock may be wrong.
  const secondsLeft = Math.max(0, Math.floor((Date.parse(order.paymentDueAt) - Date.now()) / 1000));
  return { order, secondsLeft };
}

/** Starts a payment with the provider and sends the shopper to its hosted page, which sends them back. */
export async function action(args: ActionFunctionArgs) {
  const { request, context } = args;
  const { locale, order } = await loadOrder(args, args.params.number ?? '');
  const form = await request.formData();
  const method = String(form.get('method') ?? 'alipay');
  try {
    const api = await mutatingApiFor(context, request, locale);
    const payment = await api.post<Payment>(`/api/store/orders/${encodeURIComponent(order.id)}/payments`, {
      method: (METHODS as readonly string[]).includes(method) ? method : 'alipay',
    });
    // A path when PUBLIC_URL is unset (the sandbox page on the host the shopper is browsing), else an address.
    const relative = payment.payUrl.startsWith('/');
    const url = new URL(payment.payUrl, 'http://relative.invalid');
    url.searchParams.set('lang', locale);
    // A document redirect: the provider's page is not one of ours, even when it is served on our origin.
    return redirectDocument(relative ? url.pathname + url.search : url.toString());
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    return data({ error: err.message }, { status: 422 });
  }
}

export const meta: MetaFunction = (args) => {
  const t = metaT(args);
  return seo(args, { title: t('meta.payTitle'), description: t('meta.privateDescription'), noindex: true });
};

/** Counts down from the server's figure; at zero the page says so (the order's timeout job cancels it). */
function useCountdown(seconds: number): number {
  const [left, setLeft] = useState(seconds);
  useEffect(() => {
    const started = Date.now();
    setLeft(seconds);
    const timer = setInterval(() => setLeft(Math.max(0, seconds - Math.floor((Date.now() - started) / 1000))), 1000);
    return () => clearInterval(timer);
  }, [seconds]);
  return left;
}

export default function PayPage() {
  const { order, secondsLeft } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { locale, t } = useLocale();
  const left = useCountdown(secondsLeft);
  return (
    <div className="narrow">
      <h1>{t('pay.heading')}</h1>
      {result?.error ? <Notice kind="error">{result.error}</Notice> : null}
      <dl className="summary panel">
        <div>
          <dt>{t('pay.order')}</dt>
          <dd>
            <Link to={lp(locale, `/orders/${order.number}`)}>{order.number}</Link>
          </dd>
        </div>
        {/* What is being paid for: a flash sale's order shows its flash price here, and the fee beside it. */}
        {order.lines.map((l) => (
          <div key={l.id}>
            <dt>
              {pick(l.title, locale)} × {l.quantity}
            </dt>
            <dd>{money(l.total, locale)}</dd>
          </div>
        ))}
        {order.shippingFee - order.shippingDiscount > 0 ? (
          <div>
            <dt>{t('checkout.shippingFee')}</dt>
            <dd>{money(order.shippingFee - order.shippingDiscount, locale)}</dd>
          </div>
        ) : null}
        <div className="total">
          <dt>{t('pay.amount')}</dt>
          <dd>{money(order.total, locale)}</dd>
        </div>
        <div>
          <dt>{t('pay.timeLeft')}</dt>
          <dd>
            <time className="countdown" aria-live="off">
              {countdown(left)}
            </time>
          </dd>
        </div>
      </dl>
      {left <= 0 ? (
        <Notice kind="error">{t('pay.expired')}</Notice>
      ) : (
        <Form method="post" className="panel">
          <fieldset>
            <legend>{t('pay.method')}</legend>
            <ul className="choices">
              {METHODS.map((m, i) => (
                <li key={m}>
                  <label className="choice">
                    <input type="radio" name="method" value={m} defaultChecked={i === 0} /> {t(`pay.methods.${m}`)}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <p className="muted">{t('pay.redirectNote')}</p>
          <button type="submit" className="primary block" disabled={navigation.state !== 'idle'}>
            {t('pay.submit')} {money(order.total, locale)}
          </button>
        </Form>
      )}
    </div>
  );
}
