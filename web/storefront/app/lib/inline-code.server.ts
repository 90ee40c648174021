import { sha256Source } from '../../../../src/platform/http/csp';
import { ENHANCE_SCRIPT } from './enhance';
import { INLINE_STYLES } from './styles.server';

/**
 * The storefront's fixed inline code, by hash: the suggestions script on every page and the
 * stylesheet plain pages carry in their <head> (root.tsx). Worked out once per process.
 */
export const STATIC_INLINE = {
  scripts: [sha256Source(ENHANCE_SCRIPT)],
  styles: [sha256Source(INLINE_STYLES)],
};
