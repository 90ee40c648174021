/** The shapes of the demo catalog's vocabulary (what products are made of). */

export type ZhEn = readonly [zh: string, en: string];

export interface OptionValueSpec {
  code: string;
  zh: string;
  en: string;
  /** Price multiplier of this value against the product's base price (1 when absent). */
  factor?: number;
}

export interface OptionKindSpec {
  code: string;
  zh: string;
  en: string;
  values: readonly OptionValueSpec[];
  /** Ordered kinds (sizes, capacities) take a contiguous run of values; others a random pick. */
  ordered: boolean;
}

/** One product line: brand, series (zh, en) and optionally its own base price in yuan. */
export type LineSpec = readonly [brand: string, zh: string, en?: string, priceYuan?: number];

export interface ProductTypeSpec {
  /** Part of the slug. */
  key: string;
  zh: string;
  en: string;
  /** Base price band in yuan (log-uniform inside it). */
  price: readonly [number, number];
  weightGrams: readonly [number, number];
  /** Option kinds (keys of OPTION_KINDS), at most two. */
  options: readonly string[];
  lines: readonly LineSpec[];
  /** Each line × adjective is one product; without adjectives each line is one. */
  adjectives?: readonly ZhEn[];
  /** Selling points, for subtitles and descriptions. */
  points: readonly ZhEn[];
  /** Attributes: name and the values to choose from. */
  attrs?: ReadonlyArray<readonly [name: ZhEn, values: readonly ZhEn[]]>;
  /** Bought by the handful (snacks, diapers): larger quantities per order line. */
  consumable?: boolean;
  /** Book titles: the line is the title, set in 《》. */
  book?: boolean;
}

export interface LeafSpec {
  slug: string;
  zh: string;
  en: string;
  /** Three letters, the start of every SKU in the category. */
  code: string;
  parent: string;
  /** Share of the catalog's products. */
  weight: number;
  /** Cost as a share of price. */
  costRatio: readonly [number, number];
  warrantyMonths?: number;
  types: readonly ProductTypeSpec[];
}

export interface TopCategorySpec {
  slug: string;
  zh: string;
  en: string;
  /** Hue of the generated product images. */
  hue: number;
}

export interface BrandSpec {
  slug: string;
  zh: string;
  en: string;
  privateLabel?: boolean;
}
