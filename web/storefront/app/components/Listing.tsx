import { useLocation } from 'react-router';
import type { Brand, SearchResult } from '../lib/types';
import type { ListingQuery } from '../lib/listing.server';
import { money } from '../lib/format';
import { pick } from '../lib/locale';
import { useLocale } from '../lib/hooks';
import { ProductGrid } from './ProductCard';
import { Empty } from './Notice';

const SORTS = ['relevance', 'sales', 'newest', 'price_asc', 'price_desc'] as const;
const PAGE_SIZE = 24;

/** Filters, sorts, facet counts, results and pages of a category or a search: one GET form. */
export function Listing(props: { query: ListingQuery; result: SearchResult; brands: Brand[]; action: string }) {
  const { query, result } = props;
  const { locale, t } = useLocale();
  const location = useLocation();
  const brandName = new Map(props.brands.map((b) => [b.id, pick(b.name, locale)]));
  const facetBrands = result.facets.brands.filter((b) => brandName.has(b.id)).slice(0, 30);
  const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  const pageUrl = (page: number) => {
    const p = new URLSearchParams(location.search);
    if (page > 1) p.set('page', String(page));
    else p.delete('page');
    const s = p.toString();
    return `${location.pathname}${s ? `?${s}` : ''}`;
  };
  const bandUrl = (min: number, max: number | null) => {
    const p = new URLSearchParams(location.search);
    p.delete('page');
    p.set('min', String(min / 100));
    if (max === null) p.delete('max');
    else p.set('max', String(max / 100));
    return `${location.pathname}?${p}`;
  };
  const filtered = query.brands.length > 0 || query.min !== '' || query.max !== '' || query.inStock;

  return (
    <div className="listing">
      <form method="get" action={props.action} className="filters" aria-label={t('listing.filters')}>
        {query.q ? <input type="hidden" name="q" value={query.q} /> : null}
        <div className="field">
          <label htmlFor="sort">{t('listing.sort')}</label>
          <select id="sort" name="sort" defaultValue={query.sort}>
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`listing.sorts.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <details className="filter-group" open={filtered || undefined}>
          <summary>{t('listing.filters')}</summary>
          {facetBrands.length ? (
            <fieldset>
              <legend>{t('listing.brand')}</legend>
              <ul className="checks">
                {facetBrands.map((b) => (
                  <li key={b.id}>
                    <label>
                      <input type="checkbox" name="brand" value={b.id} defaultChecked={query.brands.includes(b.id)} /> {brandName.get(b.id)}{' '}
                      <span className="muted">({b.count})</span>
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
          ) : null}
          <fieldset>
            <legend>{t('listing.price')}</legend>
            {result.facets.priceBands.length ? (
              <ul className="bands">
                {result.facets.priceBands.filter((b) => b.count > 0).map((b) => (
                  <li key={b.min}>
                    <a href={bandUrl(b.min, b.max)} rel="nofollow">
                      {money(b.min, locale)} – {b.max === null ? '' : money(b.max, locale)}
                    </a>{' '}
                    <span className="muted">({b.count})</span>
                  </li>
                ))}
              </ul>
            ) : null}
            <div className="price-range">
              <div className="field">
                <label htmlFor="min">{t('listing.priceMin')}</label>
                <input id="min" name="min" inputMode="decimal" pattern="\d{1,7}(\.\d{1,2})?" defaultValue={query.min} size={7} />
              </div>
              <div className="field">
                <label htmlFor="max">{t('listing.priceMax')}</label>
                <input id="max" name="max" inputMode="decimal" pattern="\d{1,7}(\.\d{1,2})?" defaultValue={query.max} size={7} />
              </div>
            </div>
          </fieldset>
          <label className="check">
            <input type="checkbox" name="inStock" value="1" defaultChecked={query.inStock} /> {t('listing.inStockCount', { count: result.facets.inStock })}
          </label>
        </details>
        <div className="filter-actions">
          <button type="submit">{t('listing.apply')}</button>
          {filtered ? (
            <a href={query.q ? `${props.action}?q=${encodeURIComponent(query.q)}` : props.action} className="button secondary">
              {t('listing.clear')}
            </a>
          ) : null}
        </div>
      </form>

      <div className="results">
        <p className="muted" role="status">
          {t('listing.results', { count: result.total })}
        </p>
        {result.items.length ? (
          <ProductGrid products={result.items} eagerCount={2} />
        ) : (
          <Empty title={t('listing.empty')} hint={t('listing.emptyHint')} />
        )}
        {pages > 1 ? (
          <nav className="pager" aria-label={t('listing.pagination')}>
            {query.page > 1 ? (
              <a href={pageUrl(query.page - 1)} rel="prev" className="button secondary">
                {t('listing.prev')}
              </a>
            ) : (
              <span />
            )}
            <span>{t('listing.page', { page: query.page, pages })}</span>
            {query.page < pages ? (
              <a href={pageUrl(query.page + 1)} rel="next" className="button secondary">
                {t('listing.next')}
              </a>
            ) : (
              <span />
            )}
          </nav>
        ) : null}
      </div>
    </div>
  );
}
