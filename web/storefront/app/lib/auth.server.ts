import { redirect, type AppLoadContext } from 'react-router';
import { apiFor } from './api.server';
import { adoptCart } from './cart.server';
import { safeNext } from './session.server';
import { lp } from './locale';
import type { Locale } from '../i18n';
import type { AuthResult } from './types';

/**
 * Signs in (or registers) through the API and carries the guest cart over. The bridge keeps the new
 * session cookie for the calls that follow in this request, and relays it to the browser.
 */
export async function signIn(
  context: AppLoadContext,
  request: Request,
  locale: Locale,
  call: (api: ReturnType<typeof apiFor>) => Promise<AuthResult>,
  next: string | null | ((auth: AuthResult) => Promise<string | null>),
): Promise<Response> {
  const auth = await call(apiFor(context, locale));
  const cartCookie = await adoptCart(apiFor(context, locale, auth.csrfToken), context);
  // `next` may depend on what followed the sign-in (registration accepts a friend's invite first).
  const to = typeof next === 'function' ? await next(auth) : next;
  return redirect(safeNext(to, lp(locale, '/account')), { headers: { 'set-cookie': cartCookie } });
}
