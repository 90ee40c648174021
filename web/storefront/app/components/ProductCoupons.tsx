import { Form, Link } from 'react-router';
import { lp, pick } from '../lib/locale';
import { useLocale } from '../lib/hooks';
import type { CouponTemplate } from '../lib/types';
import { Notice } from './Notice';

/** The coupon block on a product page (领券): what may be claimed for this product, one button each. */
export function ProductCoupons({ coupons, action, claimed, error }: { coupons: CouponTemplate[]; action: string; claimed: boolean; error: string | null }) {
  const { locale, t } = useLocale();
  if (!coupons.length && !claimed && !error) return null;
  return (
    <section className="product-coupons" id="coupons" aria-labelledby="coupons-heading">
      <h2 id="coupons-heading">{t('product.coupons')}</h2>
      {claimed ? (
        <Notice kind="success">
          {t('product.couponClaimed')} <Link to={lp(locale, '/account/member')}>{t('coupons.mine')}</Link>
        </Notice>
      ) : null}
      {error ? <Notice kind="error">{error}</Notice> : null}
      <ul>
        {coupons.map((c) => (
          <li key={c.id}>
            <span className="coupon-words">
              <b>{pick(c.description, locale)}</b>
              <span className="muted small">{pick(c.name, locale)}</span>
            </span>
            <Form method="post" action={action}>
              <input type="hidden" name="intent" value="claimCoupon" />
              <input type="hidden" name="templateId" value={c.id} />
              <button type="submit" className="secondary small" aria-label={`${t('coupons.claim')} ${pick(c.name, locale)}`}>
                {t('coupons.claim')}
              </button>
            </Form>
          </li>
        ))}
      </ul>
      <p className="small">
        <Link to={lp(locale, '/coupons')}>{t('product.moreCoupons')}</Link>
      </p>
    </section>
  );
}
