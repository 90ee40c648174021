/**
 * Filters live in the URL so a reload, a bookmark or a link sent to a colleague shows the same
 * list. These pure helpers turn the query string into typed filter values and back.
 */
export type FieldKind = 'string' | 'strings' | 'number';
export type FilterSpec = Record<string, FieldKind>;
export type FilterValues<S extends FilterSpec> = {
  [K in keyof S]: S[K] extends 'strings' ? string[] : S[K] extends 'number' ? number | undefined : string | undefined;
};
export type FilterPatch<S extends FilterSpec> = Partial<{ [K in keyof S]: FilterValues<S>[K] | null }>;

/** The page position is kept beside the filters, under this name. */
export const CURSOR_PARAM = 'cursor';

export function readFilters<S extends FilterSpec>(params: URLSearchParams, spec: S): FilterValues<S> {
  const out: Record<string, unknown> = {};
  for (const [key, kind] of Object.entries(spec)) {
    if (kind === 'strings') {
      // `?status=a&status=b` and `?status=a,b` both read as [a, b].
      out[key] = params.getAll(key).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
    } else if (kind === 'number') {
      const raw = params.get(key);
      const n = raw === null || raw.trim() === '' ? NaN : Number(raw);
      out[key] = Number.isFinite(n) ? n : undefined;
    } else {
      const raw = params.get(key)?.trim();
      out[key] = raw ? raw : undefined;
    }
  }
  return out as FilterValues<S>;
}

/**
 * The query string after changing some filters. Parameters the spec does not know are kept
 * (another part of the screen may use them); empty values are dropped; any filter change sends
 * the list back to its first page, because a cursor belongs to the filters it was issued for.
 */
export function writeFilters<S extends FilterSpec>(current: URLSearchParams, spec: S, patch: FilterPatch<S>): URLSearchParams {
  const next = new URLSearchParams(current);
  let changed = false;
  for (const [key, value] of Object.entries(patch) as Array<[string, unknown]>) {
    if (!(key in spec)) continue;
    const before = next.getAll(key).join(',');
    next.delete(key);
    if (Array.isArray(value)) for (const v of value) next.append(key, String(v));
    else if (value !== undefined && value !== null && String(value).trim() !== '') next.set(key, String(value).trim());
    if (next.getAll(key).join(',') !== before) changed = true;
  }
  if (changed) next.delete(CURSOR_PARAM);
  return next;
}

/** The API query for a filter set: arrays as repeated parameters, empties left out. */
export function toApiQuery<S extends FilterSpec>(values: FilterValues<S>): Record<string, string | number | string[]> {
  const out: Record<string, string | number | string[]> = {};
  for (const [key, value] of Object.entries(values)) {
    if (Array.isArray(value)) {
      if (value.length) out[key] = value;
    } else if (value !== undefined && value !== '') out[key] = value as string | number;
  }
  return out;
}
