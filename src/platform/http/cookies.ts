import type { FastifyReply } from 'fastify';
import type {} from '@fastify/cookie'; // reply.setCookie's types

/**
 * Every cookie the store sets goes through here, so Secure/HttpOnly/SameSite/Path are decided in
 * one place (docs/decisions/0026): Secure whenever the store's address (PUBLIC_URL) is https, so a
 * session or cart token never travels over plain HTTP; HttpOnly always (no script of ours reads a
 * cookie); SameSite=Lax unless a surface asks for Strict (the console). Pure apart from the
 * Fastify helpers: the storefront app imports `serializeCookie` for the cookies it sets itself.
 */
export interface CookieSpec {
  /** Defaults to `/`. */
  path?: string;
  /** Defaults to `lax`: top-level navigations from other sites keep the shopper signed in. */
  sameSite?: 'lax' | 'strict';
  maxAgeSeconds?: number;
  expires?: Date;
}

export interface CookieAttributes {
  path: string;
  httpOnly: true;
  sameSite: 'lax' | 'strict';
  secure: boolean;
  maxAge?: number;
  expires?: Date;
}

/** Whether cookies carry `Secure`: the store is reached over https. */
export const secureCookies = (publicUrl: string): boolean => publicUrl.startsWith('https:');

export function cookieAttributes(publicUrl: string, spec: CookieSpec = {}): CookieAttributes {
  return {
    path: spec.path ?? '/',
    httpOnly: true,
    sameSite: spec.sameSite ?? 'lax',
    secure: secureCookies(publicUrl),
    ...(spec.maxAgeSeconds !== undefined ? { maxAge: spec.maxAgeSeconds } : {}),
    ...(spec.expires ? { expires: spec.expires } : {}),
  };
}

export function setCookie(reply: FastifyReply, publicUrl: string, name: string, value: string, spec: CookieSpec = {}): void {
  reply.setCookie(name, value, cookieAttributes(publicUrl, spec));
}

/** Clears with the same attributes it was set with: a browser matches a cookie by name, path and domain. */
export function clearCookie(reply: FastifyReply, publicUrl: string, name: string, spec: Pick<CookieSpec, 'path' | 'sameSite'> = {}): void {
  reply.clearCookie(name, cookieAttributes(publicUrl, spec));
}

/** A Set-Cookie line, for code that answers with a Fetch `Response` (the storefront's loaders and actions). */
export function serializeCookie(publicUrl: string, name: string, value: string, spec: CookieSpec = {}): string {
  const a = cookieAttributes(publicUrl, spec);
  const parts = [`${name}=${encodeURIComponent(value)}`, `Path=${a.path}`, 'HttpOnly', `SameSite=${a.sameSite === 'strict' ? 'Strict' : 'Lax'}`];
  if (a.maxAge !== undefined) parts.push(`Max-Age=${a.maxAge}`);
  if (a.expires) parts.push(`Expires=${a.expires.toUTCString()}`);
  if (a.secure) parts.push('Secure');
  return parts.join('; ');
}
