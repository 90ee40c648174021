import type { GroupBuyTile } from '../lib/group-buy';
import { lp } from '../lib/locale';
import { money } from '../lib/format';
import { useLocale } from '../lib/hooks';
import { IMAGE_SIZES, Img } from './Img';

/**
 * The home page's 拼团 block: offers on sale, each at its group price against the SKU's own, with the
 * team size, linking to the offer's page. Plain HTML, like the home page.
 */
export function GroupBuyTeaser({ tiles }: { tiles: GroupBuyTile[] }) {
  const { locale, t } = useLocale();
  return (
    <section aria-labelledby="home-group" className="group-teaser">
      <div className="flash-teaser-head">
        <h2 id="home-group">{t('groupBuy.homeHeading')}</h2>
        <p className="muted small group-teaser-line">{t('groupBuy.homeLine')}</p>
      </div>
      <ul className="flash-tiles">
        {tiles.map((i) => (
          <li key={i.href}>
            <a href={lp(locale, i.href)} className="flash-tile">
              {i.image ? <Img src={i.image.url} width={i.image.width} height={i.image.height} alt="" sizes={IMAGE_SIZES.card} /> : <span className="img-placeholder" aria-hidden="true" />}
              <span className="flash-tile-title">{i.title}</span>
              <span className="flash-tile-price">
                <span className="group-size">{t('groupBuy.teamSize', { count: i.teamSize })}</span> <b>{money(i.groupPrice, locale)}</b>{' '}
                <s className="muted">
                  <span className="sr-only">{t('product.listPrice')} </span>
                  {money(i.price, locale)}
                </s>
              </span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
