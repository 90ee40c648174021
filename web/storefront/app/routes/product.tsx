import { data, Form, Link, redirect, useActionData, useLoaderData, useNavigation, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import { apiFor, ApiError, mutatingApiFor, orNull } from '../lib/api.server';
import { cachePage, catalogTags, stockTag } from '../lib/cache.server';
import { addToCart } from '../lib/cart.server';
import { CART_ID_COOKIE, readCookie } from '../lib/cookies.server';
import { findCategoryById } from '../lib/categories';
import { money } from '../lib/format';
import { localeOfPath, lp, pick } from '../lib/locale';
import { dictionaries } from '../i18n/dictionaries.server';
import { useLocale } from '../lib/hooks';
import { absoluteImage, breadcrumbLd, metaT, rootDataOf, seo } from '../lib/seo';
import { buyable, selectedVariant, variantFor, variantLabel } from '../lib/variants';
import { Breadcrumbs } from '../components/Breadcrumbs';
import { IMAGE_SIZES, Img, responsiveImage } from '../components/Img';
import { Notice } from '../components/Notice';
import { openPlainPage, plainPage } from '../lib/plain-page';
import type { Brand, Category, StoreProduct } from '../lib/types';
import { RichText } from '../components/RichText';

type ProductData = Awaited<ReturnType<typeof loadProduct>>;

export async function loader(args: LoaderFunctionArgs) {
  return plainPage(args, await loadProduct(args));
}

async function loadProduct({ request, params, context, url }: LoaderFunctionArgs) {
  const locale = localeOfPath(url.pathname);
  const api = apiFor(context, locale);
  const [product, tree, brands] = await Promise.all([
    orNull(api.get<StoreProduct>(`/api/store/products/${encodeURIComponent(params.slug ?? '')}`)),
    api.get<{ items: Category[] }>('/api/store/categories'),
    api.get<{ items: Brand[] }>('/api/store/brands'),
  ]);
  if (!product) throw data(dictionaries[locale].errors.productNotFound, { status: 404 });
  // Same tags as the API's own product read: an edit or a stock change evicts this page.
  cachePage(context, [catalogTags.all, catalogTags.product(product.id), ...product.variants.map((v) => stockTag(v.id))]);
  return {
    product,
    path: findCategoryById(tree.items, product.categoryId)?.path ?? [],
    brand: brands.items.find((b) => b.id === product.brandId) ?? null,
    wanted: url.searchParams.get('variant'),
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
  const variantId = String(form.get('variantId') ?? '');
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
        sku: product.variants[0]?.sku,
        url,
        ...(absoluteImage(publicUrl, image) ? { image: absoluteImage(publicUrl, image) } : {}),
        ...(page.brand ? { brand: { '@type': 'Brand', name: pick(page.brand.name, locale) } } : {}),
        offers: product.variants
          .filter((v) => v.active)
          .map((v) => ({
            '@type': 'Offer',
            sku: v.sku,
            price: (v.price / 100).toFixed(2),
            priceCurrency: 'CNY',
            availability: v.available > 0 ? 'https://schema.org/InStock' : 'https://schema.org/OutOfStock',
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
  const { product, path, brand, wanted, added } = openPlainPage<ProductData>(useLoaderData());
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { locale, t } = useLocale();
  const variant = selectedVariant(product, wanted);
  const title = pick(product.title, locale);
  const images = product.images.length ? product.images : product.image ? [product.image] : [];
  const canBuy = variant !== undefined && buyable(variant);
  const here = lp(locale, `/p/${product.slug}`);

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
        <section className="gallery" aria-label={t('product.gallery')}>
          <ul className="gallery-track">
            {images.map((img, i) => (
              <li key={img.url + i} id={`image-${i + 1}`}>
                <Img src={img.url} width={img.width} height={img.height} alt={pick(img.alt, locale) || title} eager={i === 0} sizes={IMAGE_SIZES.gallery} />
              </li>
            ))}
          </ul>
          {images.length > 1 ? (
            <ol className="gallery-thumbs">
              {images.map((img, i) => (
                <li key={img.url + i}>
                  <a href={`#image-${i + 1}`} aria-label={t('product.imageOf', { n: i + 1 })}>
                    <Img src={img.url} width={64} height={Math.round((64 * img.height) / img.width)} alt="" srcSet={responsiveImage(img, IMAGE_SIZES.thumb)?.srcSet} sizes={IMAGE_SIZES.thumb} />
                  </a>
                </li>
              ))}
            </ol>
          ) : null}
        </section>

        <section className="buy">
          <h1>{title}</h1>
          {product.subtitle ? <p className="subtitle">{pick(product.subtitle, locale)}</p> : null}
          <p className="badges">
            {brand ? <span className="badge">{pick(brand.name, locale)}</span> : null}
            {product.privateLabel ? <span className="badge">{t('product.privateLabel')}</span> : null}
            {product.exclusive ? <span className="badge">{t('product.exclusive')}</span> : null}
            {product.salesCount > 0 ? <span className="muted">{t('product.sold', { count: product.salesCount })}</span> : null}
          </p>
          <p className="price">
            <strong>{money(variant?.price ?? product.priceMin, locale)}</strong>
            {variant?.listPrice && variant.listPrice > variant.price ? (
              <s className="muted">
                <span className="sr-only">{t('product.listPrice')} </span>
                {money(variant.listPrice, locale)}
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
                : variant.available <= 0
                  ? t('product.outOfStock')
                  : variant.available <= 5
                    ? t('product.lowStock', { count: variant.available })
                    : t('product.inStock', { count: variant.available })}
          </p>

          <Form method="post" action={`${here}${wanted ? `?variant=${encodeURIComponent(wanted)}` : ''}`} className="add-to-cart">
            <input type="hidden" name="variantId" value={variant?.id ?? ''} />
            <div className="field qty">
              <label htmlFor="quantity">{t('product.quantity')}</label>
              <input id="quantity" name="quantity" type="number" inputMode="numeric" min={1} max={Math.max(1, Math.min(99, variant?.available ?? 1))} defaultValue={1} required />
            </div>
            <button type="submit" className="primary" disabled={!canBuy || navigation.state === 'submitting'}>
              {canBuy ? t('product.addToCart') : t('product.outOfStock')}
            </button>
          </Form>
          {added && !result?.error ? (
            <div id="added">
              <Notice kind="success">
                {t('product.added')} <Link to={lp(locale, '/cart')}>{t('product.viewCart')}</Link>
              </Notice>
            </div>
          ) : null}
          {result?.error ? <Notice kind="error">{result.error}</Notice> : null}
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
                  <th scope="col">{t('product.sku')}</th>
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
                          {variantLabel(product, v, locale) || v.sku}
                        </a>
                      </th>
                      <td>{v.sku}</td>
                      <td>{money(v.price, locale)}</td>
                      <td>{v.available > 0 ? v.available : t('product.outOfStock')}</td>
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
