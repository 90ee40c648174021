import type { FlashBadge as Badge } from '../lib/flash';
import { lp } from '../lib/locale';
import { money } from '../lib/format';
import { useLocale } from '../lib/hooks';

/**
 * 秒杀 ¥x · 14:00 开抢 (or 抢购中 · 至 16:00): a product's flash sale, linking to its round on the
 * round page. A plain link: cards and product pages are not hydrated, and the words are right for
 * as long as the page may be cached (lib/flash.server.ts bounds that by the next start or end).
 */
export function FlashBadge({ badge, className = '' }: { badge: Badge; className?: string }) {
  const { locale, t } = useLocale();
  return (
    <a href={lp(locale, badge.href)} className={`flash-badge ${className}`.trim()}>
      <b>{t('flash.badge', { price: money(badge.price, locale) })}</b>{' '}
      <span>{badge.live ? t('flash.badgeLive', { time: badge.at }) : t('flash.badgeStarts', { time: badge.at })}</span>
    </a>
  );
}
