import { data, Form, Link, useActionData, useLoaderData, useNavigation, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import { ApiError, apiFor, mutatingApiFor } from '../lib/api.server';
import { optionLabels, readCart } from '../lib/cart.server';
import { CART_ID_COOKIE, readCookie } from '../lib/cookies.server';
import { money } from '../lib/format';
import { localeOfPath, lp, pick } from '../lib/locale';
import { useLocale, useShell } from '../lib/hooks';
import { metaT, seo } from '../lib/seo';
import { Empty, Notice } from '../components/Notice';
import { PriceSummary } from '../components/PriceSummary';
import { Offers } from '../components/Offers';
import { thumbnailImage } from '../components/Img';

export const handle = { hydrate: true };

export async function loader({ request, context, url }: LoaderFunctionArgs) {
  const locale = localeOfPath(url.pathname);
  const api = apiFor(context, locale);
  const { cart, setCookie } = await readCart(api, request, context.publicUrl);
  return data({ cart, labels: await optionLabels(api, cart?.items ?? [], locale) }, { headers: setCookie ? { 'set-cookie': setCookie } : undefined });
}

/** Quantity changes and removals; each form names its item, so they work without JavaScript. */
export async function action({ request, context, url }: ActionFunctionArgs) {
  const locale = localeOfPath(url.pathname);
  const form = await request.formData();
  const cartId = readCookie(request, CART_ID_COOKIE);
  const itemId = String(form.get('itemId') ?? '');
  if (!cartId || !itemId) return data({ error: null }, { status: 400 });
  const api = await mutatingApiFor(context, request, locale);
  const path = `/api/store/carts/${encodeURIComponent(cartId)}/items/${encodeURIComponent(itemId)}`;
  try {
    if (form.get('intent') === 'remove') await api.delete(path);
    else await api.patch(path, { quantity: Math.max(0, Math.min(999, Number.parseInt(String(form.get('quantity') ?? '1'), 10) || 0)) });
    return { error: null };
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    return data({ error: err.message }, { status: 422 });
  }
}

export const meta: MetaFunction = (args) => {
  const t = metaT(args);
  return seo(args, { title: t('meta.cartTitle'), description: t('meta.privateDescription'), noindex: true });
};

export default function CartPage() {
  const { cart, labels } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { locale, t } = useLocale();
  const shell = useShell();
  const busy = navigation.state !== 'idle';
  const items = cart?.items ?? [];

  if (!cart || items.length === 0) {
    return (
      <>
        <h1>{t('cart.heading')}</h1>
        <Empty title={t('cart.empty')} hint={t('cart.emptyHint')}>
          <Link to={lp(locale, '/')} className="button primary">
            {t('cart.continue')}
          </Link>
        </Empty>
      </>
    );
  }
  return (
    <>
      <h1>{t('cart.heading')}</h1>
      {result?.error ? <Notice kind="error">{result.error}</Notice> : null}
      <div className="two-col">
        <ul className="lines" aria-busy={busy}>
          {items.map((item) => {
            const title = pick(item.title, locale) || item.sku || '';
            return (
              <li key={item.id} className={`line${item.available ? '' : ' unavailable'}`}>
                {item.image ? <img src={item.image} {...thumbnailImage(item.image, 72)} width={72} height={72} alt="" loading="lazy" decoding="async" /> : <span className="thumb" />}
                <div className="line-main">
                  {item.productId ? (
                    <Link to={lp(locale, `/p/${item.productId}`)} className="line-title">
                      {title}
                    </Link>
                  ) : (
                    <span className="line-title">{title}</span>
                  )}
                  <span className="muted">{labels[item.id]}</span>
                  {item.available ? (
                    <span>{item.unitPrice !== null ? money(item.unitPrice, locale) : ''}</span>
                  ) : (
                    <span className="error-text">{t('cart.unavailable')}</span>
                  )}
                  <div className="line-actions">
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="itemId" value={item.id} />
                      <label htmlFor={`qty-${item.id}`} className="sr-only">
                        {t('cart.quantity')}
                      </label>
                      <input id={`qty-${item.id}`} name="quantity" type="number" inputMode="numeric" min={0} max={999} defaultValue={item.quantity} key={item.quantity} />
                      <button type="submit" name="intent" value="update" className="secondary" disabled={busy}>
                        {t('cart.update')}
                      </button>
                    </Form>
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="itemId" value={item.id} />
                      <button type="submit" name="intent" value="remove" className="link-button" aria-label={t('cart.removeItem', { title })} disabled={busy}>
                        {t('cart.remove')}
                      </button>
                    </Form>
                  </div>
                </div>
              </li>
            );
          })}
        </ul>
        <aside className="panel">
          <Offers offers={cart.offers} />
          {cart.quote ? <PriceSummary quote={cart.quote as never} shippingKnown={false} /> : null}
          <Link to={lp(locale, '/checkout')} className="button primary block">
            {shell?.customer ? t('cart.checkout') : t('cart.loginToCheckout')}
          </Link>
          <Link to={lp(locale, '/')} className="button secondary block">
            {t('cart.continue')}
          </Link>
        </aside>
      </div>
    </>
  );
}
