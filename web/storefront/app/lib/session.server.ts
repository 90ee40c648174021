import { redirect, type AppLoadContext } from 'react-router';
import { ApiError, apiFor } from './api.server';
import { lp } from './locale';
import type { Locale } from '../i18n';
import type { Customer } from './types';

/** The signed-in shopper, or null for a guest (no call at all without a session cookie). */
export async function currentCustomer(context: AppLoadContext, request: Request, locale: Locale): Promise<Customer | null> {
  if (!/(?:^|;\s*)sk_session=/.test(request.headers.get('cookie') ?? '')) return null;
  try {
    return await apiFor(context, locale).get<Customer>('/api/store/me');
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

/** Personal pages send guests to sign in and come back afterwards (`url`: the loader's, without React Router's `.data`). */
export async function requireCustomer(context: AppLoadContext, request: Request, url: URL, locale: Locale): Promise<Customer> {
  const me = await currentCustomer(context, request, locale);
  if (!me) {
    throw redirect(`${lp(locale, '/account/login')}?next=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return me;
}

/** Only our own paths after sign-in: `next` must not send the shopper to another site. */
export function safeNext(next: string | null | undefined, fallback: string): string {
  // Browsers read `/\host` as `//host` and drop tabs and newlines: a path with any of those is refused.
  // Control characters are exactly what this pattern is for.
  // eslint-disable-next-line no-control-regex
  return next && /^\/(?![/\\])/.test(next) && !/[\\\u0000-\u001f\u007f]/.test(next) ? next : fallback;
}
