import { Form, useNavigation } from 'react-router';
import { date } from '../lib/format';
import { pick } from '../lib/locale';
import { useLocale } from '../lib/hooks';
import type { CouponTemplate } from '../lib/types';

/**
 * One claimable coupon (the claim centre's and a campaign's coupon block): what it takes off, how
 * long it lasts, what is left, and 领取 posting to the page's own action — or 已领取 at the limit.
 */
export function CouponCard({ coupon: c, timeZone, held = 0 }: { coupon: CouponTemplate; timeZone: string; held?: number }) {
  const { locale, t } = useLocale();
  const navigation = useNavigation();
  return (
    <li>
      <b>{pick(c.description, locale)}</b>
      <span className="meta">{pick(c.name, locale)}</span>
      <span className="meta muted small">
        {c.validDays != null ? t('coupons.validDays', { days: c.validDays }) : c.validUntil ? t('coupons.validUntil', { date: date(new Date(Date.parse(c.validUntil) - 1).toISOString(), locale, timeZone) }) : ''}
        {c.left != null ? ` · ${t('coupons.left', { count: c.left })}` : ''}
        {held ? ` · ${t('coupons.held', { count: held })}` : ''}
      </span>
      <Form method="post">
        <input type="hidden" name="templateId" value={c.id} />
        {held >= c.perCustomerLimit ? (
          <button type="button" className="secondary" disabled>
            {t('coupons.claimedAll')}
          </button>
        ) : (
          <button type="submit" disabled={navigation.state !== 'idle'} aria-label={`${t('coupons.claim')} ${pick(c.name, locale)}`}>
            {t('coupons.claim')}
          </button>
        )}
      </Form>
    </li>
  );
}
