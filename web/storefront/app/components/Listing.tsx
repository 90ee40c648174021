import { useLocation } from 'react-router';
import type { Brand, SearchResult } from '../lib/types';
import type { ListingQuery } from '../lib/listing.server';
import { money } from '../lib/format';
import { pick } from '../lib/locale';
import { useLocale } from '../lib/hooks';
import { ProductGrid } from './ProductCard';
import { Empty } from './Notice';

const PLAIN_SORTS = ['relevance', 'sales', 'newest'] as const;
const PAGE_SIZE = 24;

/** Filters (one GET form, brands by slug), sorts (links), facet counts, results and pages of a category or a search. */
export function Listing(props: { query: ListingQuery; result: SearchResult; brands: Brand[]; action: string }) {
  const { query, result } = props;
  const { locale, t } = useLocale();
  const location = useLocation();
  const brandById = new Map(props.brands.map((b) => [b.id, b]));
  const facetBrands = result.facets.brands.flatMap((f) => {
    const b = brandById.get(f.id);
    return b ? [{ ...b, count: f.count }] : [];
  }).slice(0, 30);
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
  const sortUrl = (sort: string) => {
    const p = new URLSearchParams(location.search);
    p.delete('page');
    p.set('sort', sort);
    return `${location.pathname}?${p}`;
  };
  const priceSort = query.sort === 'price_asc' || query.sort === 'price_desc' ? query.sort : null;
  const active = query.brands.length + (query.min !== '' || query.max !== '' ? 1 : 0) + (query.inStock ? 1 : 0);
  const filtered = active > 0;
  const chosen = (b: Brand) => query.brands.includes(b.slug) || query.brands.includes(b.id);

  return (
    <div className="listing">
      {/* Sorts are links: a tap applies one. On a phone the filters are a sheet opened by the
          "筛选" link (#filters, shown by :target in styles.css), so the products come first. */}
      <div className="listing-bar">
        <nav className="sorts" aria-label={t('listing.sort')}>
          <ul>
            {PLAIN_SORTS.map((s) => (
              <li key={s}>
                <a href={sortUrl(s)} rel="nofollow" aria-current={query.sort === s ? 'true' : undefined}>
                  {t(`listing.sorts.${s}`)}
                </a>
              </li>
            ))}
            {/* Price is one toggle, as in Chinese shops: low to high first, a second tap high to low. */}
            <li>
              <a
                href={sortUrl(query.sort === 'price_asc' ? 'price_desc' : 'price_asc')}
                rel="nofollow"
                aria-current={priceSort ? 'true' : undefined}
                aria-label={t(`listing.priceToggle.${priceSort ?? 'none'}`)}
              >
                {t('listing.price')}
                <span className="sort-arrow" aria-hidden="true">{priceSort === 'price_asc' ? '↑' : priceSort === 'price_desc' ? '↓' : '↕'}</span>
              </a>
            </li>
          </ul>
        </nav>
        <a href="#filters" className="filters-open">
          {t('listing.filters')}
          {filtered ? <span className="count">{active}</span> : null}
        </a>
      </div>
      <a href="#results" className="sheet-backdrop" aria-hidden="true" tabIndex={-1} />
      <form method="get" action={props.action} className="filters" id="filters" aria-label={t('listing.filters')}>
        {query.q ? <input type="hidden" name="q" value={query.q} /> : null}
        <input type="hidden" name="sort" value={query.sort} />
        <div className="sheet-head">
          <h2>{t('listing.filters')}</h2>
          <a href="#results" className="sheet-close">
            {t('listing.closeFilters')}
          </a>
        </div>
        {facetBrands.length ? (
          <fieldset>
            <legend>{t('listing.brand')}</legend>
            <ul className="checks">
              {facetBrands.map((b) => (
                <li key={b.id}>
                  <label>
                    <input type="checkbox" name="brand" value={b.slug} defaultChecked={chosen(b)} /> {pick(b.name, locale)}{' '}
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
        <div className="filter-actions">
          <button type="submit">{t('listing.apply')}</button>
          {filtered ? (
            <a href={`${props.action}?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), sort: query.sort })}`} className="button secondary">
              {t('listing.clear')}
            </a>
          ) : null}
        </div>
      </form>

      <div className="results" id="results">
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
