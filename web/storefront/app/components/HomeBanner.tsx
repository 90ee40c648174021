import type { StoreInfo } from '../../../../src/web-contract';
import { useLocale } from '../lib/hooks';
import { Img } from './Img';

type Banner = StoreInfo['homeBanner']['en'];

/** The banner fills the page up to its 1200 px limit, less the page's padding. */
const BANNER_SIZES = '(min-width: 1200px) 1168px, calc(100vw - 32px)';

/**
 * The home page's banner as staff set it (店铺设置 → 首页横幅): picture, title, a line, a link.
 * Null (settings unreadable) shows nothing rather than a half-empty block.
 */
export function HomeBanner({ banner }: { banner: Banner | null }) {
  const { t } = useLocale();
  if (!banner) return null;
  return (
    <section className={banner.image ? 'hero hero-image' : 'hero'}>
      {banner.image ? <Img src={banner.image.url} width={banner.image.width} height={banner.image.height} alt="" eager sizes={BANNER_SIZES} /> : null}
      <div className="hero-text">
        <h1>{banner.title}</h1>
        {banner.subtitle ? <p>{banner.subtitle}</p> : null}
        {banner.link ? (
          <p>
            <a className="hero-link" href={banner.link}>
              {t('home.bannerLink')}
            </a>
          </p>
        ) : null}
      </div>
    </section>
  );
}
