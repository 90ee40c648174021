// The stylesheet as text (Vite minifies it), for plain pages to carry in their <head>: see root.tsx.
// A `.server` file, imported by the root loader only, so the client bundle never holds it.
import css from '../styles.css?inline';

export const INLINE_STYLES: string = css;
