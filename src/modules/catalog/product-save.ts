import { eq, inArray, like, or } from 'drizzle-orm';
import type { Kernel } from '../../platform/kernel.js';
import { AppError } from '../../platform/errors.js';
import { products, variants } from './schema.js';
import { CatalogErrors } from './errors.js';

import { changedFields, planVariants } from './logic/save-plan.js';
import { firstFreeSlug, slugify } from './logic/slug.js';
import { sanitizeDescription } from './rich-text.js';
import type { CatalogService } from './service.js';
import type { ProductDetail, ProductDraft, ProductInput, ProductSave } from './types.js';

/**
 * Fills in what the editor may leave out: the English title (falls back to the Chinese one) and
 * the slug (pinyin of the title, made unique with -2, -3…).
 */
export async function completeDraft<T extends ProductDraft | ProductSave>(k: Kernel, input: T) {
  const title = { 'zh-CN': input.title['zh-CN'], en: input.title.en || input.title['zh-CN'] };
  const slug = input.slug ?? (await freeSlug(k, await toLatin(title.en !== title['zh-CN'] ? title.en : title['zh-CN'])));
  return { ...input, title, slug } as Omit<T, 'title' | 'slug'> & { title: ProductInput['title']; slug: string };
}

// pinyin-pro takes about a second to load: only a title in Chinese without a slug pays for it.
async function toLatin(text: string): Promise<string> {
  // eslint-disable-next-line no-control-regex -- the whole ASCII range, NUL included, is the point
  if (!/[^\x00-\x7f]/.test(text)) return text;
  const { pinyin } = await import('pinyin-pro');
  return pinyin(text, { toneType: 'none', nonZh: 'consecutive', v: true });
}

async function freeSlug(k: Kernel, latin: string): Promise<string> {
  const base = slugify(latin, 'product');
  const rows = await k.db.q
    .select({ slug: products.slug })
    .from(products)
    .where(or(eq(products.slug, base), like(products.slug, `${base}-%`)));
  return firstFreeSlug(base, new Set(rows.map((r) => r.slug)));
}

/**
 * Saves a product with its options and variants as one change, inside the caller's transaction:
 * every check runs before the first write, and a clash the database finds (a SKU of another
 * product) rolls the whole transaction back. `changed` is false when the payload matched what was
 * saved (a replay), in which case nothing was written.
 */
export async function saveProduct(k: Kernel, catalog: CatalogService, id: string, draft: ProductSave) {
  const before = await catalog.getProduct(id);
  // A saved product keeps its slug (links to it stay valid) unless the editor sends a new one.
  const input = await completeDraft(k, { ...draft, slug: draft.slug ?? before.slug });
  const { variants: incoming, ...rest } = input;
  const fields = { ...rest, description: sanitizeDescription(rest.description) };
  await catalog.requireCategory(fields.categoryId);
  if (fields.brandId) await catalog.requireBrand(fields.brandId);
  for (const v of incoming) catalog.checkOptions(fields.options, v);

  const saved = await k.db.q.select().from(variants).where(eq(variants.productId, id));
  const plan = planVariants(saved, incoming);
  if (!plan.ok) {
    if (plan.problem === 'duplicateSku') throw new AppError(CatalogErrors.SKU_TAKEN, { sku: plan.sku });
    throw new AppError(CatalogErrors.VARIANT_NOT_FOUND, { id: plan.id });
  }
  const stillActive = [
    ...saved.filter((v) => !plan.deactivate.includes(v.id)).map((v) => ({ active: plan.updates.find((u) => u.id === v.id)?.patch.active ?? v.active })),
    ...plan.creates,
  ];
  if (before.status === 'active') catalog.checkPublishable(stillActive);

  const productPatch = changedFields(before as unknown as Record<string, unknown>, { ...fields, brandId: fields.brandId ?? null });
  const changed = Object.keys(productPatch).length + plan.updates.length + plan.creates.length + plan.deactivate.length > 0;
  if (!changed) return { before, after: before, changed: false };

  const now = k.clock.now();
  if (Object.keys(productPatch).length) {
    await catalog.unique(() => k.db.q.update(products).set({ ...productPatch, updatedAt: now }).where(eq(products.id, id)), input.slug);
  } else {
    await k.db.q.update(products).set({ updatedAt: now }).where(eq(products.id, id));
  }
  // SKUs renamed within the product may swap: park them on unique placeholders first.
  const renamed = plan.updates.filter((u) => u.patch.sku !== undefined);
  for (const u of renamed) await k.db.q.update(variants).set({ sku: `~saving-${u.id}` }).where(eq(variants.id, u.id));
  for (const u of plan.updates) {
    await catalog.unique(() => k.db.q.update(variants).set({ ...u.patch, updatedAt: now }).where(eq(variants.id, u.id)), u.patch.sku ?? '', true);
  }
  if (plan.deactivate.length) {
    await k.db.q.update(variants).set({ active: false, updatedAt: now }).where(inArray(variants.id, plan.deactivate));
  }
  await catalog.insertVariants(id, plan.creates, saved.length);
  await catalog.refreshPriceRange(id);
  await catalog.emitProduct(id, before.status);
  const after: ProductDetail = await catalog.getProduct(id);
  return { before, after, changed: true };
}
