import { describe, expect, it } from 'vitest';
import { parseMediaUrl, parseRenditionFile, renditionCandidates, responsiveImage, thumbnailImage, thumbnailUrl } from './renditions.js';

const id = '0196a3b2-7c1d-7e4f-8a9b-0123456789ab';

describe('media renditions (pure)', () => {
  it('recognises media URLs, same-site or absolute, and nothing else', () => {
    expect(parseMediaUrl(`/media/${id}`)).toEqual({ id, origin: '' });
    expect(parseMediaUrl(`https://shop.example.com/media/${id.toUpperCase()}`)).toEqual({ id, origin: 'https://shop.example.com' });
    for (const other of [`/media/${id}/640.webp`, '/media/not-a-uuid', 'https://cdn.example.com/a.jpg', 'data:image/svg+xml;utf8,<svg/>', `/media/${id}?x=1`]) {
      expect(parseMediaUrl(other)).toBeNull();
    }
  });

  it('accepts only ladder widths as rendition files', () => {
    expect(parseRenditionFile('640.webp')).toBe(640);
    expect(parseRenditionFile('1280.webp')).toBe(1280);
    for (const bad of ['641.webp', '640.jpg', '640', '0640.webp', '-640.webp', '99999.webp', '']) expect(parseRenditionFile(bad)).toBeNull();
  });

  it('lists ladder widths up to the original, plus the next step served at the original width', () => {
    expect(renditionCandidates(1200)).toEqual([
      { file: 160, width: 160 }, { file: 320, width: 320 }, { file: 480, width: 480 },
      { file: 640, width: 640 }, { file: 960, width: 960 }, { file: 1280, width: 1200 },
    ]);
    expect(renditionCandidates(640).map((c) => c.width)).toEqual([160, 320, 480, 640]);
    expect(renditionCandidates(4000).map((c) => c.file)).toEqual([160, 320, 480, 640, 960, 1280]);
    expect(renditionCandidates(100)).toEqual([{ file: 160, width: 100 }]);
  });

  it('gives srcset and sizes for a media image, and nothing for other URLs or tiny images', () => {
    const r = responsiveImage({ url: `/media/${id}`, width: 500 }, '50vw');
    expect(r).toEqual({
      srcSet: `/media/${id}/160.webp 160w, /media/${id}/320.webp 320w, /media/${id}/480.webp 480w, /media/${id}/640.webp 500w`,
      sizes: '50vw',
    });
    expect(responsiveImage({ url: `https://s.example/media/${id}`, width: 320 }, '1px')!.srcSet).toBe(
      `https://s.example/media/${id}/160.webp 160w, https://s.example/media/${id}/320.webp 320w`,
    );
    expect(responsiveImage({ url: 'https://cdn.example.com/a.jpg', width: 1200 }, '50vw')).toBeNull();
    expect(responsiveImage({ url: `/media/${id}`, width: 120 }, '50vw')).toBeNull();
    expect(responsiveImage({ url: `/media/${id}`, width: 0 }, '50vw')).toBeNull();
  });

  it('picks one small file for fixed-size thumbnails', () => {
    expect(thumbnailImage(`/media/${id}`, 72)).toEqual({ srcSet: `/media/${id}/160.webp 160w`, sizes: '72px' });
    expect(thumbnailImage(`/media/${id}`, 200)!.srcSet).toBe(`/media/${id}/480.webp 480w`);
    expect(thumbnailImage('data:image/png;base64,AAAA', 72)).toBeNull();
    expect(thumbnailUrl(`/media/${id}`, 56)).toBe(`/media/${id}/160.webp`);
    expect(thumbnailUrl(`/media/${id}`, 2000)).toBe(`/media/${id}/1280.webp`);
    expect(thumbnailUrl('https://cdn.example.com/a.jpg', 56)).toBeNull();
  });
});
