/** Prices are integer fen (minor units) everywhere; this is the one place they become text. */
const formatters = new Map<string, Intl.NumberFormat>();

export function formatMoney(minor: number, locale: string = 'zh-CN', currency = 'CNY'): string {
  const key = `${locale}|${currency}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'zh-CN', { style: 'currency', currency, currencyDisplay: 'narrowSymbol', minimumFractionDigits: 2 });
    formatters.set(key, f);
  }
  return f.format(minor / 100);
}
