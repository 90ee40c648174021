import type { ReactNode } from 'react';
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useMatches,
  useRouteError,
  useRouteLoaderData,
  type LoaderFunctionArgs,
} from 'react-router';
import './lib/context';
import stylesheet from './styles.css?url';
import { LocaleContext, pageLocale } from './lib/hooks';
import { dictionaries } from './i18n/dictionaries.server';
import { INLINE_STYLES } from './lib/styles.server';
import { htmlLang, localeOfPath } from './lib/locale';
import { ENHANCE_SCRIPT } from './lib/enhance';
import type { RootData } from './lib/seo';
import { hydrates, openPlainPage, plainPage, type PlainPageData } from './lib/plain-page';
import { readStoreInfo, storeNameOf } from './lib/store.server';
import { useNonce } from './lib/nonce';

/**
 * The stylesheet is not in `links`: the layout writes it. A plain page (no scripts) carries it
 * inline — ~13 KB, ~3 KB compressed — so its first paint waits for no request (Lighthouse counted
 * the render-blocking stylesheet at 70–370 ms on a phone); a page that hydrates links the file,
 * which the browser keeps across its client navigations.
 */
interface RootLoaderData extends RootData {
  /** Plain pages only: the stylesheet's text, in the loader's ServerOnly box (never serialized). */
  inlineStyles?: string;
}

export async function loader({ context, url, pattern }: LoaderFunctionArgs): Promise<PlainPageData<RootLoaderData>> {
  const locale = localeOfPath(url.pathname);
  // Importing the server dictionaries provides both languages to i18nFor (see i18n/index.ts).
  if (!dictionaries[locale]) throw new Error(`no dictionary for ${locale}`);
  const plain = context.document && !context.hydrates(pattern);
  const storeName = storeNameOf(await readStoreInfo(context, locale), locale);
  return plainPage({ context, pattern }, { locale, publicUrl: context.publicUrl, storeName, inlineStyles: plain ? INLINE_STYLES : undefined });
}

// The language switch reloads the document, so the dictionary never changes under a page.
export const shouldRevalidate = () => false;

const ICON = `data:image/svg+xml,${encodeURIComponent("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'><rect width='32' height='32' rx='6' fill='#b4231c'/><text x='16' y='23' font-size='18' text-anchor='middle' fill='#fff'>掌</text></svg>")}`;

export function Layout({ children }: { children: ReactNode }) {
  const root = openPlainPage<RootLoaderData | undefined>(useRouteLoaderData('root'));
  const location = useLocation();
  const locale = root?.locale ?? localeOfPath(location.pathname);
  // Browsing pages are plain HTML (see docs/storefront.md); once React runs, it stays.
  const matches = useMatches();
  const hydrate = typeof document !== 'undefined' || hydrates(matches.map((m) => m.handle));
  const nonce = useNonce();
  return (
    <html lang={htmlLang(locale)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#b4231c" />
        <link rel="icon" href={ICON} />
        <Meta />
        <Links />
        {root?.inlineStyles && !hydrate ? <style dangerouslySetInnerHTML={{ __html: root.inlineStyles }} /> : <link rel="stylesheet" href={stylesheet} />}
      </head>
      <body>
        {children}
        <script dangerouslySetInnerHTML={{ __html: ENHANCE_SCRIPT }} />
        {hydrate ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

export default function Root() {
  const root = openPlainPage<RootData>(useRouteLoaderData('root'));
  return (
    <LocaleContext.Provider value={pageLocale(root.locale)}>
      <Outlet />
    </LocaleContext.Provider>
  );
}

/** Last resort (the root loader itself failed): both languages, no dictionary needed. */
export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return (
    <main id="main" className="page error-page">
      <h1>{status === 404 ? '页面未找到 · Page not found' : '出错了 · Something went wrong'}</h1>
      <p>
        <a href="/">返回首页</a> · <a href="/en">Back to the home page</a>
      </p>
    </main>
  );
}
