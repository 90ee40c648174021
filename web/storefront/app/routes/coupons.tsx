import { data, Form, Link, redirect, useActionData, useLoaderData, useNavigation, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import { ApiError, apiFor, mutatingApiFor } from '../lib/api.server';
import { storeTimeZone } from '../lib/store-zone.server';
import { fields } from '../lib/forms';
import { localeOfPath, lp } from '../lib/locale';
import { currentCustomer } from '../lib/session.server';
import { useLocale } from '../lib/hooks';
import { metaT, seo } from '../lib/seo';
import { Empty, Notice } from '../components/Notice';
import { CouponCard } from '../components/CouponCard';
import type { Coupon, CouponTemplate } from '../lib/types';

export const handle = { hydrate: true };

/** The claim centre (领券中心): every coupon one may claim now, what is left, and which the shopper already holds. */
export async function loader({ request, context, url }: LoaderFunctionArgs) {
  const locale = localeOfPath(url.pathname);
  const api = apiFor(context, locale);
  const customer = await currentCustomer(context, request, locale);
  const [claimable, mine, timeZone] = await Promise.all([
    api.get<{ items: CouponTemplate[] }>('/api/store/coupons/claimable').then((r) => r.items),
    customer ? api.get<{ items: Coupon[] }>('/api/store/me/coupons').then((r) => r.items) : Promise.resolve([] as Coupon[]),
    storeTimeZone(context, locale),
  ]);
  const held = Object.fromEntries(claimable.map((t) => [t.id, mine.filter((c) => c.templateId === t.id && c.status === 'available').length]));
  return { claimable, held, signedIn: Boolean(customer), timeZone };
}

/** Claiming needs an account: a guest is sent to sign in and comes back here. */
export async function action({ request, context, url }: ActionFunctionArgs) {
  const locale = localeOfPath(url.pathname);
  if (!(await currentCustomer(context, request, locale))) throw redirect(`${lp(locale, '/account/login')}?next=${encodeURIComponent(url.pathname)}`);
  const f = fields(await request.formData(), ['templateId', 'intent', 'code']);
  try {
    const api = await mutatingApiFor(context, request, locale);
    if (f.intent === 'redeem') {
      // A typed code: a public code claims one, a redeem code gives its coupon; typed again, the same coupon (200).
      const coupon = await api.post<Coupon>('/api/store/coupons/redeem', { code: f.code.trim().slice(0, 40) });
      return { claimed: null, redeemed: { code: coupon.code }, error: null };
    }
    const coupon = await api.post<Coupon>('/api/store/coupons/claim', { templateId: f.templateId });
    return { claimed: coupon.code, redeemed: null, error: null };
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    return data({ claimed: null, redeemed: null, error: err.message }, { status: err.status });
  }
}

export const meta: MetaFunction = (args) => {
  const t = metaT(args);
  return seo(args, { title: t('meta.couponsTitle'), description: t('meta.couponsDescription') });
};

export default function CouponCentre() {
  const { claimable, held, signedIn, timeZone } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { locale, t } = useLocale();
  return (
    <div className="coupon-page">
      <h1>{t('coupons.heading')}</h1>
      {result?.error ? <Notice kind="error">{result.error}</Notice> : null}
      {result?.claimed ? (
        <Notice kind="success">
          {t('coupons.claimed', { code: result.claimed })} <Link to={lp(locale, '/account/member')}>{t('coupons.mine')}</Link>
        </Notice>
      ) : null}
      {result?.redeemed ? (
        <Notice kind="success">
          {t('coupons.redeemed', { code: result.redeemed.code })} <Link to={lp(locale, '/account/member')}>{t('coupons.mine')}</Link>
        </Notice>
      ) : null}
      {!signedIn ? <p className="muted">{t('coupons.signIn')}</p> : null}
      <Form method="post" className="redeem-code">
        <input type="hidden" name="intent" value="redeem" />
        <label htmlFor="redeem-code">{t('coupons.redeemHeading')}</label>
        <div className="inline-field">
          <input id="redeem-code" name="code" type="text" autoComplete="off" autoCapitalize="characters" spellCheck={false} minLength={4} maxLength={32} required placeholder={t('coupons.redeemLabel')} />
          <button type="submit" className="secondary" disabled={navigation.state !== 'idle'}>
            {t('coupons.redeem')}
          </button>
        </div>
      </Form>
      {claimable.length ? (
        <ul className="coupon-centre">
          {claimable.map((c) => (
            <CouponCard key={c.id} coupon={c} timeZone={timeZone} held={held[c.id]} />
          ))}
        </ul>
      ) : (
        <Empty title={t('coupons.none')} />
      )}
    </div>
  );
}
