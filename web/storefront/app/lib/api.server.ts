import type { AppLoadContext } from 'react-router';
import { ApiError, createApi, type Api } from '../../../shared/api';
import type { Locale } from '../i18n';

export { ApiError };

/** The core API as this shopper, in-process (the load context's bridge carries their cookies). */
export function apiFor(context: AppLoadContext, locale: Locale, csrfToken?: string): Api {
  return createApi({ fetch: context.apiFetch, locale: () => locale, csrfToken: () => csrfToken });
}

const hasSession = (request: Request) => /(?:^|;\s*)sk_session=/.test(request.headers.get('cookie') ?? '');

/**
 * For unsafe calls: a cookie-signed-in shopper needs X-CSRF-Token, which the action fetches with the
 * forwarded cookie (the browser never sees it). A guest, or an expired session, needs none.
 */
export async function mutatingApiFor(context: AppLoadContext, request: Request, locale: Locale): Promise<Api> {
  if (!hasSession(request)) return apiFor(context, locale);
  try {
    const { csrfToken } = await apiFor(context, locale).get<{ csrfToken: string }>('/api/store/auth/csrf');
    return apiFor(context, locale, csrfToken);
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return apiFor(context, locale);
    throw err;
  }
}

/** 404 from the API becomes null; anything else is thrown on. */
export async function orNull<T>(p: Promise<T>): Promise<T | null> {
  try {
    return await p;
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null;
    throw err;
  }
}

/** The problem detail to show next to a form (in the page's language, from the API). */
export function problemMessage(err: unknown): string {
  if (err instanceof ApiError) {
    const field = err.problem.errors?.[0];
    return field ? `${err.problem.detail}` : err.message;
  }
  throw err;
}
