import { z } from 'zod';

/**
 * Where a visit came from: the UTM parameters of the link a shopper arrived by (utm_source,
 * utm_medium, utm_campaign, utm_term, utm_content). The storefront keeps the last landing's
 * parameters in a first-party cookie for 30 days (last-touch attribution, as ad platforms and
 * analytics tools report by default) and sends them with the order; `order.paid` carries them to
 * analytics and CRM.
 */
export const UTM_FIELDS = ['source', 'medium', 'campaign', 'term', 'content'] as const;
export type UtmField = (typeof UTM_FIELDS)[number];
export type Utm = Partial<Record<UtmField, string>>;

/** The cookie the storefront keeps the last landing's parameters in. */
export const UTM_COOKIE = 'sk_utm';
export const UTM_MAX_AGE_SECONDS = 30 * 86400;
const MAX_LENGTH = 100;

/** A value as stored: trimmed, control characters dropped, at most 100 characters (code points). */
const clean = (v: string) =>
  Array.from(v.trim())
    .filter((c) => c.charCodeAt(0) > 0x1f && c !== '\u007f')
    .slice(0, MAX_LENGTH) // by character, so a pair of surrogates is never cut in half
    .join('')
    .trim();

/**
 * The API's input: each parameter optional, at most 100 characters (200 UTF-16 units: emoji count
 * once); utm_source is required once any is given.
 */
export const utmInput = z
  .object(Object.fromEntries(UTM_FIELDS.map((f) => [f, z.string().trim().min(1).max(2 * MAX_LENGTH).optional()])) as Record<UtmField, z.ZodOptional<z.ZodString>>)
  .strict()
  .refine((u) => !Object.values(u).some(Boolean) || Boolean(u.source), { message: 'utm source is required with the other parameters' })
  .describe('UTM parameters of the visit that led to this order (last touch); the storefront sends what its sk_utm cookie holds');

/** The parameters of a landing address, or null when it has no utm_source (other utm_* alone say nothing of where). */
export function utmOfSearch(search: URLSearchParams): Utm | null {
  const source = clean(search.get('utm_source') ?? '');
  if (!source) return null;
  const utm: Utm = { source };
  for (const f of UTM_FIELDS) {
    const v = clean(search.get(`utm_${f}`) ?? '');
    if (v) utm[f] = v;
  }
  return utm;
}

/** The cookie's value: URL-safe base64 of the JSON, so any script survives the Cookie header. */
export function encodeUtm(utm: Utm): string {
  return Buffer.from(JSON.stringify(utm), 'utf8').toString('base64url');
}

/** A cookie's parameters, or null for anything that is not what `encodeUtm` wrote (a forged or damaged cookie is ignored). */
export function decodeUtm(value: string | undefined): Utm | null {
  if (!value || value.length > 1000) return null;
  try {
    const parsed = utmInput.safeParse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
    return parsed.success && parsed.data.source ? stripUndefined(parsed.data) : null;
  } catch {
    return null;
  }
}

const stripUndefined = (u: Utm): Utm => Object.fromEntries(Object.entries(u).filter(([, v]) => v !== undefined)) as Utm;

/** An order's acquisition channel from its parameters: utm_source in the customers' channel spelling, else null. */
export function channelOfUtm(utm: Utm | null | undefined): string | null {
  const source = utm?.source?.toLowerCase().replace(/[^a-z0-9_.-]/g, '').slice(0, 40);
  return source || null;
}

/**
 * An invite code (邀请码) is attribution too: a friend's link carries `?ref=CODE` to any storefront
 * page. The store server keeps the last one in a first-party cookie for 30 days, so a friend who
 * browses first and registers later is still invited; the register page sends it to the API right
 * after sign-up (docs/marketing-referral.md).
 */
export const INVITE_COOKIE = 'sk_ref';
export const INVITE_MAX_AGE_SECONDS = 30 * 86400;

/** A code as typed or linked: 4–16 letters and digits, upper-cased; anything else is none. */
export function cleanInviteCode(raw: string | null | undefined): string | null {
  const code = (raw ?? '').trim();
  return /^[0-9A-Za-z]{4,16}$/.test(code) ? code.toUpperCase() : null;
}
