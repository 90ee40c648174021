import { Link, useLocation, useSearchParams } from 'react-router';
import { lp, otherLocale, pick, unlocalized } from '../lib/locale';
import { useLocale, useShell } from '../lib/hooks';
import { useStoreName } from '../lib/store';

export function Header() {
  const { locale, t } = useLocale();
  const shell = useShell();
  const location = useLocation();
  const [params] = useSearchParams();
  const other = otherLocale(locale);
  const switchTo = lp(other, unlocalized(location.pathname)) + location.search;
  const count = shell?.cartCount ?? 0;
  const storeName = useStoreName(locale);
  return (
    <header className="site-header">
      <a className="skip" href="#main">
        {t('nav.skip')}
      </a>
      <div className="bar">
        <a href={lp(locale, '/')} className="logo" aria-label={storeName}>
          <span aria-hidden="true" className="logo-mark">
            掌
          </span>
          <span className="logo-text">{storeName}</span>
        </a>
        <nav className="actions" aria-label={t('nav.account')}>
          <Link to={lp(locale, '/cart')} className="action" aria-label={count > 0 ? t('nav.cartCount', { count }) : undefined}>
            {t('nav.cart')}
            {count > 0 ? (
              <span className="count" aria-hidden="true">
                {count > 99 ? '99+' : count}
              </span>
            ) : null}
          </Link>
          <Link to={lp(locale, shell?.customer ? '/account' : '/account/login')} className="action">
            {shell?.customer ? t('nav.account') : t('nav.login')}
          </Link>
          <a href={switchTo} className="action" hrefLang={other} lang={other} aria-label={t('nav.languageLabel')}>
            {t('nav.language')}
          </a>
        </nav>
        <form method="get" action={lp(locale, '/search')} role="search" className="search">
          <label htmlFor="site-search" className="sr-only">
            {t('nav.searchLabel')}
          </label>
          <input
            id="site-search"
            name="q"
            type="search"
            list="site-search-suggestions"
            data-suggest=""
            autoComplete="off"
            enterKeyHint="search"
            maxLength={100}
            placeholder={t('nav.searchPlaceholder')}
            defaultValue={unlocalized(location.pathname) === '/search' ? (params.get('q') ?? '') : ''}
            key={location.key}
          />
          <datalist id="site-search-suggestions" />
          <button type="submit">{t('nav.search')}</button>
        </form>
      </div>
      {shell?.categories.length ? (
        <nav className="cats" aria-label={t('nav.categories')}>
          <ul>
            {/* The round page, first in the row as in Chinese shops: it says so itself when no round is on or coming. */}
            <li>
              <a href={lp(locale, '/flash')} className="cats-flash">
                {t('nav.flash')}
              </a>
            </li>
            {shell.categories.map((c) => (
              <li key={c.id}>
                <a href={lp(locale, `/c/${c.slug}`)}>{pick(c.name, locale)}</a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </header>
  );
}

export function Footer() {
  const { t } = useLocale();
  return (
    <footer className="site-footer">
      <p>{t('footer.about')}</p>
      <p>{t('footer.returns')}</p>
      <p>{t('footer.sandbox')}</p>
    </footer>
  );
}
