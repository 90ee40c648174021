import type { ProductSummary } from '../lib/types';
import { lp, pick } from '../lib/locale';
import { money } from '../lib/format';
import { useLocale } from '../lib/hooks';
import { IMAGE_SIZES, Img } from './Img';
import { FlashBadge } from './FlashBadge';
import type { FlashBadge as Flash } from '../lib/flash';
import { GroupBuyBadge } from './GroupBuyBadge';
import type { GroupBuyBadge as Group } from '../lib/group-buy';

/**
 * A listing's product, with the words of the promotions that take it in (促销标签), its flash
 * sale (秒杀) on now or within a day, and its group buy (拼团), when the loader gave them.
 */
export type CardProduct = ProductSummary & { badges?: string[]; promoPrice?: number | null; flash?: Flash | null; group?: Group | null };

export function ProductCard({ product, eager }: { product: CardProduct; eager?: boolean }) {
  const { locale, t } = useLocale();
  const title = pick(product.title, locale);
  const price = money(product.promoPrice ?? product.priceMin, locale);
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
        {product.badges?.length ? (
          <span className="card-badges">
            {product.badges.map((b) => (
              <span key={b} className="promo-badge">
                {b}
              </span>
            ))}
          </span>
        ) : null}
      </a>
      <p className="card-price">
        {product.priceMax > product.priceMin ? t('product.priceFrom', { price }) : price}
        {product.promoPrice != null ? (
          <s className="muted card-was">
            <span className="sr-only">{t('product.listPrice')} </span>
            {money(product.priceMin, locale)}
          </s>
        ) : null}
        {product.salesCount > 0 ? <span className="muted"> · {t('product.sold', { count: product.salesCount })}</span> : null}
      </p>
      {/* Outside the card's link (a link may not hold another): they lead to the round page and the offer's page. */}
      {product.flash ? <FlashBadge badge={product.flash} /> : null}
      {product.group ? <GroupBuyBadge badge={product.group} /> : null}
    </li>
  );
}

export function ProductGrid({ products, eagerCount = 0 }: { products: CardProduct[]; eagerCount?: number }) {
  return (
    <ul className="grid">
      {products.map((p, i) => (
        <ProductCard key={p.id} product={p} eager={i < eagerCount} />
      ))}
    </ul>
  );
}
