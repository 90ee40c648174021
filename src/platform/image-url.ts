import { z } from 'zod';

/**
 * An image address a client may store: an http(s) URL on some host, or a file of the store's own
 * media library (`/media/<id>`, `/media/<id>/<width>.webp`). Anything else — `javascript:`, `data:`,
 * `//host` (protocol-relative), paths elsewhere on the site, spaces or control characters — is
 * refused, so nothing a staff member types becomes a script or a tracking pixel on another scheme.
 * One rule for every input that takes an image URL (docs/decisions/0026).
 */
export function isImageUrl(s: string): boolean {
  if (s.length > 1000 || /[\s\p{Cc}\\]/u.test(s)) return false;
  if (s.startsWith('/')) return /^\/media\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(\/\d{2,4}\.webp)?$/i.test(s);
  try {
    const url = new URL(s);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

export const imageUrl = z
  .string()
  .min(1)
  .max(1000)
  .refine(isImageUrl, 'must be an http(s):// address or an image of this store (/media/<id>)')
  .describe('An http(s) URL, or /media/<id> from POST /api/admin/media');
