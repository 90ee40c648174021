import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api';
import { ADDRESS_API_NAMES, checks, problemFieldErrors, REGISTER_API_NAMES } from './forms';
import { date, dateTime } from './format';
import { en } from '../i18n/en';
import { zhCN } from '../i18n/zh-CN';

const problem = (errors: Array<{ path: string }>, code = 'VALIDATION_FAILED') =>
  new ApiError({ type: 'about:blank', title: code, status: 400, code, detail: 'x', errors: errors.map((e) => ({ in: 'body', message: 'bad', ...e })) });

describe('form checks', () => {
  it('name every missing or malformed field with a key both dictionaries have', () => {
    const found = [
      checks.login({ identifier: '', password: '' }),
      checks.register({ identifier: 'abc', password: 'short', name: 'x'.repeat(61) }),
      checks.resetConfirm({ code: '12a', newPassword: '' }),
      checks.changePassword({ currentPassword: '', newPassword: 'x'.repeat(129) }),
      checks.address({ recipient: '', mobile: '23800138000', province: '', city: '', district: '', detail: '' }),
    ];
    expect(found.map((f) => Object.keys(f))).toEqual([
      ['identifier', 'password'],
      ['identifier', 'password', 'name'],
      ['code', 'newPassword'],
      ['currentPassword', 'newPassword'],
      ['recipient', 'mobile', 'province', 'city', 'district', 'detail'],
    ]);
    for (const key of found.flatMap((f) => Object.values(f))) {
      const [group, name] = key.split('.');
      expect(group).toBe('form');
      expect((zhCN.form as Record<string, string>)[name], key).toBeTruthy();
      expect((en.form as Record<string, string>)[name], key).toBeTruthy();
    }
  });

  it('accept what is well formed', () => {
    expect(checks.register({ identifier: '+86 138 0013 8000', password: 'long-enough', name: '' })).toEqual({});
    expect(checks.register({ identifier: 'a@example.com', password: 'long-enough', name: '小王' })).toEqual({});
    expect(checks.address({ recipient: '张三', mobile: '13800138000', province: '44', city: '4403', district: '440305', detail: '科技园路 1 号' })).toEqual({});
  });

  it('put the API’s field errors on the form’s fields, with the storefront’s message', () => {
    expect(problemFieldErrors(problem([{ path: 'email' }]), REGISTER_API_NAMES)).toEqual({ identifier: 'form.identifierInvalid' });
    expect(problemFieldErrors(problem([{ path: 'address.mobile' }, { path: 'recipientName' }]), ADDRESS_API_NAMES)).toEqual({ mobile: 'form.mobileInvalid', recipient: 'form.recipientRequired' });
    expect(problemFieldErrors(problem([], 'REGION_INVALID'), ADDRESS_API_NAMES)).toEqual({ district: 'form.districtRequired' });
    expect(problemFieldErrors(problem([{ path: 'somethingElse' }]))).toEqual({});
  });
});

describe('dates', () => {
  const at = '2026-12-01T17:05:00Z'; // 2 December, 01:05 in Shanghai
  it('are written out in the page’s language, in the store’s zone', () => {
    expect(date(at, 'zh-CN')).toBe('2026年12月2日');
    expect(date(at, 'en')).toBe('2 Dec 2026');
    expect(dateTime(at, 'zh-CN')).toBe('2026年12月2日 01:05');
    expect(dateTime(at, 'en')).toBe('2 Dec 2026, 01:05');
    expect(dateTime(at, 'en', 'Europe/London')).toBe('1 Dec 2026, 17:05');
  });
});

describe('counts in text', () => {
  it('take the English singular for one, in pages and in meta tags', async () => {
    const { dictionaries } = await import('../i18n/dictionaries.server');
    const { tFor, translate } = await import('../i18n');
    expect(tFor('en')('orders.itemCount', { count: 1 })).toBe('1 item');
    expect(tFor('en')('orders.itemCount', { count: 2 })).toBe('2 items');
    expect(tFor('en')('nav.cartCount', { count: 1 })).toBe('Cart (1 item)');
    expect(tFor('zh-CN')('orders.itemCount', { count: 1 })).toBe('共 1 件');
    expect(translate(dictionaries.en, 'meta.categoryDescription', { name: 'Audio', count: 1 })).toContain(': 1 product,');
    expect(translate(dictionaries.en, 'meta.categoryDescription', { name: 'Audio', count: 5 })).toContain(': 5 products,');
    expect(translate(dictionaries['zh-CN'], 'meta.categoryDescription', { name: '耳机', count: 1 })).toContain('共 1 件商品');
  });
});
