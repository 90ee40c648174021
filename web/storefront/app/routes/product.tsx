import { data, Form, Link, redirect, useActionData, useLoaderData, useNavigation, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import { apiFor, ApiError, mutatingApiFor, orNull } from '../lib/api.server';
import { cachePage, catalogTags, stockTag } from '../lib/cache.server';
import { SHIPPING_METHODS_TAG } from '../../../../src/web-contract';
import { addToCart } from '../lib/cart.server';
import { CART_ID_COOKIE, readCookie } from '../lib/cookies.server';
import { findCategoryById } from '../lib/categories';
import { calendarDay, money } from '../lib/format';
import { localeOfPath, lp, pick } from '../lib/locale';
import { dictionaries } from '../i18n/dictionaries.server';
import { useLocale } from '../lib/hooks';
import { absoluteImage, breadcrumbLd, metaT, rootDataOf, seo } from '../lib/seo';
import { buyable, maxQuantity, selectedVariant, variantFor, variantLabel } from '../lib/variants';
import { Breadcrumbs } from '../components/Breadcrumbs';
import { Gallery } from '../components/Gallery';
import { Notice } from '../components/Notice';
import { openPlainPage, plainPage } from '../lib/plain-page';
import type { Brand, Category, ShippingMethod, StoreProduct } from '../lib/types';
import { estimatedDelivery, msUntilNextDay } from '../../../../src/web-contract';
import { RichText } from '../components/RichText';
import { badgesFor, promoPriceFor, promotionBadges } from '../lib/badges.server';
import { claimFromProductPage, earlyAccessOf, hasSession, productCoupons } from '../lib/product-coupons.server';
import { ProductCoupons } from '../components/ProductCoupons';
import { FlashBadge } from '../components/FlashBadge';
import { flashBadger } from '../lib/flash.server';
import { groupBadger, groupOffers } from '../lib/group-offers.server';
import { GroupBuyBadge } from '../components/GroupBuyBadge';

type ProductData = Awaited<ReturnType<typeof loadProduct>>;

export async function loader(args: LoaderFunctionArgs) {
  return plainPage(args, await loadProduct(args));
}

async function loadProduct({ request, params, context, url }: LoaderFunctionArgs) {
  const locale = localeOfPath(url.pathname);
  const api = apiFor(context, locale);
  const [product, tree, brands, methods, store, badges, flash, offers] = await Promise.all([
    orNull(api.get<StoreProduct>(`/api/store/products/${encodeURIComponent(params.slug ?? '')}`)),
    api.get<{ items: Category[] }>('/api/store/categories'),
    api.get<{ items: Brand[] }>('/api/store/brands'),
    api.get<{ items: ShippingMethod[] }>('/api/store/shipping-methods'),
    api.get<{ timezone: string }>('/api/store/info'),
    promotionBadges(api, context),
    flashBadger(api, context, locale),
    groupOffers(api, context),
  ]);
  if (!product) throw data(dictionaries[locale].errors.productNotFound, { status: 404 });
  // The coupon block (领券): coupons anyone may claim now that take this product in.
  const coupons = await productCoupons(api, context, product);
  const earlyAccess = await earlyAccessOf(api, context, product, locale, store.timezone);
  const now = context.now();
  // Same tags as the API's own product read: an edit or a stock change evicts this page; the
  // delivery estimates are right until the store's midnight.
  cachePage(
    context,
    [catalogTags.all, catalogTags.product(product.id), ...product.variants.map((v) => stockTag(v.id)), SHIPPING_METHODS_TAG],
    msUntilNextDay(now, store.timezone),
  );
  return {
    deliveries: methods.items.map((m) => ({ id: m.id, name: m.name, by: estimatedDelivery(now, m.deliveryDays, store.timezone) })),
    product,
    path: findCategoryById(tree.items, product.categoryId)?.path ?? [],
    brand: brands.items.find((b) => b.id === product.brandId) ?? null,
    wanted: url.searchParams.get('variant'),
    promotions: badgesFor(badges, product, locale, 4),
    // 直降 running now: each variant's price after it (member prices and thresholds wait for the cart).
    promoPrices: Object.fromEntries(product.variants.flatMap((v) => { const p = promoPriceFor(badges, product, v.price); return p === null ? [] : [[v.id, p] as const]; })),
    earlyAccess,
    coupons,
    // A round on now or within a day (秒杀): told above the price, linking to the round page.
    flash: flash(product.id),
    // An offer on sale (拼团): its lowest group price and team size, linking to the offer's page.
    group: groupBadger(offers)(product.id),
    // Only a signed-in visitor sees "claimed" (an anonymous copy of this URL may be cached).
    claimed: url.searchParams.get('claimed') === '1' && hasSession(request),
    // Only a visitor with a cart sees "added" (an anonymous copy of this URL may be cached).
    added: url.searchParams.get('added') === '1' && readCookie(request, CART_ID_COOKIE) !== undefined,
  };
}

/**
 * Add to cart, then back to the page (post/redirect/get): the page that follows is a plain GET that
 * carries the new cart cookies, so the header's cart count is right and a reload does not add again.
 */
export async function action({ request, context, url }: ActionFunctionArgs) {
  const locale = localeOfPath(url.pathname);
  const form = await request.formData();
  if (form.get('intent') === 'claimCoupon') return claimFromProductPage(context, request, url, locale, String(form.get('templateId') ?? ''));
  const variantId = String(form.get('variantId') ?? '').slice(0, 64);
  const quantity = Math.min(999, Math.max(1, Number.parseInt(String(form.get('quantity') ?? '1'), 10) || 1));
  try {
    const api = await mutatingApiFor(context, request, locale);
    const { setCookie } = await addToCart(api, context, request, variantId, quantity);
    const back = new URLSearchParams({ variant: variantId, added: '1' });
    return redirect(`${url.pathname}?${back}#added`, { headers: setCookie ? { 'set-cookie': setCookie } : undefined });
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    return data({ error: err.message }, { status: err.status >= 500 ? 502 : 422 });
  }
}

export const handle = { hydrate: false };

export const meta: MetaFunction = (args) => {
  if (!args.data) return [];
  const page = openPlainPage<ProductData>(args.data);
  const t = metaT(args);
  const { locale, publicUrl } = rootDataOf(args);
  const { product, path } = page;
  const title = pick(product.title, locale);
  const url = `${publicUrl}${lp(locale, `/p/${product.slug}`)}`;
  const description =
    pick(product.description, locale).slice(0, 160) ||
    pick(product.subtitle, locale) ||
    t('meta.productDescriptionFallback', { title, price: money(product.priceMin, locale) });
  const image = product.images[0]?.url ?? product.image?.url;
  return seo(args, {
    title,
    description,
    path: `/p/${product.slug}`,
    type: 'product',
    image,
    jsonLd: [
      {
        '@context': 'https://schema.org',
        '@type': 'Product',
        name: title,
        description,
        url,
        ...(absoluteImage(publicUrl, image) ? { image: absoluteImage(publicUrl, image) } : {}),
        ...(page.brand ? { brand: { '@type': 'Brand', name: pick(page.brand.name, locale) } } : {}),
        offers: product.variants
          .filter((v) => v.active)
          .map((v) => ({
            '@type': 'Offer',
            price: ((page.promoPrices[v.id] ?? v.price) / 100).toFixed(2),
            priceCurrency: 'CNY',
            availability: v.stock === 'out' ? 'https://schema.org/OutOfStock' : v.stock === 'low' ? 'https://schema.org/LimitedAvailability' : 'https://schema.org/InStock',
            url: `${url}?variant=${v.id}`,
          })),
      },
      breadcrumbLd(publicUrl, [
        { name: t('nav.home'), path: lp(locale, '/') },
        ...path.map((c) => ({ name: pick(c.name, locale), path: lp(locale, `/c/${c.slug}`) })),
        { name: title, path: lp(locale, `/p/${product.slug}`) },
      ]),
    ],
  });
};

export default function ProductPage() {
  const { product, path, brand, wanted, added, deliveries, promotions, promoPrices, coupons, claimed, earlyAccess, flash, group } = openPlainPage<ProductData>(useLoaderData());
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { locale, t } = useLocale();
  const variant = selectedVariant(product, wanted);
  const title = pick(product.title, locale);
  const images = product.images.length ? product.images : product.image ? [product.image] : [];
  const canBuy = variant !== undefined && buyable(variant);
  const here = lp(locale, `/p/${product.slug}`);
  const chosen = variant ? variantLabel(product, variant, locale) : '';
  const promoPrice = variant ? promoPrices[variant.id] : undefined;
  const price = money(promoPrice ?? variant?.price ?? product.priceMin, locale);
  // What the shopper would have paid: the variant's price under a 直降, else its list price.
  const was = promoPrice !== undefined ? variant!.price : variant?.listPrice && variant.listPrice > variant.price ? variant.listPrice : null;

  return (
    <>
      <Breadcrumbs
        crumbs={[
          { name: t('nav.home'), to: lp(locale, '/') },
          ...path.map((c) => ({ name: pick(c.name, locale), to: lp(locale, `/c/${c.slug}`) })),
          { name: title, to: here },
        ]}
      />
      <div className="product">
        <Gallery images={images} title={title} />

        <section className="buy">
          <h1>{title}</h1>
          {product.subtitle ? <p className="subtitle">{pick(product.subtitle, locale)}</p> : null}
          <p className="badges">
            {brand ? <span className="badge">{pick(brand.name, locale)}</span> : null}
            {product.privateLabel ? <span className="badge">{t('product.privateLabel')}</span> : null}
            {product.exclusive ? <span className="badge">{t('product.exclusive')}</span> : null}
            {earlyAccess ? <span className="badge early-access">{t('product.earlyAccess')}</span> : null}
            {product.salesCount > 0 ? <span className="muted">{t('product.sold', { count: product.salesCount })}</span> : null}
          </p>
          {promotions.length ? (
            <p className="promo-badges">
              <span className="sr-only">{t('product.promotions')}: </span>
              {promotions.map((b) => (
                <span key={b} className="promo-badge">
                  {b}
                </span>
              ))}
            </p>
          ) : null}
          {flash ? <FlashBadge badge={flash} className="flash-offer" /> : null}
          {group ? <GroupBuyBadge badge={group} offer /> : null}
          <p className="price">
            <strong>{price}</strong>
            {was !== null ? (
              <s className="muted">
                <span className="sr-only">{t('product.listPrice')} </span>
                {money(was, locale)}
              </s>
            ) : null}
          </p>

          {product.options.map((o) => (
            <fieldset key={o.code} className="option">
              <legend>{pick(o.name, locale)}</legend>
              <ul className="chips">
                {o.values.map((val) => {
                  const target = variantFor(product, variant, o.code, val.code);
                  const selected = variant?.optionValues[o.code] === val.code;
                  const label = pick(val.name, locale);
                  return (
                    <li key={val.code}>
                      {target ? (
                        <a
                          href={`${here}?variant=${target.id}`}
                          className={`chip${selected ? ' selected' : ''}${buyable(target) ? '' : ' out'}`}
                          aria-current={selected ? 'true' : undefined}
                          rel="nofollow"
                        >
                          {label}
                          {buyable(target) ? null : <span className="sr-only"> ({t('product.outOfStock')})</span>}
                        </a>
                      ) : (
                        <span className="chip out" aria-disabled="true">
                          {label}
                        </span>
                      )}
                    </li>
                  );
                })}
              </ul>
            </fieldset>
          ))}

          <p className={`stock${canBuy ? '' : ' out'}`} role="status">
            {!product.inStock
              ? t('product.soldOut')
              : !variant || !variant.active
                ? t('product.unavailable')
                : stockText(variant, t)}
          </p>

          {earlyAccess ? (
            <p className="early-access-note" role="note">
              {t('product.earlyAccessNote', { tiers: earlyAccess.tiers, date: earlyAccess.publicAt })}
            </p>
          ) : null}
          <ProductCoupons coupons={coupons} action={here} claimed={claimed} error={result && 'couponError' in result ? result.couponError : null} />

          {deliveries.length ? (
            <dl className="delivery">
              <dt>{t('product.delivery')}</dt>
              {deliveries.map((d) => (
                <dd key={d.id}>
                  {pick(d.name, locale)} · {t('product.deliveryBy', { date: calendarDay(d.by, locale) })}
                </dd>
              ))}
            </dl>
          ) : null}

          {/* One form, two ways out: 加入购物车 posts to this page; 立即购买 goes to checkout with
              this variant and quantity (a GET: nothing is written, and the cart stays as it is). */}
          <Form method="post" action={`${here}${wanted ? `?variant=${encodeURIComponent(wanted)}` : ''}`} className="add-to-cart" id="buy">
            <input type="hidden" name="variantId" value={variant?.id ?? ''} />
            <div className="field qty">
              <label htmlFor="quantity">{t('product.quantity')}</label>
              <input id="quantity" name="quantity" type="number" inputMode="numeric" min={1} max={maxQuantity(variant)} defaultValue={1} required />
            </div>
            <div className="buy-bar">
              <p className="buy-bar-summary" aria-hidden="true">
                <strong>{price}</strong>
                {chosen ? <span>{chosen}</span> : null}
              </p>
              <button type="submit" className="secondary" disabled={!canBuy || navigation.state === 'submitting'}>
                {canBuy ? t('product.addToCart') : t('product.outOfStock')}
              </button>
              <button type="submit" className="primary" formMethod="get" formAction={lp(locale, '/checkout')} disabled={!canBuy}>
                {t('product.buyNow')}
              </button>
            </div>
          </Form>
          {added && !(result && 'error' in result && result.error) ? (
            <div id="added">
              <Notice kind="success">
                {t('product.added')} <Link to={lp(locale, '/cart')}>{t('product.viewCart')}</Link>
              </Notice>
            </div>
          ) : null}
          {result && 'error' in result && result.error ? <Notice kind="error">{result.error}</Notice> : null}
        </section>
      </div>

      {product.variants.length > 1 ? (
        <section aria-labelledby="variants-heading">
          <h2 id="variants-heading">{t('product.variants')}</h2>
          <div className="table-wrap">
            <table className="variants">
              <thead>
                <tr>
                  <th scope="col">{t('product.variant')}</th>
                  <th scope="col">{t('cart.unitPrice')}</th>
                  <th scope="col">{t('product.stock')}</th>
                </tr>
              </thead>
              <tbody>
                {product.variants
                  .filter((v) => v.active)
                  .map((v) => (
                    <tr key={v.id} aria-current={v.id === variant?.id ? 'true' : undefined}>
                      <th scope="row">
                        <a href={`${here}?variant=${v.id}`} rel="nofollow">
                          {variantLabel(product, v, locale) || title}
                        </a>
                      </th>
                      <td>{money(v.price, locale)}</td>
                      <td>{stockText(v, t)}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {product.description ? (
        <section aria-labelledby="desc-heading" className="description">
          <h2 id="desc-heading">{t('product.description')}</h2>
          <RichText text={pick(product.description, locale)} />
        </section>
      ) : null}

      {product.attributes.length ? (
        <section aria-labelledby="attrs-heading">
          <h2 id="attrs-heading">{t('product.attributes')}</h2>
          <dl className="attributes">
            {product.attributes.map((a, i) => (
              <div key={i}>
                <dt>{pick(a.name, locale)}</dt>
                <dd>{pick(a.value, locale)}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
    </>
  );
}

/** 有货 / 仅剩 N 件 / 缺货: the API tells the level, and the count only when few are left. */
function stockText(v: StoreProduct['variants'][number], t: ReturnType<typeof useLocale>['t']): string {
  if (!v.active || v.stock === 'out') return t('product.outOfStock');
  if (v.stock === 'low' && v.left !== null) return t('product.lowStock', { count: v.left });
  return t('product.inStock');
}
