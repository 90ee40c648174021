import type { CheckoutChoice } from '../lib/checkout.server';
import { money } from '../lib/format';
import { useLocale } from '../lib/hooks';
import { pick } from '../lib/locale';
import type { Coupon, PointsSummary } from '../lib/types';

interface Props {
  state: { choice: CheckoutChoice; coupons: Coupon[]; points: PointsSummary | null };
  /** With JavaScript, a change re-prices at once (the page's loader); without, "update total" posts the form. */
  onChange: (patch: Partial<CheckoutChoice>) => void;
}

/**
 * Coupons and points at checkout: the shopper's usable coupons to tick (the engine applies the best
 * combination allowed and says why one was left out), a code to type, and whether to pay with points.
 */
export function CheckoutOffers({ state, onChange }: Props) {
  const { locale, t } = useLocale();
  const chosen = state.choice.coupons ? state.choice.coupons.split(',') : [];
  const listed = new Set(state.coupons.map((c) => c.code));
  const typed = chosen.filter((c) => !listed.has(c));
  const toggle = (code: string, on: boolean) => onChange({ coupons: (on ? [...chosen, code] : chosen.filter((c) => c !== code)).join(',') });
  const points = state.points;
  return (
    <>
      <fieldset className="panel">
        <legend>{t('checkout.coupons')}</legend>
        {state.coupons.length ? (
          <ul className="choices">
            {state.coupons.map((c) => (
              <li key={c.id}>
                <label className="choice">
                  <input type="checkbox" name="coupon" value={c.code} defaultChecked={chosen.includes(c.code)} onChange={(e) => toggle(c.code, e.currentTarget.checked)} />
                  <span>
                    <strong>{pick(c.description, locale)}</strong> {pick(c.name, locale)}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted small">{t('checkout.noCoupons')}</p>
        )}
        {typed.map((code) => (
          <input key={code} type="hidden" name="coupon" value={code} />
        ))}
        <div className="inline-field">
          <label htmlFor="couponCode">{t('checkout.couponCode')}</label>
          <input id="couponCode" name="couponCode" maxLength={40} autoCapitalize="characters" autoComplete="off" />
          <button type="submit" name="intent" value="refresh" formNoValidate className="secondary">
            {t('checkout.useCode')}
          </button>
        </div>
      </fieldset>
      {points && points.policy.enabled && points.balance > 0 ? (
        <fieldset className="panel">
          <legend>{t('checkout.points')}</legend>
          <label className="check">
            <input type="checkbox" name="usePoints" value="1" defaultChecked={Boolean(state.choice.points)} onChange={(e) => onChange({ points: e.currentTarget.checked ? 'all' : '' })} />{' '}
            {t('checkout.usePoints', { balance: points.balance, rate: t('member.rate', { points: points.policy.pointsPerUnit, value: money(points.policy.unitValue, locale) }) })}
          </label>
        </fieldset>
      ) : null}
    </>
  );
}
