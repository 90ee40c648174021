import type { ProductSummary } from '../lib/types';
import { lp, pick } from '../lib/locale';
import { money } from '../lib/format';
import { useLocale } from '../lib/hooks';
import { IMAGE_SIZES, Img } from './Img';

export function ProductCard({ product, eager }: { product: ProductSummary; eager?: boolean }) {
  const { locale, t } = useLocale();
  const title = pick(product.title, locale);
  const price = money(product.priceMin, locale);
  return (
    <li className="card">
      {/* A plain link: cards appear only on browsing pages, which are not hydrated (a Link costs a route resolution per card). */}
      {/* The picture is decorative inside the link: the title names it, so its alt is empty (a
          repeated title is read twice by a screen reader, and Lighthouse flags image-redundant-alt). */}
      <a href={lp(locale, `/p/${product.slug}`)} className="card-link">
        {product.image ? (
          <Img src={product.image.url} width={product.image.width} height={product.image.height} alt="" eager={eager} sizes={IMAGE_SIZES.card} />
        ) : (
          <span className="img-placeholder" aria-hidden="true" />
        )}
        <span className="card-title">{title}</span>
      </a>
      <p className="card-price">
        {product.priceMax > product.priceMin ? t('product.priceFrom', { price }) : price}
        {product.salesCount > 0 ? <span className="muted"> · {t('product.sold', { count: product.salesCount })}</span> : null}
      </p>
    </li>
  );
}

export function ProductGrid({ products, eagerCount = 0 }: { products: ProductSummary[]; eagerCount?: number }) {
  return (
    <ul className="grid">
      {products.map((p, i) => (
        <ProductCard key={p.id} product={p} eager={i < eagerCount} />
      ))}
    </ul>
  );
}
