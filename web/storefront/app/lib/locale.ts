import type { Locale } from '../i18n';

/** zh-CN lives at `/…` (the store's home market), English at `/en/…`. */
export function localeOfPath(pathname: string): Locale {
  return pathname === '/en' || pathname.startsWith('/en/') ? 'en' : 'zh-CN';
}

/** The path without its language prefix: `/en/p/x` → `/p/x`. */
export function unlocalized(pathname: string): string {
  if (pathname === '/en') return '/';
  return pathname.startsWith('/en/') ? pathname.slice(3) : pathname;
}

/** A store path in a language: lp('en', '/cart') → '/en/cart'. */
export function lp(locale: Locale, path: string): string {
  if (locale === 'zh-CN') return path;
  return path === '/' ? '/en' : `/en${path}`;
}

export const htmlLang = (locale: Locale) => (locale === 'en' ? 'en' : 'zh-CN');
export const otherLocale = (locale: Locale): Locale => (locale === 'en' ? 'zh-CN' : 'en');
/** Catalog fields are stored in both languages. */
export const pick = (text: { 'zh-CN': string; en: string } | null | undefined, locale: Locale) => (text ? text[locale] || text['zh-CN'] : '');
