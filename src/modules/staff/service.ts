import { z } from 'zod';
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, asc, eq, gt, lte, ne, sql } from 'drizzle-orm';
import type { Kernel } from '../../platform/kernel.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { HOUR } from '../../platform/clock.js';
import { cursorKey, listCursor, toPage } from '../../platform/http/pagination.js';
import { staffSessions, staffUsers } from './schema.js';
import { StaffErrors } from './errors.js';
import { DUMMY_HASH, hashPassword, randomPassword, verifyPassword } from './passwords.js';
import { attemptLogFor, Throttle } from '../../platform/throttle.js';
import { identifierKey, SignInGuard, type SignInAttempt } from '../../platform/sign-in/index.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from './permissions.js';
import type { StaffCreateInput, StaffPatch, StaffView } from './types.js';

/** The list's cursor: its sort key, signed (platform/http/pagination.ts). */
const staffCursor = listCursor('staff', z.tuple([cursorKey.text]));

type StaffRow = typeof staffUsers.$inferSelect;

export const SESSION_TTL_MS = 12 * HOUR;
/** Advisory-lock keys (arbitrary constants) for staff-wide checks. */
export const STAFF_ROLE_LOCK = 72_616_201;
export const FIRST_ADMIN_LOCK = 72_616_202;
/** Marks a browser a staff member signed in from (platform/sign-in/known-device.ts); only the admin API reads it. */
export const STAFF_DEVICE_COOKIE = 'sk_admin_device';

export interface Authenticated {
  staff: StaffView;
  sessionId: string;
}

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');
const normalizeEmail = (email: string) => email.trim().toLowerCase();

/** Staff accounts and their sessions. Writes run in the caller's transaction (`k.db.q`). */
export class StaffService {
  private readonly throttle: Throttle;
  private readonly guard: SignInGuard;

  constructor(private readonly k: Kernel) {
    // Sign-in attempts, shared by every API process (Redis) in the scale shape.
    this.throttle = new Throttle(attemptLogFor(k.config), k.clock);
    // Same options as the sk_admin session cookie (auth-hook.ts).
    this.guard = new SignInGuard(this.throttle, k.clock, () => k.secrets.session, 'staff', {
      name: STAFF_DEVICE_COOKIE,
      path: '/api/admin',
      sameSite: 'strict',
      publicUrl: k.config.publicUrl,
      scope: 'staff',
    });
  }

  /** Releases the shared attempt log's connection. */
  async close(): Promise<void> {
    await this.throttle.log.close();
  }

  private get q() {
    return this.k.db.q;
  }

  async count(): Promise<number> {
    const [row] = await this.q.select({ n: sql<number>`count(*)::int` }).from(staffUsers);
    return row.n;
  }

  async list(f: { limit: number; cursor?: string; role?: Role; active?: boolean }) {
    const where = [];
    if (f.role) where.push(eq(staffUsers.role, f.role));
    if (f.active !== undefined) where.push(eq(staffUsers.active, f.active));
    const after = staffCursor.decode(this.k.secrets.session, f.cursor);
    if (after) where.push(gt(staffUsers.email, after[0]));
    const rows = await this.q
      .select()
      .from(staffUsers)
      .where(and(...where))
      .orderBy(asc(staffUsers.email))
      .limit(f.limit + 1);
    return toPage(rows, f.limit, (r) => staffCursor.encode(this.k.secrets.session, [r.email]), toView);
  }

  async get(id: string): Promise<StaffView> {
    return toView(await this.require(id));
  }

  async create(input: StaffCreateInput): Promise<{ staff: StaffView; initialPassword: string | null }> {
    const email = normalizeEmail(input.email);
    const initialPassword = input.password ? null : randomPassword();
    const passwordHash = await hashPassword(input.password ?? initialPassword!);
    const now = this.k.clock.now();
    const id = newId();
    const inserted = await this.q
      .insert(staffUsers)
      .values({ id, email, name: input.name, role: input.role, passwordHash, createdAt: now, updatedAt: now })
      .onConflictDoNothing({ target: staffUsers.email })
      .returning();
    if (inserted.length === 0) throw new AppError(StaffErrors.STAFF_EMAIL_TAKEN, { email });
    return { staff: toView(inserted[0]), initialPassword };
  }

  async update(id: string, patch: StaffPatch): Promise<{ before: StaffView; after: StaffView }> {
    // Role and active changes are serialized, so two concurrent demotions cannot both see "another admin".
    if (patch.role !== undefined || patch.active !== undefined) {
      await this.q.execute(sql`select pg_advisory_xact_lock(${STAFF_ROLE_LOCK})`);
    }
    const row = await this.require(id);
    const losesAdmin = row.role === 'admin' && row.active && ((patch.role && patch.role !== 'admin') || patch.active === false);
    if (losesAdmin) await this.assertAnotherAdmin(id);
    const { password, ...fields } = patch;
    const set: Partial<StaffRow> = { ...fields, updatedAt: this.k.clock.now() };
    if (password) set.passwordHash = await hashPassword(password);
    const [after] = await this.q.update(staffUsers).set(set).where(eq(staffUsers.id, id)).returning();
    if (password || patch.active === false) await this.endSessions(id);
    if (password) await this.guard.forgiveAccount(identifierKey(after.email));
    return { before: toView(row), after: toView(after) };
  }

