import type { LoaderFunctionArgs } from 'react-router';
import { apiFor } from '../lib/api.server';
import { cachePage, catalogTags } from '../lib/cache.server';
import { allCategories } from '../lib/categories';
import { lp } from '../lib/locale';
import type { CampaignSummary, Category, Page, ProductSummary } from '../lib/types';
import { CAMPAIGNS_TAG } from '../../../../src/web-contract';
import { groupOffers } from '../lib/group-offers.server';
import { activityPath } from '../lib/group-buy';

const esc = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Every active product, every category, every published campaign not yet ended and every group buy on
 * sale (of a product on sale), in both languages, each naming its other-language twin.
 */
export async function loader({ context }: LoaderFunctionArgs) {
  const api = apiFor(context, 'zh-CN');
  const [tree, campaigns, offers] = await Promise.all([
    api.get<{ items: Category[] }>('/api/store/categories'),
    api.get<{ items: CampaignSummary[] }>('/api/store/campaigns'),
    groupOffers(api, context),
  ]);
  const products: ProductSummary[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.get<Page<ProductSummary>>('/api/store/products', { limit: 100, cursor });
    products.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);

  const onSale = new Set(products.map((p) => p.id));
  const base = context.publicUrl;
  const entry = (path: string) =>
    (['zh-CN', 'en'] as const)
      .map(
        (l) =>
          `<url><loc>${esc(base + lp(l, path))}</loc>` +
          `<xhtml:link rel="alternate" hreflang="zh-CN" href="${esc(base + lp('zh-CN', path))}"/>` +
          `<xhtml:link rel="alternate" hreflang="en" href="${esc(base + lp('en', path))}"/>` +
          `<xhtml:link rel="alternate" hreflang="x-default" href="${esc(base + lp('zh-CN', path))}"/></url>`,
      )
      .join('\n');
  const paths = [
    '/',
    '/coupons',
    ...[...allCategories(tree.items)].map((c) => `/c/${c.slug}`),
    ...products.map((p) => `/p/${p.slug}`),
    ...campaigns.items.map((c) => `/campaigns/${c.slug}`),
    ...offers.filter((o) => onSale.has(o.productId)).map((o) => activityPath(o.id)),
  ];
  const xml =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n' +
    paths.map(entry).join('\n') +
    '\n</urlset>\n';
  cachePage(context, [catalogTags.all, CAMPAIGNS_TAG]);
  return new Response(xml, { headers: { 'content-type': 'application/xml; charset=utf-8' } });
}
