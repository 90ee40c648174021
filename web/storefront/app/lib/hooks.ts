import { createContext, useContext } from 'react';
import { useMatches } from 'react-router';
import type { TFunction } from 'i18next';
import { tFor, type Locale } from '../i18n';
import type { ShellData } from '../routes/shell';
import { openPlainPage } from './plain-page';

export interface PageLocale {
  locale: Locale;
  t: TFunction;
}

const cache = new Map<Locale, PageLocale>();
/** One value per language, so the context never changes identity under a page. */
export function pageLocale(locale: Locale): PageLocale {
  let value = cache.get(locale);
  if (!value || value.t !== tFor(locale)) cache.set(locale, (value = { locale, t: tFor(locale) }));
  return value;
}

/** Provided by root.tsx from the root loader's language. */
export const LocaleContext = createContext<PageLocale | null>(null);

/** The page's language and `t`. */
export function useLocale(): PageLocale {
  const value = useContext(LocaleContext);
  if (!value) throw new Error('useLocale outside the root LocaleContext');
  return value;
}

/** The language layout's data (categories, who is signed in, cart size), when it loaded. */
export function useShell(): ShellData | undefined {
  const shell = useMatches().find((m) => m.id === 'zh' || m.id === 'en');
  return openPlainPage<ShellData | undefined>(shell?.data);
}
