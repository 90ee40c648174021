/**
 * Product images always carry their intrinsic size, so the browser reserves the box before the
 * bytes arrive (no layout shift). `srcSet` only when the catalog has more than one rendition.
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
  return (
    <img
      src={props.src}
      width={props.width}
      height={props.height}
      alt={props.alt}
      loading={props.eager ? 'eager' : 'lazy'}
      decoding="async"
      fetchPriority={props.eager ? 'high' : undefined}
      sizes={props.srcSet ? props.sizes : undefined}
      srcSet={props.srcSet}
      className={props.className}
    />
  );
}
