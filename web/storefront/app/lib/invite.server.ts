import { cleanInviteCode, INVITE_COOKIE } from '../../../../src/platform/attribution';
import { serializeCookie } from '../../../../src/platform/http/cookies';
import { readCookie } from './cookies.server';

export { cleanInviteCode };

/**
 * A friend's invite code: from the link (?ref=) or from the sk_ref cookie the store server set when
 * the shopper landed with one (src/web/storefront/index.ts). Malformed codes count as none.
 */
export function inviteCodeOf(request: Request, url: URL): string | null {
  return cleanInviteCode(url.searchParams.get('ref')) ?? cleanInviteCode(readCookie(request, INVITE_COOKIE));
}

/** Forgets the code once the account exists (it has been sent, accepted or not). */
export function clearInviteCookie(publicUrl: string): string {
  return serializeCookie(publicUrl, INVITE_COOKIE, '', { maxAgeSeconds: 0 });
}
