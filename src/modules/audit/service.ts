import { and, desc, eq, gte, like, lt, or, type SQL } from 'drizzle-orm';
import type { Kernel } from '../../platform/kernel.js';
import { AppError, CoreErrors } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { listCursor, timeAndId, toPage } from '../../platform/http/pagination.js';
import { auditLog } from './schema.js';

/** The list's cursor: its sort key, signed (platform/http/pagination.ts). */
const auditCursor = listCursor('audit', timeAndId);

/** Who did it: `req.staff` (its `ip` is set by the staff auth hook). */
export interface AuditActor {
  id: string;
  email: string;
  ip?: string | null;
}

export interface AuditEntity {
  type: string;
  id: string;
}

export interface AuditFilter {
  staffId?: string;
  entityType?: string;
  entityId?: string;
  /** An exact action, or a prefix ending in `.*` (e.g. `catalog.*`). */
  action?: string;
  from?: Date;
  to?: Date;
  limit: number;
  cursor?: string;
}

type AuditRow = typeof auditLog.$inferSelect;

/** Fields that change on every write and say nothing on their own. */
const NOISE = new Set(['updatedAt']);

/**
 * The audit log. Admin routes call `record` inside the `k.db.transaction()` of the write they
 * record, so both commit or neither does.
 */
export class AuditService {
  constructor(private readonly k: Kernel) {}

  async record(actor: AuditActor | null, action: string, entity: AuditEntity, before: unknown, after: unknown): Promise<string> {
    if (!actor) throw new AppError(CoreErrors.UNAUTHENTICATED);
    if (!this.k.db.inTransaction) {
      throw new Error(`audit record for ${action} must run inside k.db.transaction(), together with the write`);
    }
    const [b, a] = changedFields(toJson(before), toJson(after));
    const id = newId();
    await this.k.db.q.insert(auditLog).values({
      id,
      staffId: actor.id,
      staffEmail: actor.email,
      action,
      entityType: entity.type,
      entityId: entity.id,
      before: b,
      after: a,
      at: this.k.clock.now(),
      ip: actor.ip ?? null,
    });
    return id;
  }

  /** Newest first, keyset-paginated. */
  async list(f: AuditFilter) {
    const where: SQL[] = [];
    if (f.staffId) where.push(eq(auditLog.staffId, f.staffId));
    if (f.entityType) where.push(eq(auditLog.entityType, f.entityType));
    if (f.entityId) where.push(eq(auditLog.entityId, f.entityId));
    if (f.action?.endsWith('.*')) where.push(like(auditLog.action, `${f.action.slice(0, -1).replace(/[%_\\]/g, (c) => '\\' + c)}%`));
    else if (f.action) where.push(eq(auditLog.action, f.action));
    if (f.from) where.push(gte(auditLog.at, f.from));
    if (f.to) where.push(lt(auditLog.at, f.to));
    const after = auditCursor.decode(this.k.secrets.session, f.cursor);
    if (after) {
      const [at, id] = after;
      where.push(or(lt(auditLog.at, at), and(eq(auditLog.at, at), lt(auditLog.id, id)))!);
    }
    const rows = await this.k.db.q
      .select()
      .from(auditLog)
      .where(and(...where))
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(f.limit + 1);
    return toPage(rows, f.limit, (r) => auditCursor.encode(this.k.secrets.session, [r.at.toISOString(), r.id]), toView);
  }
}

function toView(r: AuditRow) {
  return { ...r, at: r.at.toISOString() };
}

/** Dates become ISO strings, undefined disappears: what jsonb will store anyway. */
function toJson(v: unknown): unknown {
  return v === undefined ? null : JSON.parse(JSON.stringify(v));
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** For an update (two records), only the top-level fields that differ; otherwise both as given. */
export function changedFields(before: unknown, after: unknown): [unknown, unknown] {
  if (!isRecord(before) || !isRecord(after)) return [before, after];
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (NOISE.has(key) || canonical(before[key]) === canonical(after[key])) continue;
    b[key] = before[key] ?? null;
    a[key] = after[key] ?? null;
  }
  return [b, a];
}

/** JSON with sorted keys, so equal values compare equal whatever their key order. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (isRecord(v)) return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`;
  return JSON.stringify(v ?? null);
}
