import { describe, expect, it } from 'vitest';
import { cleanInviteCode } from '../../../platform/attribution.js';
import { addressKey, emailKey, maskContact, mobileKey } from './guard.js';

describe('referral guard keys', () => {
  it('one mailbox written differently is one key', () => {
    expect(emailKey('Li.Si+promo@Example.com')).toBe('li.si@example.com');
    expect(emailKey('l.i.s.i@gmail.com')).toBe(emailKey('LiSi+x@googlemail.com'));
    expect(emailKey('a@b.com')).not.toBe(emailKey('a@c.com'));
    expect(emailKey(null)).toBeNull();
  });
  it('a mobile with +86, spaces or dashes is its 11 digits', () => {
    expect(mobileKey('+86 138-0013-8000')).toBe('13800138000');
    expect(mobileKey('13800138000')).toBe('13800138000');
    expect(mobileKey('12345')).toBeNull();
  });
  it('an address ignores spacing and punctuation but not the district', () => {
    expect(addressKey({ districtCode: '440305', detail: '科技园路 1 号' })).toBe(addressKey({ districtCode: '440305', detail: '科技园路1号' }));
    expect(addressKey({ districtCode: '440306', detail: '科技园路1号' })).not.toBe(addressKey({ districtCode: '440305', detail: '科技园路1号' }));
  });
  it('masks what the inviter sees', () => {
    expect(maskContact({ name: '王五', mobile: '13800000000', email: null })).toBe('138****0000');
    expect(maskContact({ name: null, mobile: null, email: 'lisi@example.com' })).toBe('l***@example.com');
    expect(maskContact({ name: '张三', mobile: null, email: null })).toBe('张*');
    expect(maskContact({ name: null, mobile: null, email: null })).toBe('***');
  });
  it('an invite code from a link is 4–16 letters and digits, upper-cased; anything else is none', () => {
    expect(cleanInviteCode(' ab23cd ')).toBe('AB23CD');
    expect(cleanInviteCode('<script>')).toBeNull();
    expect(cleanInviteCode('abc')).toBeNull();
    expect(cleanInviteCode('A'.repeat(17))).toBeNull();
    expect(cleanInviteCode(null)).toBeNull();
  });
});
