/**
 * Where a banner may lead: a path of this store (`/c/phones`, `/en/search?q=tea`) or an http(s)
 * address. Nothing else is a link a browser should follow from the home page: no `javascript:`
 * or `data:`, no protocol-relative `//host` (nor `/\host`, which browsers read the same way), no
 * spaces or control characters (browsers drop some of them, turning `/\t/host` into `//host`).
 * Pure: the console checks links with it as the API does.
 */
export function isSafeLink(s: string): boolean {
  if (/[\s\p{Cc}\\]/u.test(s)) return false;
  if (s.startsWith('/')) return !s.startsWith('//');
  try {
    const url = new URL(s);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}
