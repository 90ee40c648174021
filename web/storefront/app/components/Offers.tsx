import type { Cart } from '../lib/types';
import { useLocale } from '../lib/hooks';

/**
 * What the promotions said about the quote, in the shopper's language, as the API wrote it: how
 * much more reaches a 满减 (凑单), and what was left out and why. What applied is in the price
 * summary beside it (its own line per promotion), so it is not repeated here.
 */
export function Offers({ offers }: { offers: Cart['offers'] }) {
  const { locale, t } = useLocale();
  if (!offers) return null;
  const notes = offers.explanations.filter((e) => e.kind !== 'applied');
  if (offers.hints.length === 0 && notes.length === 0) return null;
  return (
    <section className="offers" aria-label={t('cart.offers')}>
      {offers.hints.map((h) => (
        <p key={`hint-${h.ruleId}`} className="offer-hint">
          <span className="offer-tag">{t('cart.addOn')}</span> {h.text[locale]}
        </p>
      ))}
      {notes.map((n, i) => (
        <p key={`note-${n.ruleId ?? i}-${i}`} className="offer-note muted">
          {n.text[locale]}
        </p>
      ))}
    </section>
  );
}
