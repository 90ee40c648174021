import { responsiveImage, thumbnailImage } from '../../../../src/web-contract';

export { responsiveImage, thumbnailImage };

/**
 * How wide an image shows in each place (the `sizes` attribute), after the layout in styles.css:
 * the product gallery fills the phone and half the page from 960 px; grid cards are a half, a
 * third, then a quarter of the page (which stops growing at 1200 px).
 */
export const IMAGE_SIZES = {
  gallery: '(min-width: 1200px) 580px, (min-width: 960px) 50vw, 100vw',
  card: '(min-width: 1200px) 290px, (min-width: 960px) 25vw, (min-width: 640px) 33vw, 50vw',
  thumb: '64px',
} as const;

/**
 * Product images always carry their intrinsic size, so the browser reserves the box before the
 * bytes arrive (no layout shift). A media image (`/media/<id>`) given `sizes` also gets a
 * `srcSet` of its WebP renditions up to its own width; other URLs have only the one file.
 */
export function Img(props: {
  src: string;
  width: number;
  height: number;
  alt: string;
  eager?: boolean;
  sizes?: string;
  srcSet?: string;
  className?: string;
}) {
  const responsive = props.srcSet
    ? { srcSet: props.srcSet, sizes: props.sizes }
    : props.sizes
      ? responsiveImage({ url: props.src, width: props.width }, props.sizes)
      : null;
  return (
    <img
      src={props.src}
      width={props.width}
      height={props.height}
      alt={props.alt}
      loading={props.eager ? 'eager' : 'lazy'}
      decoding="async"
      fetchPriority={props.eager ? 'high' : undefined}
      sizes={responsive?.srcSet ? responsive.sizes : undefined}
      srcSet={responsive?.srcSet}
      className={props.className}
    />
  );
}
