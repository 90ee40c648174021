import { pick } from '../lib/locale';
import { useLocale } from '../lib/hooks';
import type { StoreProduct } from '../lib/types';
import { IMAGE_SIZES, Img, responsiveImage } from './Img';

type Image = StoreProduct['images'][number];

/**
 * A product's pictures with no script: a scroll-snapping track (swipe on a phone), thumbnails that
 * scroll it, and a full-screen view opened by tapping a picture. The full-screen view is a fragment
 * target (`#zoom-N`, shown by `:has(:target)` in styles.css): the browser's Back button closes it,
 * and its pictures load only once it opens (lazy images in a hidden box are not fetched).
 */
export function Gallery({ images, title }: { images: Image[]; title: string }) {
  const { locale, t } = useLocale();
  const alt = (img: Image) => pick(img.alt, locale) || title;
  const many = images.length > 1;
  return (
    <section className="gallery" aria-label={t('product.gallery')}>
      <ul className="gallery-track">
        {images.map((img, i) => (
          <li key={img.url + i} id={`image-${i + 1}`}>
            <a href={`#zoom-${i + 1}`} className="zoom-open" aria-label={t('product.zoomImage', { n: i + 1 })}>
              <Img src={img.url} width={img.width} height={img.height} alt={alt(img)} eager={i === 0} sizes={IMAGE_SIZES.gallery} />
            </a>
            {many ? <Counter n={i + 1} of={images.length} /> : null}
          </li>
        ))}
      </ul>
      {many ? (
        <ol className="gallery-thumbs">
          {images.map((img, i) => (
            <li key={img.url + i}>
              <a href={`#image-${i + 1}`} aria-label={t('product.imageOf', { n: i + 1 })}>
                <Img src={img.url} width={64} height={Math.round((64 * img.height) / img.width)} alt="" srcSet={responsiveImage(img, IMAGE_SIZES.thumb)?.srcSet} sizes={IMAGE_SIZES.thumb} />
              </a>
            </li>
          ))}
        </ol>
      ) : null}
      <div className="zoom" aria-label={t('product.zoomView')} role="group">
        <ul className="zoom-track">
          {images.map((img, i) => (
            <li key={img.url + i} id={`zoom-${i + 1}`}>
              <Img src={img.url} width={img.width} height={img.height} alt={alt(img)} sizes="100vw" />
              <a href={`#image-${i + 1}`} className="zoom-close">
                {t('product.closeZoom')}
              </a>
              {many ? <Counter n={i + 1} of={images.length} /> : null}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

/** "2 / 3" over a picture: decoration (each picture's link already says which it is). */
function Counter({ n, of }: { n: number; of: number }) {
  return (
    <span className="gallery-count" aria-hidden="true">
      {n} / {of}
    </span>
  );
}
