import { createInstance, type i18n as I18n } from 'i18next';
import type { Dictionary } from './zh-CN';

export type Locale = 'zh-CN' | 'en';
export type { Dictionary };

/**
 * One i18next instance per render, holding only the page's language: the dictionary comes from
 * the root loader, so a browser never downloads the language it is not reading.
 */
export function createI18n(locale: Locale, dict: Dictionary): I18n {
  const i18n = createInstance();
  void i18n.init({
    lng: locale,
    fallbackLng: false,
    resources: { [locale]: { translation: dict } },
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18n;
}

/** For `meta` functions, which run outside React: a plain lookup with {{var}} interpolation. */
export function translate(dict: Dictionary | undefined, key: string, vars: Record<string, string | number> = {}): string {
  let node: unknown = dict;
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  const text = typeof node === 'string' ? node : key;
  return text.replace(/\{\{(\w+)\}\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}
