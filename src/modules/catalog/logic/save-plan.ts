/**
 * How saving a whole product (adminSaveProduct) changes its variants, worked out before anything is
 * written so a bad payload is refused whole. Saved variants are never deleted (order lines point at
 * them): a saved variant left out of the payload is switched off instead.
 */
export interface PlannedVariant {
  sku: string;
  optionValues: Record<string, string>;
  price: number;
  listPrice: number | null;
  cost: number | null;
  weightGrams: number;
  barcode: string | null;
  active: boolean;
}
export interface ExistingVariant extends PlannedVariant {
  id: string;
}
export type IncomingVariant = Partial<PlannedVariant> & Pick<PlannedVariant, 'sku' | 'price'> & { id?: string };

export type VariantPlan =
  | {
      ok: true;
      /** Changed fields only, per saved variant; an untouched variant is not rewritten. */
      updates: Array<{ id: string; patch: Partial<PlannedVariant> }>;
      creates: PlannedVariant[];
      /** Saved variants missing from the payload that are still on sale. */
      deactivate: string[];
    }
  | { ok: false; problem: 'duplicateSku'; sku: string }
  | { ok: false; problem: 'unknownVariant'; id: string };

const FIELDS = ['sku', 'optionValues', 'price', 'listPrice', 'cost', 'weightGrams', 'barcode', 'active'] as const;

export function planVariants(existing: ExistingVariant[], incoming: IncomingVariant[]): VariantPlan {
  const byId = new Map(existing.map((v) => [v.id, v]));
  const bySku = new Map(existing.map((v) => [v.sku, v]));
  const seenSku = new Set<string>();
  const seenId = new Set<string>();
  const referenced = new Set(incoming.map((r) => r.id).filter(Boolean));
  const updates: Array<{ id: string; patch: Partial<PlannedVariant> }> = [];
  const creates: PlannedVariant[] = [];
  for (const row of incoming) {
    if (seenSku.has(row.sku)) return { ok: false, problem: 'duplicateSku', sku: row.sku };
    seenSku.add(row.sku);
    // A row without an id whose SKU is already this product's is that variant: a replayed save
    // (or a client that lost the ids) updates instead of failing on its own SKU.
    const sameSku = bySku.get(row.sku);
    const old = row.id ? byId.get(row.id) : sameSku && !referenced.has(sameSku.id) ? sameSku : undefined;
    if (row.id && !old) return { ok: false, problem: 'unknownVariant', id: row.id };
    const next = complete(row, old);
    if (!old) {
      creates.push(next);
      continue;
    }
    if (seenId.has(old.id)) return { ok: false, problem: 'duplicateSku', sku: row.sku };
    seenId.add(old.id);
    const patch: Partial<PlannedVariant> = {};
    for (const f of FIELDS) if (!same(next[f], old[f])) (patch as Record<string, unknown>)[f] = next[f];
    if (Object.keys(patch).length) updates.push({ id: old.id, patch });
  }
  const deactivate = existing.filter((v) => !seenId.has(v.id) && v.active).map((v) => v.id);
  return { ok: true, updates, creates, deactivate };
}

/** Absent optional fields keep the saved value (or the create default for a new variant). */
function complete(row: IncomingVariant, old: ExistingVariant | undefined): PlannedVariant {
  return {
    sku: row.sku,
    price: row.price,
    optionValues: row.optionValues ?? old?.optionValues ?? {},
    listPrice: row.listPrice !== undefined ? row.listPrice : (old?.listPrice ?? null),
    cost: row.cost !== undefined ? row.cost : (old?.cost ?? null),
    weightGrams: row.weightGrams ?? old?.weightGrams ?? 0,
    barcode: row.barcode !== undefined ? row.barcode : (old?.barcode ?? null),
    active: row.active ?? old?.active ?? true,
  };
}

function same(a: unknown, b: unknown): boolean {
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    return ka.length === kb.length && ka.every((k, i) => k === kb[i] && (a as Record<string, unknown>)[k] === (b as Record<string, unknown>)[k]);
  }
  return a === b;
}

/** The product's own fields that differ from what is saved (deep compare of JSON-like values). */
export function changedFields<T extends Record<string, unknown>>(before: T, next: Partial<T>): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(next) as Array<keyof T>) {
    if (next[key] === undefined) continue;
    if (JSON.stringify(canonical(next[key])) !== JSON.stringify(canonical(before[key]))) out[key] = next[key];
  }
  return out;
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]));
  return v ?? null;
}
