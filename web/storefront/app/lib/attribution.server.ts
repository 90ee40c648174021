import { decodeUtm, UTM_COOKIE, type Utm } from '../../../../src/platform/attribution';
export { channelOfUtm } from '../../../../src/platform/attribution';
import { readCookie } from './cookies.server';

/**
 * The UTM parameters of the shopper's last landing, as the store server recorded them in sk_utm
 * (src/web/storefront/index.ts sets it on any page opened with utm_source): sent with the order and
 * at registration. A forged or damaged cookie counts as none.
 */
export function landingUtm(request: Request): Utm | null {
  return decodeUtm(readCookie(request, UTM_COOKIE));
}
