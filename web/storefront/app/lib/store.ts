import { useRouteLoaderData } from 'react-router';
import { dictionaryOf, translate, type Locale } from '../i18n';
import { openPlainPage } from './plain-page';
import type { RootData } from './seo';

/** The store's name for the page being rendered (the root loader read it). */
export function useStoreName(locale: Locale): string {
  const root = openPlainPage<RootData | undefined>(useRouteLoaderData('root'));
  return root?.storeName ?? translate(dictionaryOf(locale), 'meta.siteName');
}
