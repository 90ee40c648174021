/**
 * Codes the server stores (reasons, option values) turned into words of the console's language.
 * Pure: the dictionary block comes in, so the tests use the real dictionaries.
 */

type Localized = { 'zh-CN': string; en: string };
type Lang = 'zh-CN' | 'en';

/** `some_new_code` → "Some new code": readable when no dictionary names the code yet. */
export function humanizeCode(code: string): string {
  const words = code.replace(/[_.-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const CODE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

/**
 * A reason as staff read it: a known code in their language, an unknown code made readable, and
 * free text a person typed (a refund or cancellation note) as it was written.
 */
export function reasonText(reason: string | null | undefined, known: Record<string, string>): string {
  if (!reason) return '';
  if (Object.hasOwn(known, reason)) return known[reason];
  return CODE.test(reason) ? humanizeCode(reason) : reason;
}

export interface NamedLineOption {
  code: string;
  value: string;
  valueName: Localized | null;
}

/** An order line's options by name ("薄荷绿 / 256GB"); a value the product no longer names shows its code. */
export function optionsText(options: readonly NamedLineOption[], lang: Lang): string {
  return options.map((o) => (o.valueName ? o.valueName[lang] || o.valueName['zh-CN'] : o.value)).join(' / ');
}

/** What an order holds, for a list row: its first line's title, "and more" when it holds more than one unit. */
export function orderItemsText(title: string, itemCount: number, block: { one: string; many: string }): string {
  const template = itemCount > 1 ? block.many : block.one;
  return template.replace('{{title}}', title).replace('{{count}}', String(itemCount));
}
