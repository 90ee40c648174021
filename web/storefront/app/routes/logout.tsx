import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from 'react-router';
import { ApiError, mutatingApiFor } from '../lib/api.server';
import { clearCartIdCookie } from '../lib/cookies.server';
import { localeOfPath, lp } from '../lib/locale';

/** POST only (a link could be triggered by a prefetch or a crawler). */
export async function action({ request, context, url }: ActionFunctionArgs) {
  const locale = localeOfPath(url.pathname);
  try {
    await (await mutatingApiFor(context, request, locale)).post('/api/store/auth/logout');
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
  }
  // The signed-in shopper's cart stays with the account; this browser starts a guest cart next time.
  return redirect(lp(locale, '/'), { headers: { 'set-cookie': clearCartIdCookie(context.publicUrl) } });
}

export function loader({ url }: LoaderFunctionArgs) {
  return redirect(lp(localeOfPath(url.pathname), '/account'));
}
