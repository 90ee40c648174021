import { formatMoney as format } from '../../src/web-contract';

/** Prices are integer fen (minor units) everywhere; the platform's formatter makes them text (¥1,234.50). */
export function formatMoney(minor: number, locale: string = 'zh-CN', currency = 'CNY'): string {
  return format(minor, currency, locale);
}
