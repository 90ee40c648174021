import type { MetaDescriptor } from 'react-router';
import { dictionaryOf, translate, type Locale } from '../i18n';
import { lp, unlocalized } from './locale';
import { openPlainPage } from './plain-page';

/** What the root loader gives every page (see root.tsx). */
export interface RootData {
  locale: Locale;
  publicUrl: string;
  /** The store's name in this language, as set in the console (lib/store.ts). */
  storeName: string;
}

interface MetaArgs {
  matches: ReadonlyArray<{ id: string; data?: unknown } | undefined>;
  location: { pathname: string };
}

export function rootDataOf(args: MetaArgs): RootData {
  return openPlainPage<RootData>(args.matches.find((m) => m?.id === 'root')?.data);
}

/** `t` for meta functions (they run outside React); `{{store}}` is the store's name. */
export function metaT(args: MetaArgs) {
  const root = rootDataOf(args);
  const dict = dictionaryOf(root?.locale ?? 'zh-CN');
  const store = siteNameOf(root);
  return (key: string, vars?: Record<string, string | number>) => translate(dict, key, { store, ...vars });
}

/** The store's name as the root loader read it (the dictionary's when it could not). */
function siteNameOf(root: RootData | undefined): string {
  return root?.storeName ?? translate(dictionaryOf(root?.locale ?? 'zh-CN'), 'meta.siteName');
}

export interface SeoPage {
  title: string;
  description: string;
  /** The page's path without language prefix and query (defaults to the current one). */
  path?: string;
  /** Search, cart, account …: not for search engines. */
  noindex?: boolean;
  image?: string;
  type?: 'website' | 'product';
  jsonLd?: object[];
}

/**
 * Title, description, canonical, hreflang alternates (zh-CN, en, x-default → zh-CN) and Open Graph.
 * Every URL is absolute from PUBLIC_URL so the tags hold behind any proxy.
 */
export function seo(args: MetaArgs, page: SeoPage): MetaDescriptor[] {
  const root = rootDataOf(args);
  const locale = root?.locale ?? 'zh-CN';
  const base = root?.publicUrl ?? '';
  const path = page.path ?? unlocalized(args.location.pathname);
  const url = (l: Locale) => `${base}${lp(l, path)}`;
  const siteName = siteNameOf(root);
  const title = page.title === siteName || page.title.includes(siteName) ? page.title : `${page.title} - ${siteName}`;
  const tags: MetaDescriptor[] = [
    { title },
    { name: 'description', content: page.description },
    { tagName: 'link', rel: 'canonical', href: url(locale) },
    { tagName: 'link', rel: 'alternate', hrefLang: 'zh-CN', href: url('zh-CN') },
    { tagName: 'link', rel: 'alternate', hrefLang: 'en', href: url('en') },
    { tagName: 'link', rel: 'alternate', hrefLang: 'x-default', href: url('zh-CN') },
    { property: 'og:site_name', content: siteName },
    { property: 'og:title', content: page.title },
    { property: 'og:description', content: page.description },
    { property: 'og:url', content: url(locale) },
    { property: 'og:type', content: page.type ?? 'website' },
    { property: 'og:locale', content: locale === 'en' ? 'en_US' : 'zh_CN' },
  ];
  // data: URLs (the demo's SVGs) are not fetchable by crawlers.
  const image = absoluteImage(base, page.image);
  if (image) tags.push({ property: 'og:image', content: image });
  if (page.noindex) tags.push({ name: 'robots', content: 'noindex, nofollow' });
  for (const doc of page.jsonLd ?? []) tags.push({ 'script:ld+json': doc as Record<string, unknown> } as MetaDescriptor);
  return tags;
}

/** schema.org BreadcrumbList from the visible crumbs. */
export function breadcrumbLd(base: string, crumbs: Array<{ name: string; path: string }>) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.name, item: `${base}${c.path}` })),
  };
}

/**
 * An image URL that crawlers and link previews can fetch: store-relative ones (`/media/…`) made
 * absolute from PUBLIC_URL; inline `data:` pictures have no address to share, so none.
 */
export function absoluteImage(publicUrl: string, url: string | undefined): string | undefined {
  if (!url || url.startsWith('data:')) return undefined;
  return url.startsWith('/') ? `${publicUrl}${url}` : url;
}
