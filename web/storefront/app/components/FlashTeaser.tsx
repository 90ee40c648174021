import type { FlashTeaser as Teaser } from '../lib/flash';
import { lp } from '../lib/locale';
import { money } from '../lib/format';
import { useLocale } from '../lib/hooks';
import { IMAGE_SIZES, Img } from './Img';

/**
 * The home page's 限时秒杀 block: the round on now (or the next one), when it ends or starts, a few
 * of its items at the flash price, and the way to the round page. Plain HTML, like the home page.
 */
export function FlashTeaser({ teaser }: { teaser: Teaser }) {
  const { locale, t } = useLocale();
  const href = lp(locale, teaser.href);
  return (
    <section aria-labelledby="home-flash" className="flash-teaser">
      <div className="flash-teaser-head">
        <h2 id="home-flash">{t('flash.heading')}</h2>
        <p className="flash-teaser-when">
          <span className="flash-state">{teaser.live ? t('flash.state.live') : t('flash.state.upcoming')}</span>
          {teaser.live ? t('flash.endsAt', { time: teaser.at }) : t('flash.startsAt', { time: teaser.at })}
        </p>
        <a href={href} className="flash-teaser-more">
          {t('flash.enter')}
        </a>
      </div>
      <ul className="flash-tiles">
        {teaser.items.map((i) => (
          <li key={i.itemId}>
            <a href={href} className="flash-tile">
              {i.image ? <Img src={i.image.url} width={i.image.width} height={i.image.height} alt="" sizes={IMAGE_SIZES.card} /> : <span className="img-placeholder" aria-hidden="true" />}
              <span className="flash-tile-title">{i.title}</span>
              <span className="flash-tile-price">
                <b>{money(i.flashPrice, locale)}</b>{' '}
                <s className="muted">
                  <span className="sr-only">{t('product.listPrice')} </span>
                  {money(i.price, locale)}
                </s>
              </span>
              {i.soldOut ? <span className="flash-tile-out">{t('flash.soldOut')}</span> : null}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
