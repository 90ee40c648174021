/** A product option as the catalog names it: a code and its values, each with a name in both languages. */
export interface NamedOption {
  code: string;
  name: { 'zh-CN': string; en: string };
  values: Array<{ code: string; name: { 'zh-CN': string; en: string } }>;
}

export interface LineOption {
  code: string;
  value: string;
  /** Null when the product no longer has this option or value: show the code. */
  name: { 'zh-CN': string; en: string } | null;
  valueName: { 'zh-CN': string; en: string } | null;
}

/**
 * An order line keeps the option codes the shopper chose (its snapshot); their names come from the
 * product's options, in the product's option order, so "薄荷绿 / 256GB" reads as on the product page.
 * Codes the product no longer knows stay, with no name, after the known ones.
 */
export function lineOptions(optionValues: Record<string, string>, options: readonly NamedOption[] = []): LineOption[] {
  const known = options
    .filter((o) => o.code in optionValues)
    .map((o) => {
      const value = optionValues[o.code];
      return { code: o.code, value, name: o.name, valueName: o.values.find((v) => v.code === value)?.name ?? null };
    });
  const rest = Object.entries(optionValues)
    .filter(([code]) => !options.some((o) => o.code === code))
    .map(([code, value]) => ({ code, value, name: null, valueName: null }));
  return [...known, ...rest];
}
