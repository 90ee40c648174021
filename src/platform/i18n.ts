/** The two languages every screen and message ships in. */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** Picks the locale from `?lang=`, then Accept-Language; Chinese by default (the store's home market). */
export function pickLocale(acceptLanguage: string | undefined, explicit?: string): Locale {
  const wanted = explicit ?? acceptLanguage ?? '';
  const first = wanted.split(',')[0]?.trim().toLowerCase() ?? '';
  if (first.startsWith('en')) return 'en';
  return DEFAULT_LOCALE;
}

/** A text in both languages, as stored for catalog fields and messages. */
export interface Localized {
  'zh-CN': string;
  en: string;
}

export function interpolate(template: string, params: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}
