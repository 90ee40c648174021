import { describe, expect, it } from 'vitest';
import { bannerPatch, type BannerValues } from './home-banner-form';

const current = {
  'zh-CN': { title: '好物精选', subtitle: '正品保障', link: null, image: null },
  en: { title: 'Picked for you', subtitle: 'Genuine', link: '/en/c/tea', image: { id: 'a1', url: '/media/a1', width: 1200, height: 400 } },
};
const same = (): BannerValues => ({
  'zh-CN': { title: '好物精选', subtitle: '正品保障', link: '', image: null },
  en: { title: 'Picked for you', subtitle: 'Genuine', link: '/en/c/tea', image: current.en.image },
});

describe('bannerPatch', () => {
  it('sends nothing when nothing changed (an empty link is no link; spaces do not count)', () => {
    const v = same();
    v['zh-CN'].title = ' 好物精选 ';
    expect(bannerPatch(current, v)).toBeNull();
  });

  it('sends only the changed fields of the changed language, the image by id', () => {
    const v = same();
    v.en.link = '';
    v.en.image = null;
    v['zh-CN'].image = { id: 'b2', url: '/media/b2', width: 800, height: 400 };
    expect(bannerPatch(current, v)).toEqual({ 'zh-CN': { imageId: 'b2' }, en: { link: null, imageId: null } });
  });
});
