import { isRouteErrorResponse, Link, Outlet, useRouteError, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import { Footer, Header } from '../components/Header';
import { apiFor } from '../lib/api.server';
import { catalogTags, tagPage } from '../lib/cache.server';
import { readCartCount } from '../lib/cart.server';
import { localeOfPath, lp } from '../lib/locale';
import { currentCustomer } from '../lib/session.server';
import { useLocale } from '../lib/hooks';
import { metaT, seo } from '../lib/seo';
import { plainPage, type PlainPageData } from '../lib/plain-page';
import type { Category, Customer } from '../lib/types';

export interface ShellData {
  categories: Array<Pick<Category, 'id' | 'slug' | 'name'>>;
  customer: Pick<Customer, 'id' | 'name' | 'email' | 'mobile'> | null;
  cartCount: number;
}

/** The frame of every page in one language: header (categories, cart size, account), footer. */
export async function loader({ request, context, url, pattern }: LoaderFunctionArgs): Promise<PlainPageData<ShellData>> {
  const locale = localeOfPath(url.pathname);
  const api = apiFor(context, locale);
  const [tree, customer, cartCount] = await Promise.all([
    api.get<{ items: Category[] }>('/api/store/categories'),
    currentCustomer(context, request, locale),
    readCartCount(api, request),
  ]);
  tagPage(context, [catalogTags.all]);
  return plainPage({ context, pattern }, {
    categories: tree.items.map((c) => ({ id: c.id, slug: c.slug, name: c.name })),
    customer: customer ? { id: customer.id, name: customer.name, email: customer.email, mobile: customer.mobile } : null,
    cartCount,
  });
}

/** Only used when a page below failed (its own meta is then not rendered). */
export const meta: MetaFunction = (args) => {
  const t = metaT(args);
  const notFound = isRouteErrorResponse(args.error) && args.error.status === 404;
  return seo(args, { title: t(notFound ? 'meta.notFoundTitle' : 'meta.errorTitle'), description: t('meta.homeDescription'), noindex: true });
};

export default function Shell() {
  return (
    <>
      <Header />
      <main id="main" className="page">
        <Outlet />
      </main>
      <Footer />
    </>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { locale, t } = useLocale();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message = isRouteErrorResponse(error) && typeof error.data === 'string' ? error.data : null;
  return (
    <>
      <Header />
      <main id="main" className="page error-page">
        <h1>{status === 404 ? (message ?? t('errors.notFound')) : t('errors.generic')}</h1>
        <p className="muted">{status === 404 ? t('errors.notFoundText') : t('errors.genericText')}</p>
        <p>
          <Link className="button" to={lp(locale, '/')}>
            {t('errors.backHome')}
          </Link>
        </p>
      </main>
      <Footer />
    </>
  );
}
