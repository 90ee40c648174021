/**
 * Money is an integer number of minor units (分, cents) plus a currency code.
 * Never a float. The helpers here are pure; `logic/` folders may import this file.
 */
export type Minor = number;

export const DEFAULT_CURRENCY = 'CNY';

export function assertMinor(value: number, what = 'amount'): Minor {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be an integer number of minor units, got ${value}`);
  return value;
}

/**
 * Split `total` across `weights` in proportion, exactly: the parts are integers that sum to `total`.
 * Largest-remainder method; ties go to the earlier line so the result is deterministic.
 */
export function allocate(total: Minor, weights: readonly number[]): Minor[] {
  assertMinor(total, 'total');
  if (weights.length === 0) {
    if (total !== 0) throw new RangeError('cannot allocate a non-zero total over no weights');
    return [];
  }
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) {
    // Nothing to weigh by: spread evenly.
    return allocate(total, weights.map(() => 1));
  }
  const sign = total < 0 ? -1 : 1;
  const abs = Math.abs(total);
  // Plain loops and no sort when nothing is left over: quoting runs this for every discount.
  const n = weights.length;
  const parts: number[] = [];
  const fracs: number[] = [];
  let left = abs;
  for (let i = 0; i < n; i++) {
    const raw = (abs * weights[i]) / sum;
    const floor = Math.floor(raw);
    parts.push(floor);
    fracs.push(raw - floor);
    left -= floor;
  }
  if (left > 0 && left <= n && left * n <= 4096) {
    // Units left over among a cart's few lines (the usual case; fewer than n): pick the largest
    // remainders by scanning, ties to the earlier index — the same choice as the sort below,
    // without its array and comparator.
    for (; left > 0; left--) {
      let best = 0;
      for (let i = 1; i < n; i++) if (fracs[i] > fracs[best]) best = i;
      parts[best] += 1;
      fracs[best] = -1;
    }
  } else if (left > 0) {
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => fracs[b] - fracs[a] || a - b);
    for (let k = 0; left > 0; k = (k + 1) % n, left--) parts[order[k]] += 1;
  }
  if (sign < 0) for (let i = 0; i < n; i++) parts[i] *= sign;
  return parts;
}

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * Format for humans: ¥1,234.50 in both languages (the narrow symbol: English would otherwise say
 * "CN¥"). The one formatter for the API, the storefront and the console (web/shared/money.ts).
 */
export function formatMoney(amount: Minor, currency = DEFAULT_CURRENCY, locale = 'zh-CN'): string {
  const tag = locale === 'en' ? 'en-US' : locale;
  const key = `${tag}|${currency}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(tag, { style: 'currency', currency, currencyDisplay: 'narrowSymbol', minimumFractionDigits: 2 });
    formatters.set(key, f);
  }
  return f.format(amount / 100);
}
