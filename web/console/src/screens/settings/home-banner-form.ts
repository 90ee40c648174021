import type { StoreSettings, StoreSettingsPatch } from '../../types';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

type Banner = StoreSettings['homeBanner']['en'];
/** The form's values for one language: the link as typed ('' for none). */
export type BannerValues = Record<Locale, { title: string; subtitle: string; link: string; image: Banner['image'] }>;

/** What changed, as the PATCH wants it (image by id; '' link → null), or null when nothing did. */
export function bannerPatch(current: StoreSettings['homeBanner'], values: BannerValues): NonNullable<StoreSettingsPatch['homeBanner']> | null {
  const patch: NonNullable<StoreSettingsPatch['homeBanner']> = {};
  for (const l of LOCALES) {
    const was = current[l];
    const v = values[l];
    const p: NonNullable<typeof patch[Locale]> = {};
    if (v.title.trim() !== was.title) p.title = v.title.trim();
    if ((v.subtitle ?? '').trim() !== was.subtitle) p.subtitle = (v.subtitle ?? '').trim();
    const link = (v.link ?? '').trim() || null;
    if (link !== was.link) p.link = link;
    const imageId = v.image?.id ?? null;
    if (imageId !== (was.image?.id ?? null)) p.imageId = imageId;
    if (Object.keys(p).length) patch[l] = p;
  }
  return Object.keys(patch).length ? patch : null;
}
