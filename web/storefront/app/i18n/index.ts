import { createInstance, type i18n as I18n, type TFunction } from 'i18next';
import type { Dictionary } from './zh-CN';

export type Locale = 'zh-CN' | 'en';
export type { Dictionary };

/**
 * The dictionaries this process holds: on the server both (dictionaries.server.ts provides them),
 * in the browser only the page's language, loaded by entry.client.tsx before hydration — so a
 * browser never downloads the language it is not reading, and no page carries a dictionary in
 * its loader data (encoding it into every HTML response cost more than rendering the header).
 */
const dictionaries = new Map<Locale, Dictionary>();
const instances = new Map<Locale, I18n>();

export function provideDictionary(locale: Locale, dict: Dictionary): void {
  if (dictionaries.get(locale) === dict) return;
  dictionaries.set(locale, dict);
  instances.delete(locale);
}

export function dictionaryOf(locale: Locale): Dictionary | undefined {
  return dictionaries.get(locale);
}

/**
 * One i18next instance per language for the life of the process: its language never changes
 * (the language switch is a new document) and `t` keeps no per-request state.
 */
export function i18nFor(locale: Locale): I18n {
  let i18n = instances.get(locale);
  if (i18n) return i18n;
  const dict = dictionaries.get(locale);
  if (!dict) throw new Error(`i18n: no dictionary for ${locale} (provideDictionary first)`);
  i18n = createInstance();
  void i18n.init({
    lng: locale,
    fallbackLng: false,
    resources: { [locale]: { translation: dict } },
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  instances.set(locale, i18n);
  return i18n;
}

const ts = new Map<Locale, TFunction>();
/** Bounds the answers kept per language: option values (a search query, say) come from shoppers. */
const MEMO_ENTRIES = 5000;

/**
 * The page's `t`. A key with the same simple options always gives the same text for the life of
 * the process, so each answer is worked out once: i18next's resolution (plural rules,
 * interpolation) was the costliest part of rendering a grid of product cards.
 */
export function tFor(locale: Locale): TFunction {
  let t = ts.get(locale);
  if (t && instances.has(locale)) return t;
  const fixed = i18nFor(locale).getFixedT(locale) as (key: unknown, options?: unknown) => string;
  const memo = new Map<string, string>();
  t = ((key: string | string[], options?: Record<string, unknown>) => {
    const id = memoKey(key, options);
    if (id === null) return fixed(key, options);
    let text = memo.get(id);
    if (text === undefined) {
      text = fixed(key, options);
      if (memo.size >= MEMO_ENTRIES) memo.clear();
      memo.set(id, text);
    }
    return text;
  }) as TFunction;
  ts.set(locale, t);
  return t;
}

/** A key for a call whose options are plain strings and numbers; null for anything else. */
function memoKey(key: unknown, options: Record<string, unknown> | undefined): string | null {
  if (typeof key !== 'string') return null;
  if (options === undefined) return key;
  if (typeof options !== 'object' || options === null) return null;
  let id = key;
  for (const name in options) {
    const v = options[name];
    if (typeof v !== 'string' && typeof v !== 'number') return null;
    id += `\u0000${name}\u0000${v}`;
  }
  return id;
}

/**
 * For `meta` functions, which run outside React: a plain lookup with {{var}} interpolation, and
 * i18next's plural keys (`key_one`, `key_other`) when a numeric `count` is given.
 */
export function translate(dict: Dictionary | undefined, key: string, vars: Record<string, string | number> = {}): string {
  const lookup = (k: string) => {
    let node: unknown = dict;
    for (const part of k.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
    return typeof node === 'string' ? node : undefined;
  };
  const count = vars.count;
  const plural = typeof count === 'number' ? lookup(`${key}_${pluralRules(dict).select(count)}`) ?? lookup(`${key}_other`) : undefined;
  const text = plural ?? lookup(key) ?? key;
  return text.replace(/\{\{(\w+)\}\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

const rules = new Map<Locale, Intl.PluralRules>();
/** The plural rules of a dictionary's language (English has one/other; Chinese only other). */
function pluralRules(dict: Dictionary | undefined): Intl.PluralRules {
  const locale: Locale = dict && dictionaries.get('en') === dict ? 'en' : 'zh-CN';
  let r = rules.get(locale);
  if (!r) rules.set(locale, (r = new Intl.PluralRules(locale)));
  return r;
}
