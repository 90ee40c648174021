import { randomBytes } from 'node:crypto';
import type { TestApp } from './harness.js';

export interface Shopper {
  token: string;
  csrfToken: string;
  customerId: string;
  /** `sk_session=…`, ready for a `cookie` header. */
  cookie: string;
  email: string;
  password: string;
  /** Headers for bearer-authenticated requests. */
  auth: { authorization: string };
}

export interface ShopperOverrides {
  email?: string;
  mobile?: string;
  password?: string;
  name?: string;
  locale?: 'zh-CN' | 'en';
  channel?: string;
}

let seq = 0;

/** A unique email, so suites sharing a database never collide. */
export function uniqueEmail(tag = 'shopper'): string {
  return `${tag}-${++seq}-${randomBytes(4).toString('hex')}@example.com`;
}

/** Registers a shopper through the store API and returns everything a test needs to act as them. */
export async function registerShopper(t: TestApp, overrides: ShopperOverrides = {}): Promise<Shopper> {
  const email = overrides.email ?? uniqueEmail();
  const password = overrides.password ?? 'correct horse battery';
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/store/auth/register',
    payload: { ...overrides, email, password },
  });
  if (res.statusCode !== 201) throw new Error(`registerShopper failed: ${res.statusCode} ${res.body}`);
  const body = res.json() as { token: string; csrfToken: string; customer: { id: string } };
  return {
    token: body.token,
    csrfToken: body.csrfToken,
    customerId: body.customer.id,
    cookie: sessionCookie(res.headers['set-cookie']),
    email,
    password,
    auth: { authorization: `Bearer ${body.token}` },
  };
}

/** `sk_session=…` from a response's Set-Cookie header(s). */
export function sessionCookie(setCookie: string | string[] | undefined): string {
  const all = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const found = all.find((c) => c.startsWith('sk_session='));
  if (!found) throw new Error('no sk_session cookie was set');
  return found.split(';')[0];
}
