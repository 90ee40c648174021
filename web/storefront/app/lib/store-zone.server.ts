import type { AppLoadContext } from 'react-router';
import type { Locale } from '../i18n';
import { apiFor } from './api.server';

/**
 * The store's time zone (staff set it in the console), for pages that print times: an order's
 * placing, payment deadline and timeline read the same hour for the shopper and the warehouse.
 * A public, cached API read (the bridge keeps it under `store-settings`).
 */
export async function storeTimeZone(context: AppLoadContext, locale: Locale): Promise<string> {
  return (await apiFor(context, locale).get<{ timezone: string }>('/api/store/info')).timezone;
}