  /** A new random password for `email`; ends its sessions (the CLI's `admin reset-password`). */
  async resetPassword(email: string): Promise<string> {
    const password = randomPassword();
    const passwordHash = await hashPassword(password);
    const [row] = await this.q
      .update(staffUsers)
      .set({ passwordHash, updatedAt: this.k.clock.now() })
      .where(eq(staffUsers.email, normalizeEmail(email)))
      .returning({ id: staffUsers.id });
    if (!row) throw new AppError(StaffErrors.STAFF_NOT_FOUND, { id: email });
    await this.endSessions(row.id);
    // A new password from an admin ends the slowing of the account's sign-in (shared in Redis).
    await this.guard.forgiveAccount(identifierKey(email));
    return password;
  }

  // ── sessions ─────────────────────────────────────────────────────────────

  /**
   * Checks the password and opens a session. The attempt is counted before the password is
   * checked (platform/sign-in): a burst of guesses cannot outrun the count, and a wrong guess slows
   * the next ones instead of locking the account. The session is written in its own transaction,
   * after the slow hash.
   */
  async login(
    rawEmail: string,
    password: string,
    req: FastifyRequest,
    reply?: FastifyReply,
  ): Promise<{ token: string; csrfToken: string; staff: StaffView }> {
    const email = normalizeEmail(rawEmail);
    // Counted first, before any lookup: the order attempts arrive in is the order they are counted.
    const attempt: SignInAttempt = await this.guard.begin(req, identifierKey(email));
    const [row] = await this.q.select().from(staffUsers).where(eq(staffUsers.email, email));
    const ok = await verifyPassword(password, row?.passwordHash ?? DUMMY_HASH);
    if (!row || !ok || !row.active) throw new AppError(StaffErrors.INVALID_CREDENTIALS);
    const signedIn = await this.k.db.transaction(() => this.openSession(row.id, { ip: req.ip, userAgent: req.headers['user-agent'] }));
    await attempt.succeeded(reply);
    return signedIn;
  }

  private async openSession(staffId: string, meta: { ip?: string; userAgent?: string }) {
    const now = this.k.clock.now();
    const token = randomBytes(32).toString('base64url');
    const sessionId = newId();
    await this.q.delete(staffSessions).where(and(eq(staffSessions.staffId, staffId), lte(staffSessions.expiresAt, now)));
    await this.q.insert(staffSessions).values({
      id: sessionId,
      staffId,
      tokenHash: sha256(token),
      createdAt: now,
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
      ip: meta.ip?.slice(0, 100) ?? null,
      userAgent: meta.userAgent?.slice(0, 500) ?? null,
    });
    const [after] = await this.q.update(staffUsers).set({ lastLoginAt: now }).where(eq(staffUsers.id, staffId)).returning();
    return { token, csrfToken: this.csrfToken(sessionId), staff: toView(after) };
  }

  /** The active staff member behind a session token, or null (unknown, expired or deactivated). */
  async authenticate(token: string): Promise<Authenticated | null> {
    if (token.length > 200) return null;
    const [row] = await this.q
      .select({ staff: staffUsers, sessionId: staffSessions.id })
      .from(staffSessions)
      .innerJoin(staffUsers, eq(staffUsers.id, staffSessions.staffId))
      .where(and(eq(staffSessions.tokenHash, sha256(token)), gt(staffSessions.expiresAt, this.k.clock.now())));
    if (!row || !row.staff.active) return null;
    return { staff: toView(row.staff), sessionId: row.sessionId };
  }

  async logout(sessionId: string): Promise<void> {
    await this.q.delete(staffSessions).where(eq(staffSessions.id, sessionId));
  }

  /** The CSRF token of a session: HMAC(sessionId) under the store's session secret. */
  csrfToken(sessionId: string): string {
    return createHmac('sha256', this.k.secrets.session).update(sessionId).digest('base64url');
  }

  csrfTokenMatches(sessionId: string, given: string | undefined): boolean {
    if (!given) return false;
    const expected = Buffer.from(this.csrfToken(sessionId));
    const actual = Buffer.from(given);
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }

  private async endSessions(staffId: string): Promise<void> {
    await this.q.delete(staffSessions).where(eq(staffSessions.staffId, staffId));
  }

  private async assertAnotherAdmin(exceptId: string): Promise<void> {
    const others = await this.q
      .select({ id: staffUsers.id })
      .from(staffUsers)
      .where(and(eq(staffUsers.role, 'admin'), eq(staffUsers.active, true), ne(staffUsers.id, exceptId)));
    if (others.length === 0) throw new AppError(StaffErrors.LAST_ADMIN);
  }

  private async require(id: string): Promise<StaffRow> {
    const [row] = await this.q.select().from(staffUsers).where(eq(staffUsers.id, id));
    if (!row) throw new AppError(StaffErrors.STAFF_NOT_FOUND, { id });
    return row;
  }
}

function toView(r: StaffRow): StaffView {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    active: r.active,
    createdAt: r.createdAt.toISOString(),
    lastLoginAt: r.lastLoginAt?.toISOString() ?? null,
  };
}
