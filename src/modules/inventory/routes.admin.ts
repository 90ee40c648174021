import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kernel } from '../../platform/kernel.js';
import { AppError } from '../../platform/errors.js';
import { listQuery, page, problemSchema } from '../../platform/http/pagination.js';
import { adminSecurity as security } from '../../platform/http/admin-security.js';
import { checkedAnswer } from '../../platform/http/answer.js';
import { IdempotencyKeys, idempotencyKeyHeader, replayAware } from '../../platform/idempotency/idempotency.js';
import { permit } from '../staff/index.js';
import type { AuditService } from '../audit/index.js';
import { CatalogErrors, type CatalogService } from '../catalog/index.js';
import type { InventoryService } from './service.js';
import { ledgerView, stockLineView, warehouseView } from './views.js';
import { ADJUSTMENT_REASONS } from './reasons.js';

const tags = ['admin: stock'];
const problems = { 400: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema };
/** Largest single adjustment: a typo of a few extra digits is refused rather than booked. */
export const MAX_ADJUSTMENT = 100_000;

/** The longest warehouse name, per language. */
export const WAREHOUSE_NAME_MAX = 60;
const warehouseName = z.string().trim().min(1).max(WAREHOUSE_NAME_MAX);
const warehouseInput = z.object({
  code: z.string().trim().toUpperCase().regex(/^[A-Z0-9][A-Z0-9_-]{0,31}$/, 'letters, digits, dash or underscore (up to 32)'),
  name: z.object({ 'zh-CN': warehouseName, en: warehouseName }),
});
const adjustInput = z.object({
  variantId: z.uuid(),
  warehouseId: z.uuid(),
  delta: z
    .number()
    .int()
    .min(-MAX_ADJUSTMENT)
    .max(MAX_ADJUSTMENT)
    .refine((d) => d !== 0, 'must not be zero')
    .describe('Units added to (positive) or taken from (negative) on-hand'),
  reason: z.enum(ADJUSTMENT_REASONS).describe('receipt: goods received; adjustment: count correction, damage, loss'),
  note: z.string().trim().max(500).optional(),
});

const adjustedView = stockLineView.omit({ warehouseCode: true, warehouseName: true });

const toWarehouse = (w: Awaited<ReturnType<InventoryService['createWarehouse']>>) => ({ ...w, createdAt: w.createdAt.toISOString() });

/** Staff stock screens: warehouses, stock per variant and warehouse, adjustments (audited) and the ledger. */
export function inventoryAdminRoutes(k: Kernel, inventory: InventoryService, catalog: CatalogService, audit: AuditService): FastifyPluginAsyncZod {
  const keys = new IdempotencyKeys(k.db, k.clock);
  return async (app) => {
    app.get('/warehouses', {
      ...permit('stock.read'),
      schema: {
        operationId: 'adminListWarehouses', tags, security, summary: 'Warehouses, the default one first',
        response: { 200: z.object({ items: z.array(warehouseView) }) },
      },
    }, async () => ({ items: (await inventory.listWarehouses()).map(toWarehouse) }));

    app.post('/warehouses', {
      ...permit('stock.adjust'),
      schema: {
        operationId: 'adminCreateWarehouse', tags, security, summary: 'Add a warehouse',
        body: warehouseInput,
        response: { 201: warehouseView, ...problems },
      },
    }, async (req, reply) => {
      const created = await k.db.transaction(async () => {
        const w = toWarehouse(await inventory.createWarehouse(req.body));
        await audit.record(req.staff, 'inventory.warehouse.create', { type: 'warehouse', id: w.id }, null, w);
        return checkedAnswer(req, 201, w);
      });
      return reply.code(201).send(created);
    });

    app.get('/stock', {
      ...permit('stock.read'),
      schema: {
        operationId: 'adminListStock', tags, security,
        summary: 'Stock per variant and warehouse: on-hand, reserved, available',
        querystring: listQuery.extend({
          sku: z.string().trim().min(1).max(100).optional().describe('Part of the SKU code, any case (the first 2000 matching variants)'),
          product: z.uuid().optional().describe('Only the variants of this product'),
          warehouse: z.uuid().optional(),
          lowStock: z.coerce.number().int().min(0).max(1_000_000).optional().describe('Only rows with available ≤ this'),
        }),
        response: { 200: page(stockLineView), 400: problemSchema },
      },
    }, async (req) => {
      const { sku, product, warehouse, lowStock, limit, cursor } = req.query;
      const variantIds = sku || product ? await catalog.variantIdsMatching({ sku, productId: product }) : undefined;
      const result = await inventory.listStock({ variantIds, warehouseId: warehouse, lowStock, limit, cursor });
      const variants = await catalog.sellableVariants([...new Set(result.items.map((i) => i.variantId))]);
      return {
        nextCursor: result.nextCursor,
        items: result.items.map((i) => {
          const v = variants.get(i.variantId);
          return { ...i, productId: v?.productId ?? null, sku: v?.sku ?? null, title: v?.title ?? null };
        }),
      };
    });

    app.post('/stock/adjustments', {
      ...permit('stock.adjust'),
      schema: {
        operationId: 'adjustStock', tags, security,
        summary: 'Add or take units of on-hand stock (goods received, count correction); written to the ledger and the audit log',
        description:
          'Send an Idempotency-Key (the console sends one per dialog) to make retries safe: the same key and body answer 200 with the ' +
          'first answer (header Idempotent-Replayed: true) and book nothing; the same key with another body is refused (422).',
        headers: z.object({ 'idempotency-key': idempotencyKeyHeader }).loose(),
        body: adjustInput,
        response: { 201: adjustedView, 200: adjustedView.describe('A replay: the first answer, nothing booked again'), ...problems },
      },
    }, async (req, reply) => {
      const staff = req.staff!;
      const { variantId, warehouseId, delta, reason, note } = req.body;
      const book = async () => {
        const v = (await catalog.sellableVariants([variantId])).get(variantId);
        if (!v) throw new AppError(CatalogErrors.VARIANT_NOT_FOUND, { id: variantId });
        const row = await inventory.adjust({ variantId, warehouseId, delta, reason, note, staffId: staff.id });
        const entity = { type: 'stock', id: `${variantId}:${warehouseId}` };
        const before = { onHand: row.onHand - delta, reserved: row.reserved };
        await audit.record(staff, 'inventory.stock.adjust', entity, before, { onHand: row.onHand, reserved: row.reserved, delta, reason, note: note ?? null });
        // Checked before the commit: an answer the schema refused rolls the booking back (decision 0024).
        return checkedAnswer(req, 201, {
          variantId, warehouseId, productId: v.productId, sku: v.sku, title: v.title,
          onHand: row.onHand, reserved: row.reserved, available: row.onHand - row.reserved, updatedAt: row.updatedAt.toISOString(),
        });
      };
      const { result, replayed } = await keys.optional({ scope: 'inventory.adjustStock', owner: staff.id, key: req.headers['idempotency-key'] }, req.body, book);
      replayAware(reply, 201, replayed);
      return result;
    });

    app.get('/stock/ledger', {
      ...permit('stock.read'),
      schema: {
        operationId: 'adminListStockLedger', tags, security, summary: "A variant's stock movements, newest first",
        querystring: listQuery.extend({ variantId: z.uuid() }),
        response: { 200: page(ledgerView), 400: problemSchema },
      },
    }, async (req) => inventory.listLedger(req.query));
  };
}
