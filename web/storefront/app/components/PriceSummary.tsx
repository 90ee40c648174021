import type { PriceQuote } from '../lib/types';
import { money } from '../lib/format';
import { useLocale } from '../lib/hooks';

/** The API's quote, line by line: nothing is computed here, so the page shows what checkout will charge. */
export function PriceSummary({ quote, shippingKnown }: { quote: PriceQuote; shippingKnown: boolean }) {
  const { locale, t } = useLocale();
  return (
    <dl className="summary">
      <div>
        <dt>{t('checkout.goods')}</dt>
        <dd>{money(quote.subtotal, locale)}</dd>
      </div>
      {quote.adjustments
        .filter((a) => !a.shipping && a.amount > 0)
        .map((a) => (
          <div key={a.id}>
            <dt>{a.label[locale]}</dt>
            <dd>−{money(a.amount, locale)}</dd>
          </div>
        ))}
      {quote.discountTotal > 0 && quote.adjustments.length === 0 ? (
        <div>
          <dt>{t('checkout.discount')}</dt>
          <dd>−{money(quote.discountTotal, locale)}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t('checkout.shippingFee')}</dt>
        <dd>{shippingKnown ? money(quote.shippingFee, locale) : t('cart.shippingLater')}</dd>
      </div>
      {quote.shippingDiscount > 0 ? (
        <div>
          <dt>{t('checkout.shippingDiscount')}</dt>
          <dd>−{money(quote.shippingDiscount, locale)}</dd>
        </div>
      ) : null}
      <div className="total">
        <dt>{t('checkout.total')}</dt>
        <dd>{money(quote.total, locale)}</dd>
      </div>
    </dl>
  );
}
