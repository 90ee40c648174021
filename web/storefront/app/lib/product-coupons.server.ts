import { data, redirect, type AppLoadContext } from 'react-router';
import { ApiError, mutatingApiFor } from './api.server';
import type { Api } from '../../../shared/api';
import { COUPON_TEMPLATES_TAG } from '../../../../src/web-contract';
import type { Locale } from '../i18n';
import { lp } from './locale';
import { tagPage } from './cache.server';
import type { CouponTemplate } from './types';
import { dateTime } from './format';

/** Coupons on a product page: at most this many (the claim centre has the rest). */
const ON_PAGE = 3;

export const hasSession = (request: Request) => /(?:^|;\s*)sk_session=/.test(request.headers.get('cookie') ?? '');

/**
 * The coupons anyone may claim now that take this product in. The page is tagged with the coupon
 * templates' tag (a new, changed or paused template evicts it) and kept no longer than the first
 * of their claim windows to close.
 */
export async function productCoupons(api: Api, context: AppLoadContext, product: { id: string; categoryId: string; brandId: string | null }): Promise<CouponTemplate[]> {
  const { items } = await api.get<{ items: CouponTemplate[] }>('/api/store/coupons/claimable', {
    productId: product.id,
    categoryId: product.categoryId,
    brandId: product.brandId ?? undefined,
  });
  tagPage(context, [COUPON_TEMPLATES_TAG]);
  const closes = items.map((c) => (c.claimUntil ? Date.parse(c.claimUntil) : Infinity)).reduce((a, b) => Math.min(a, b), Infinity);
  if (Number.isFinite(closes)) {
    const ms = Math.max(1000, closes - context.now().getTime());
    context.page.maxAgeMs = Math.min(context.page.maxAgeMs ?? ms, ms);
  }
  return items.slice(0, ON_PAGE);
}

/**
 * 会员抢先购 on a product page: which tiers may buy it before when (their names from the programme),
 * while that is still ahead; the page is kept no longer than until then.
 */
export async function earlyAccessOf(
  api: Api,
  context: AppLoadContext,
  product: { earlyAccess: { tiers: string[]; publicAt: string } | null },
  locale: Locale,
  timeZone: string,
): Promise<{ tiers: string; publicAt: string } | null> {
  const e = product.earlyAccess;
  const left = e ? Date.parse(e.publicAt) - context.now().getTime() : 0;
  if (!e || left <= 0) return null;
  context.page.maxAgeMs = Math.min(context.page.maxAgeMs ?? left, Math.max(1000, left));
  const { items } = await api.get<{ items: Array<{ code: string; name: { 'zh-CN': string; en: string } }> }>('/api/store/membership/tiers');
  const names = e.tiers.map((code) => items.find((x) => x.code === code)?.name[locale] ?? code);
  return { tiers: names.join(locale === 'en' ? ', ' : '、'), publicAt: dateTime(e.publicAt, locale, timeZone) };
}

/** 领取 from a product page: a guest signs in and comes back; the shopper returns to the block with the result. */
export async function claimFromProductPage(context: AppLoadContext, request: Request, url: URL, locale: Locale, templateId: string) {
  if (!hasSession(request)) throw redirect(`${lp(locale, '/account/login')}?next=${encodeURIComponent(url.pathname)}`);
  try {
    const api = await mutatingApiFor(context, request, locale);
    await api.post('/api/store/coupons/claim', { templateId: templateId.slice(0, 64) });
    return redirect(`${url.pathname}?claimed=1#coupons`);
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    if (err.status === 401) throw redirect(`${lp(locale, '/account/login')}?next=${encodeURIComponent(url.pathname)}`);
    return data({ couponError: err.message }, { status: err.status >= 500 ? 502 : err.status });
  }
}
