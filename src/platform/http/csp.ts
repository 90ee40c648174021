import { createHash, randomBytes } from 'node:crypto';

/**
 * Content-Security-Policy for every HTML surface (docs/decisions/0026). Pure: the storefront's
 * server entry imports it too. Inline code is allowed by its hash when it never changes (the
 * storefront's suggestions script and inline stylesheet, the sandbox pay page) and by a nonce per
 * response when it does (React Router's hydration scripts), so no page needs 'unsafe-inline' for
 * scripts. A page kept in the page cache carries no nonce: only pages that do not hydrate are cached,
 * and their inline code is all hashed — the header stored with the entry is the same for every visitor.
 */
export const sha256Source = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** 128 random bits, base64: the CSP spec's minimum for a nonce. */
export const newNonce = (): string => randomBytes(16).toString('base64');

/** For answers that are not pages (JSON, images, files): nothing may load, nothing may frame them. */
export const NO_CONTENT_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export interface PagePolicy {
  /** Script hashes (sha256Source) and/or a nonce for this response. */
  scripts?: string[];
  nonce?: string;
  /** Style element hashes; ignored when `inlineStyles` is set. */
  styles?: string[];
  /** Styles injected at run time (antd's CSS-in-JS): `'unsafe-inline'` for styles only. */
  inlineStyles?: boolean;
  /** Origins forms may post to (and be redirected to) besides this one: PUBLIC_URL, a provider's pay page. */
  formTargets?: string[];
  /** Origins scripts may call besides this one (the API docs' "try it" at PUBLIC_URL). */
  connect?: string[];
  /** Images: product pictures may be on any http(s) host (see platform/image-url.ts). */
  images?: string[];
  /** Who may frame the page; none by default. */
  frameAncestors?: string;
}

/** The origin of an absolute URL, or nothing (a bad or relative value never widens a policy). */
export function originOf(url: string | undefined): string[] {
  if (!url) return [];
  try {
    const origin = new URL(url).origin;
    return origin && origin !== 'null' ? [origin] : [];
  } catch {
    return [];
  }
}

export function pagePolicy(p: PagePolicy = {}): string {
  const join = (...parts: Array<string | undefined | false>) => parts.filter(Boolean).join(' ');
  const scripts = join("'self'", ...(p.scripts ?? []), p.nonce && `'nonce-${p.nonce}'`);
  const styles = p.inlineStyles ? "'self' 'unsafe-inline'" : join("'self'", ...(p.styles ?? []));
  return [
    "default-src 'self'",
    `script-src ${scripts}`,
    // No inline event handlers (onclick="…") anywhere, hashed or not.
    "script-src-attr 'none'",
    `style-src ${styles}`,
    `img-src ${join("'self'", 'data:', 'blob:', ...(p.images ?? ['https:', 'http:']))}`,
    "font-src 'self' data:",
    `connect-src ${join("'self'", ...(p.connect ?? []))}`,
    "object-src 'none'",
    "base-uri 'self'",
    `form-action ${join("'self'", ...(p.formTargets ?? []))}`,
    `frame-ancestors ${p.frameAncestors ?? "'none'"}`,
  ].join('; ');
}
