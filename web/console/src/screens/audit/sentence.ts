/**
 * An audit entry as a sentence: who did what to which product or order ("张三 把商品「无线蓝牙耳机」的
 * 价格从 ¥199.00 改为 ¥179.00"), one rule per kind of action and a generic one for the rest. Pure:
 * the dictionary blocks and the money formatter come in, so it is tested with the real dictionaries.
 */
import type { AuditEntry } from '../../types';
import type { zhCN } from '../../i18n/zh-CN';

type Lang = 'zh-CN' | 'en';
type Localized = { 'zh-CN': string; en: string };
type Dict = typeof zhCN;

export interface SentenceContext {
  lang: Lang;
  dict: Pick<Dict, 'auditSentence' | 'productStatus' | 'roles' | 'stock'>;
  money(fen: number): string;
}

/** Text, and the target's name with where it links (null: nowhere to go). */
export type SentencePart = string | { target: string; href: string | null };

const MONEY_FIELDS = new Set(['price', 'listPrice', 'cost', 'amount']);
const NOISE = new Set(['id', 'updatedAt', 'createdAt', 'variants']);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isLocalized = (v: unknown): v is Localized => isRecord(v) && typeof v['zh-CN'] === 'string' && typeof v.en === 'string';

export function auditSentence(e: AuditEntry, ctx: SentenceContext): SentencePart[] {
  const s = ctx.dict.auditSentence;
  const before = isRecord(e.before) ? e.before : null;
  const after = isRecord(e.after) ? e.after : null;
  const kinds: Record<string, string> = s.kinds;
  const vars: Record<string, string> = {
    who: e.staffName || e.staffEmail,
    kind: kinds[e.entityType] ?? s.kinds.other,
    action: e.action,
  };
  const target = { target: targetName(e, after ?? before, ctx.lang), href: targetHref(e) };
  const say = (template: string, more: Record<string, string> = {}) => fill(template, { ...vars, ...more }, target);
  const changed = changedKeys(before, after);
  const fields = changed.map((k) => (s.fields as Record<string, string>)[k] ?? k).join(s.listSep);
  const verb = e.action.split('.').pop() ?? '';

  switch (e.action) {
    case 'catalog.product.publish':
      return say(s.publish);
    case 'catalog.product.archive':
      return say(s.archive);
    case 'orders.ship':
      return say(s.ship, { detail: shipmentDetail(after?.shipment, ctx.lang) });
    case 'orders.cancel':
      return say(s.cancel);
    case 'refunds.request':
    case 'refunds.execute': {
      const amount = typeof after?.amount === 'number' ? ctx.money(after.amount) : '';
      return say(verb === 'request' ? s.refundRequest : s.refundExecute, { amount });
    }
    case 'refunds.approve':
      return say(s.refundApprove);
    case 'refunds.reject':
      return say(s.refundReject);
    case 'inventory.stock.adjust': {
      const reasons: Record<string, string> = ctx.dict.stock.reasons;
      const reason = typeof after?.reason === 'string' ? (reasons[after.reason] ?? after.reason) : '';
      return say(s.stockAdjust, { from: String(before?.onHand ?? '?'), to: String(after?.onHand ?? '?'), reason });
    }
    case 'settings.update':
      return say(s.settings, { fields });
    case 'media.upload':
      return say(s.upload);
    case 'events.retry':
      return say(s.retry);
  }
  if (verb === 'import') return before ? say(s.importChange, { fields }) : say(s.import);
  if (verb === 'create') return say(s.create);
  if (verb === 'update' && changed.length === 1) {
    const [field] = changed;
    const from = formatValue(field, before?.[field], ctx);
    const to = formatValue(field, after?.[field], ctx);
    if (from !== null && to !== null) return say(s.fieldChange, { field: fields, from, to });
  }
  if (verb === 'update' && changed.length) return say(s.fieldsChange, { fields });
  return say(s.other);
}

/** The fields an update changed (the log keeps only those), without bookkeeping ones. */
function changedKeys(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string[] {
  if (!before || !after) return [];
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !NOISE.has(k));
}

/** A value as a person reads it, or null when it does not fit in a sentence (a list, a structure). */
export function formatValue(field: string, v: unknown, ctx: SentenceContext): string | null {
  const s = ctx.dict.auditSentence;
  if (v === null || v === undefined || v === '') return s.empty;
  if (typeof v === 'number') return MONEY_FIELDS.has(field) ? ctx.money(v) : String(v);
  if (typeof v === 'boolean') return v ? s.yes : s.no;
  if (isLocalized(v)) return v[ctx.lang] || v['zh-CN'];
  if (typeof v === 'string') {
    const named: Record<string, Record<string, string>> = { status: ctx.dict.productStatus, role: ctx.dict.roles };
    return named[field]?.[v] ?? v;
  }
  return null;
}

/** The target's current name (SKU after a product's name for a variant or its stock), else a name in the entry, else its id. */
function targetName(e: AuditEntry, data: Record<string, unknown> | null, lang: Lang): string {
  const name = e.target.name ? e.target.name[lang] || e.target.name['zh-CN'] : null;
  if (name) return e.target.code && e.target.code !== name ? `${name} ${e.target.code}` : name;
  for (const key of ['title', 'name', 'number', 'email', 'sku']) {
    const v = data?.[key];
    if (isLocalized(v)) return v[lang] || v['zh-CN'];
    if (typeof v === 'string' && v) return v;
  }
  return /^[0-9a-f-]{36}$/i.test(e.entityId) ? e.entityId.slice(0, 8) : e.entityId;
}

/** Where the console shows the target (paths under /admin). */
export function targetHref(e: Pick<AuditEntry, 'entityType' | 'target'>): string | null {
  const ref = e.target.ref;
  switch (e.entityType) {
    case 'product':
    case 'variant':
    case 'stock':
      return ref ? `/products/${ref}` : null;
    case 'order':
    case 'refund':
      return ref ? `/orders/${encodeURIComponent(ref)}` : null;
    case 'category':
      return '/categories';
    case 'brand':
      return '/brands';
    case 'staff':
      return '/staff';
    case 'settings':
    case 'shippingMethod':
      return '/settings';
    case 'event':
      return '/events';
    default:
      return null;
  }
}

function shipmentDetail(shipment: unknown, lang: Lang): string {
  if (!isRecord(shipment) || typeof shipment.trackingNumber !== 'string') return '';
  const c = shipment.carrier;
  const carrier = isRecord(c) && isLocalized(c.name) ? c.name[lang] : typeof c === 'string' ? c : '';
  const text = `${carrier} ${shipment.trackingNumber}`.trim();
  return lang === 'zh-CN' ? `（${text}）` : ` (${text})`;
}

/** Fills `{{name}}` slots; `{{target}}` becomes its own part so the screen can make it a link. */
export function fill(template: string, vars: Record<string, string>, target: { target: string; href: string | null }): SentencePart[] {
  const text = (piece: string) => piece.replace(/\{\{(\w+)\}\}/g, (_, k: string) => vars[k] ?? '');
  const pieces = template.split('{{target}}');
  const parts: SentencePart[] = [];
  pieces.forEach((piece, i) => {
    if (i > 0) parts.push(target);
    const t = text(piece);
    if (t) parts.push(t);
  });
  return parts;
}

/** The sentence as plain text (tests, the link-less title attribute). */
export const sentenceText = (parts: SentencePart[]) => parts.map((p) => (typeof p === 'string' ? p : p.target)).join('');
