import type { AuditEntity, AuditTarget, AuditTargetReader } from './modules/audit/index.js';
import { targetKey } from './modules/audit/index.js';
import type { createServices } from './app.js';
import { isUuid } from './platform/ids.js';

type Services = ReturnType<typeof createServices>;
const same = (s: string) => ({ 'zh-CN': s, en: s });

/**
 * Part of the composition root: names audit targets through the other modules' services, a page
 * (≤ 100 entries) at a time. Kinds not named here are shown by the console from the entry itself.
 */
export function auditTargetReader(s: Services): AuditTargetReader {
  return {
    async targets(entities: AuditEntity[]) {
      const out = new Map<string, AuditTarget>();
      const ids = (type: string) => [...new Set(entities.filter((e) => e.type === type).map((e) => e.id))];
      // Stock entries are `variantId:warehouseId`.
      const stockVariant = new Map(ids('stock').map((id) => [id, id.split(':')[0]]));
      const variants = await s.catalog.sellableVariants([...new Set([...ids('variant'), ...stockVariant.values()])].filter(isUuid));
      const products = await s.catalog.productNames(ids('product').filter(isUuid));
      for (const [id, p] of products) out.set(targetKey({ type: 'product', id }), { name: p.title, code: null, ref: id });
      for (const id of ids('variant')) {
        const v = variants.get(id);
        if (v) out.set(targetKey({ type: 'variant', id }), { name: v.title, code: v.sku, ref: v.productId });
      }
      for (const [id, variantId] of stockVariant) {
        const v = variants.get(variantId);
        if (v) out.set(targetKey({ type: 'stock', id }), { name: v.title, code: v.sku, ref: v.productId });
      }
      for (const id of ids('order').filter(isUuid)) {
        const o = await s.orders.get(id).catch(() => null);
        if (o) out.set(targetKey({ type: 'order', id }), { name: same(o.number), code: o.number, ref: o.number });
      }
      for (const id of ids('refund').filter(isUuid)) {
        const r = await s.afterSales.get(id).catch(() => null);
        const o = r ? await s.orders.get(r.orderId).catch(() => null) : null;
        if (o) out.set(targetKey({ type: 'refund', id }), { name: same(o.number), code: o.number, ref: o.number });
      }
      for (const id of ids('category').filter(isUuid)) {
        const c = await s.catalog.requireCategory(id).catch(() => null);
        if (c) out.set(targetKey({ type: 'category', id }), { name: c.name, code: null, ref: id });
      }
      for (const id of ids('brand').filter(isUuid)) {
        const b = await s.catalog.requireBrand(id).catch(() => null);
        if (b) out.set(targetKey({ type: 'brand', id }), { name: b.name, code: null, ref: id });
      }
      for (const [id, name] of await this.staffNames(ids('staff'))) out.set(targetKey({ type: 'staff', id }), { name: same(name), code: null, ref: id });
      return out;
    },
    async staffNames(ids: string[]) {
      const out = new Map<string, string>();
      for (const id of new Set(ids.filter(isUuid))) {
        const st = await s.staff.get(id).catch(() => null);
        if (st) out.set(id, st.name);
      }
      return out;
    },
  };
}

