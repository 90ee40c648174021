import type { LoaderFunctionArgs } from 'react-router';
import { cachePage } from '../lib/cache.server';

const PERSONAL = ['/cart', '/checkout', '/account', '/orders', '/search'];

/** Personal pages and endless search combinations stay out of crawlers' way; the sitemap lists the rest. */
export function loader({ context }: LoaderFunctionArgs) {
  const lines = ['User-agent: *'];
  for (const p of PERSONAL) lines.push(`Disallow: ${p}`, `Disallow: /en${p}`);
  lines.push('Disallow: /api/', '', `Sitemap: ${context.publicUrl}/sitemap.xml`, '');
  cachePage(context, ['storefront:robots']);
  return new Response(lines.join('\n'), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
