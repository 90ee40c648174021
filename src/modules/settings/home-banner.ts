import { z } from 'zod';
import { isSafeLink } from './logic/links.js';

export { isSafeLink };

/**
 * The storefront home page's banner, one per language: a picture (an uploaded media asset), a
 * title, a line under it and where it leads. Kept as one `k.settings` value; what is not saved
 * shows the storefront's original texts.
 */

/** Text a shopper sees: trimmed, one line, no control characters (NUL cannot even be stored in jsonb). */
export const plainText = (max: number) =>
  z
    .string()
    .max(max * 4) // before trimming: a bounded amount of work on absurd input
    .transform((s) => s.trim())
    .pipe(z.string().max(max).regex(/^[^\p{Cc}\u2028\u2029]*$/u, 'must be one line of text without control characters'));

/**
 * Where the banner leads: a path of this store (`/c/phones`, `/en/search?q=tea`) or an http(s)
 * address. Nothing else can be a link a browser follows: no `javascript:`, no `data:`, no
 * protocol-relative `//host` (nor `/\host`, which browsers read the same way).
 */
export const bannerLink = z
  .string()
  .max(500)
  .transform((s) => s.trim())
  .refine((s) => s === '' || isSafeLink(s), 'must be a path of this store (/…) or an http(s):// address')
  .transform((s) => (s === '' ? null : s));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const bannerInput = z
  .object({
    title: plainText(60).pipe(z.string().min(1)),
    subtitle: plainText(140),
    link: bannerLink.nullable(),
    imageId: z.string().regex(UUID, 'must be the id of an uploaded image (POST /api/admin/media)').nullable()
      .describe('An uploaded image (POST /api/admin/media); null for none'),
  })
  .partial()
  .strict();
export type BannerInput = z.infer<typeof bannerInput>;

export const homeBannerPatch = z
  .object({ 'zh-CN': bannerInput, en: bannerInput })
  .partial()
  .strict()
  .describe('The home page banner per language; absent languages and fields stay as they are');
export type HomeBannerPatch = z.infer<typeof homeBannerPatch>;

export const bannerImage = z.object({ id: z.string(), url: z.string(), width: z.number().int(), height: z.number().int() });
export const bannerView = z.object({
  title: z.string(),
  subtitle: z.string(),
  link: z.string().nullable(),
  image: bannerImage.nullable(),
});
export const homeBannerView = z.object({ 'zh-CN': bannerView, en: bannerView });
export type Banner = z.infer<typeof bannerView>;
export type HomeBanner = z.infer<typeof homeBannerView>;
export type BannerImage = z.infer<typeof bannerImage>;

/** The storefront's texts before banners were editable. */
export const DEFAULT_HOME_BANNER: HomeBanner = {
  'zh-CN': { title: '好物精选', subtitle: '正品保障，全场满额包邮。', link: null, image: null },
  en: { title: 'Picked for you', subtitle: 'Genuine products, free shipping over a threshold.', link: null, image: null },
};

/** A stored value read back: anything missing or malformed falls back to the default of its language. */
export function storedHomeBanner(value: unknown): HomeBanner {
  const parsed = homeBannerView.partial().safeParse(value);
  const v = parsed.success ? parsed.data : {};
  return { 'zh-CN': v['zh-CN'] ?? DEFAULT_HOME_BANNER['zh-CN'], en: v.en ?? DEFAULT_HOME_BANNER.en };
}

/**
 * The banner after a patch, with image ids turned into their URL and size (`imageOf` answers null
 * for an id that is not an uploaded image; the caller turns the returned names into a 400).
 */
export async function applyBannerPatch(
  current: HomeBanner,
  patch: HomeBannerPatch,
  imageOf: (id: string) => Promise<BannerImage | null>,
): Promise<{ next: HomeBanner; unknownImages: string[] }> {
  const next: HomeBanner = { 'zh-CN': { ...current['zh-CN'] }, en: { ...current.en } };
  const unknownImages: string[] = [];
  for (const locale of ['zh-CN', 'en'] as const) {
    const p = patch[locale];
    if (!p) continue;
    const b = next[locale];
    if (p.title !== undefined) b.title = p.title;
    if (p.subtitle !== undefined) b.subtitle = p.subtitle;
    if (p.link !== undefined) b.link = p.link;
    if (p.imageId === null) b.image = null;
    else if (p.imageId !== undefined && p.imageId.toLowerCase() !== b.image?.id) {
      const image = await imageOf(p.imageId.toLowerCase());
      if (image) b.image = image;
      else unknownImages.push(`homeBanner.${locale}.imageId`);
    }
  }
  return { next, unknownImages };
}
