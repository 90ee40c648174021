import { describe, expect, it } from 'vitest';
import { channelOfUtm, decodeUtm, encodeUtm, utmInput, utmOfSearch } from './attribution.js';

const q = (s: string) => new URLSearchParams(s);

describe('UTM attribution', () => {
  it('reads the five parameters of a landing, and nothing without utm_source', () => {
    expect(utmOfSearch(q('utm_source=douyin&utm_medium=short_video&utm_campaign=1212&utm_term=耳机&utm_content=v2&x=1'))).toEqual({
      source: 'douyin', medium: 'short_video', campaign: '1212', term: '耳机', content: 'v2',
    });
    expect(utmOfSearch(q('utm_medium=cpc&utm_campaign=x'))).toBeNull();
    expect(utmOfSearch(q('utm_source=%20%20'))).toBeNull();
    expect(utmOfSearch(q(''))).toBeNull();
  });

  it('drops control characters and keeps at most 100 characters without cutting an emoji in half', () => {
    const utm = utmOfSearch(q(`utm_source=a%00b%1Fc&utm_campaign=${encodeURIComponent('🎁'.repeat(150))}`))!;
    expect(utm.source).toBe('abc');
    expect([...utm.campaign!]).toHaveLength(100);
    expect(utm.campaign).toBe('🎁'.repeat(100));
    // What it keeps, the API accepts.
    expect(utmInput.safeParse(utm).success).toBe(true);
  });

  it('round-trips through the cookie; a forged or damaged cookie counts as none', () => {
    const utm = { source: 'wechat', campaign: '双十二' };
    expect(decodeUtm(encodeUtm(utm))).toEqual(utm);
    expect(decodeUtm(undefined)).toBeNull();
    expect(decodeUtm('not-base64-json')).toBeNull();
    expect(decodeUtm(Buffer.from('{"source":"x","admin":true}').toString('base64url'))).toBeNull();
    expect(decodeUtm(Buffer.from('{"campaign":"no source"}').toString('base64url'))).toBeNull();
    expect(decodeUtm(Buffer.from(JSON.stringify({ source: 'x'.repeat(500) })).toString('base64url'))).toBeNull();
    expect(decodeUtm('A'.repeat(5000))).toBeNull();
  });

  it('names the channel after utm_source in the customers’ spelling', () => {
    expect(channelOfUtm({ source: 'Douyin' })).toBe('douyin');
    expect(channelOfUtm({ source: '小红书 KOL!' })).toBe('kol');
    expect(channelOfUtm({ source: '小红书' })).toBeNull();
    expect(channelOfUtm(null)).toBeNull();
  });
});
