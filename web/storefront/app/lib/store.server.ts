import type { AppLoadContext } from 'react-router';
import type { StoreInfo } from '../../../../src/web-contract';
import { STORE_SETTINGS_TAG } from '../../../../src/platform/settings/store-timezone';
import { dictionaryOf, translate, type Locale } from '../i18n';
import { apiFor } from './api.server';
import { tagPage } from './cache.server';

export type { StoreInfo };

/**
 * The store's name and home banner as staff set them (店铺设置), read through the API like any
 * public read (shared between renders by the bridge). Every page names the store, so every page is
 * tagged `store-settings`: saving the settings drops the cached pages at once.
 * Null when the API cannot answer: the page still renders, with the dictionary's name.
 */
export async function readStoreInfo(context: AppLoadContext, locale: Locale): Promise<StoreInfo | null> {
  tagPage(context, [STORE_SETTINGS_TAG]);
  try {
    return await apiFor(context, locale).get<StoreInfo>('/api/store/info');
  } catch {
    return null;
  }
}

/** The name in this language, or the dictionary's when the settings could not be read. */
export function storeNameOf(info: StoreInfo | null, locale: Locale): string {
  return info?.name[locale] || translate(dictionaryOf(locale), 'meta.siteName');
}
