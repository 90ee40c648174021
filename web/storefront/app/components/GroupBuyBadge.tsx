import type { GroupBuyBadge as Badge } from '../lib/group-buy';
import { lp } from '../lib/locale';
import { money } from '../lib/format';
import { useLocale } from '../lib/hooks';

/**
 * 拼团 ¥x · 3人团: a product's group buy, linking to the offer's page (开团, or a team to join). A plain
 * link: cards and product pages are not hydrated. `offer` is the product page's larger line, which
 * also names the way in (去拼团).
 */
export function GroupBuyBadge({ badge, offer = false }: { badge: Badge; offer?: boolean }) {
  const { locale, t } = useLocale();
  return (
    <a href={lp(locale, badge.href)} className={`group-badge${offer ? ' group-offer' : ''}`}>
      <b>{t('groupBuy.badge', { price: money(badge.price, locale) })}</b> <span>{t('groupBuy.teamSize', { count: badge.teamSize })}</span>
      {offer ? <span className="group-offer-go"> {t('groupBuy.goGroup')}</span> : null}
    </a>
  );
}
