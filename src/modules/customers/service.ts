import { and, count, desc, eq, gte, ilike, inArray, lt, or, type SQL } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kernel } from '../../platform/kernel.js';
import type { Locale } from '../../platform/i18n.js';
import { AppError, CoreErrors } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { listCursor, timeAndId, toPage } from '../../platform/http/pagination.js';
import type { MessagesService } from '../messages/index.js';
import { customers } from './schema.js';
import { CustomerErrors } from './errors.js';
import { CustomerEvents, type CustomerPasswordChanged } from './events.js';
import { hashPassword, PRODUCTION_PARAMS, TEST_PARAMS, verifyPassword, type ScryptParams } from './password.js';
import { SessionStore } from './sessions.js';
import { csrfTokenFor } from './tokens.js';
import { attemptLogFor, Throttle } from '../../platform/throttle.js';
import { identifierKey, SIGN_IN_RULES, SignInGuard } from '../../platform/sign-in/index.js';
import { AddressBook } from './addresses.js';
import { PasswordResets } from './password-reset.js';
import type { CustomerView, Identifier, RegisterInput } from './types.js';

/** The list's cursor: its sort key, signed (platform/http/pagination.ts). */
const customerCursor = listCursor('customers', timeAndId);

export type CustomerRow = typeof customers.$inferSelect;
export type BulkCustomerRow = Partial<Omit<CustomerRow, 'createdAt' | 'updatedAt'>> & { createdAt: Date; updatedAt?: Date };

/** What a sign-in hook is given: the cart module merges the guest cart named by the request's cookie. */
export interface SignInContext {
  customerId: string;
  sessionId: string;
  req: FastifyRequest;
  reply?: FastifyReply;
}
export type SignInHook = (ctx: SignInContext) => Promise<void> | void;

export interface SignedIn {
  token: string;
  sessionId: string;
  csrfToken: string;
  expiresAt: Date;
  customer: CustomerView;
}

/** The browser cookie that marks a device this account signed in from (platform/sign-in/known-device.ts). */
export const KNOWN_DEVICE_COOKIE = 'sk_device';

const isUniqueViolation = (err: unknown, constraint: string) =>
  String((err as { cause?: { constraint?: string } })?.cause?.constraint ?? (err as { constraint?: string }).constraint ?? '').includes(
    constraint,
  );

export class CustomersService {
  readonly sessions: SessionStore;
  readonly throttle: Throttle;
  readonly guard: SignInGuard;
  readonly addresses: AddressBook;
  readonly resets: PasswordResets;
  private readonly signInHooks: SignInHook[] = [];
  private readonly params: ScryptParams;
  private dummyHash: Promise<string> | null = null;

  /** `storeName`: the store's name in a language as set now (the settings module), for messages to shoppers. */
  constructor(
    private readonly k: Kernel,
    messages: MessagesService,
    storeName: (locale: Locale) => Promise<string>,
  ) {
    this.params = k.config.env === 'test' ? TEST_PARAMS : PRODUCTION_PARAMS;
    this.sessions = new SessionStore(k);
    this.throttle = new Throttle(attemptLogFor(k.config), k.clock);
    // Same options as the session cookie (routes.auth.ts), so it reaches the same pages.
    this.guard = new SignInGuard(this.throttle, k.clock, () => k.secrets.session, 'shopper', {
      name: KNOWN_DEVICE_COOKIE,
      path: '/',
      sameSite: 'lax',
      publicUrl: k.config.publicUrl,
      scope: 'shopper',
    });
    this.addresses = new AddressBook(k);
    this.resets = new PasswordResets(k, this, messages, storeName);
  }

  private get q() {
    return this.k.db.q;
  }

  /** Runs `fn` in the sign-in transaction of every login and registration. */
  onSignIn(fn: SignInHook): void {
    this.signInHooks.push(fn);
  }

  hashPassword(password: string): Promise<string> {
    return hashPassword(password, this.params);
  }

  // ── accounts ─────────────────────────────────────────────────────────────

  /** Creates the account and signs it in, in one transaction (the slow hash is computed before it). */
  async register(input: RegisterInput & { locale: Locale }, req: FastifyRequest, reply?: FastifyReply): Promise<SignedIn> {
    // Registration tells whether an identifier is taken: counted per address like a sign-in,
    // before anything is looked up (docs/decisions/0025).
    const attempt = await this.guard.beginRegistration(req);
    const passwordHash = await this.hashPassword(input.password);
    const acquisitionChannel = input.channel ?? input.utm_source ?? null;
    const signedIn = await this.k.db.transaction(async () => {
      if (input.email && (await this.findBy({ kind: 'email', value: input.email }))) throw new AppError(CustomerErrors.EMAIL_TAKEN);
      if (input.mobile && (await this.findBy({ kind: 'mobile', value: input.mobile }))) throw new AppError(CustomerErrors.MOBILE_TAKEN);
      const now = this.k.clock.now();
      const id = newId();
      try {
        await this.q.insert(customers).values({
          id,
          email: input.email ?? null,
          mobile: input.mobile ?? null,
          passwordHash,
          name: input.name ?? null,
          locale: input.locale,
          acquisitionChannel,
          createdAt: now,
          updatedAt: now,
        });
      } catch (err) {
        if (isUniqueViolation(err, 'email')) throw new AppError(CustomerErrors.EMAIL_TAKEN);
        if (isUniqueViolation(err, 'mobile')) throw new AppError(CustomerErrors.MOBILE_TAKEN);
        throw err;
      }
      await this.k.outbox.emit(CustomerEvents.registered, {
        customerId: id,
        ...(acquisitionChannel ? { channel: acquisitionChannel } : {}),
      });
      return this.signIn(id, req, reply);
    });
    await attempt.succeeded(accountKey((input.email ?? input.mobile)!), reply);
    return signedIn;
  }

  /**
   * Checks the password and signs in. The attempt is counted before the password is checked
   * (per account, per address, per account from that address; or per known device), so a burst
   * of guesses cannot outrun the count. Unknown accounts cost the same hash as known ones and
   * fail with the same error.
   */
  async login(who: Identifier | null, raw: string, password: string, req: FastifyRequest, reply?: FastifyReply): Promise<SignedIn> {
    // Counted first, before any lookup: the order attempts arrive in is the order they are counted.
    const attempt = await this.guard.begin(req, accountKey(who?.value ?? raw));
    const row = who ? await this.findBy(who) : undefined;
    const ok = await verifyPassword(password, row?.passwordHash ?? (await this.dummy()));
    if (!row || !row.passwordHash || !ok) throw new AppError(CustomerErrors.INVALID_CREDENTIALS);
    const signedIn = await this.k.db.transaction(() => this.signIn(row.id, req, reply));
    await attempt.succeeded(reply);
    return signedIn;
  }

  /** Opens a session and tells the rest of the store (hooks in this transaction, then the outbox). */
  async signIn(customerId: string, req: FastifyRequest, reply?: FastifyReply): Promise<SignedIn> {
    return this.k.db.transaction(async () => {
      const session = await this.sessions.create(customerId, { userAgent: req.headers['user-agent'], ip: req.ip });
      await this.k.outbox.emit(CustomerEvents.signedIn, { customerId, sessionId: session.sessionId });
      for (const hook of this.signInHooks) await hook({ customerId, sessionId: session.sessionId, req, reply });
      return { ...session, csrfToken: this.csrfToken(session.sessionId), customer: await this.requireCustomer(customerId) };
    });
  }

  csrfToken(sessionId: string): string {
    return csrfTokenFor(this.k.secrets.session, sessionId);
  }

  /** Requires the current password; signs out every other session. */
  async changePassword(customerId: string, sessionId: string, current: string, next: string): Promise<void> {
    // A stolen session must not become a way to guess the password either.
    const key = `shopper:password:${customerId}`;
    await this.guard.takeOrRefuse([{ key, ...SIGN_IN_RULES.account }]);
    const [row] = await this.q.select().from(customers).where(eq(customers.id, customerId));
    if (!row || !row.passwordHash || !(await verifyPassword(current, row.passwordHash))) throw new AppError(CustomerErrors.WRONG_PASSWORD);
    await this.throttle.clear(key);
    const passwordHash = await this.hashPassword(next);
    await this.k.db.transaction(() => this.setPassword(customerId, passwordHash, 'change', sessionId));
  }

  /** Stores a new hash and revokes sessions (all, or all but `keepSessionId`), in the caller's transaction. */
  async setPassword(customerId: string, passwordHash: string, via: CustomerPasswordChanged['via'], keepSessionId?: string) {
    await this.q.update(customers).set({ passwordHash, updatedAt: this.k.clock.now() }).where(eq(customers.id, customerId));
    await this.sessions.revokeAll(customerId, keepSessionId);
    await this.k.outbox.emit(CustomerEvents.passwordChanged, { customerId, via });
  }

  async updateProfile(customerId: string, patch: { name?: string | null; locale?: Locale }): Promise<CustomerView> {
    await this.q.update(customers).set({ ...patch, updatedAt: this.k.clock.now() }).where(eq(customers.id, customerId));
    return this.requireCustomer(customerId);
  }

  // ── reads for other modules ──────────────────────────────────────────────

  async findBy(who: Identifier): Promise<CustomerRow | undefined> {
    const [row] = await this.q
      .select()
      .from(customers)
      .where(who.kind === 'email' ? eq(customers.email, who.value) : eq(customers.mobile, who.value));
    return row;
  }

  async getCustomer(id: string): Promise<CustomerView | null> {
    const [row] = await this.q.select().from(customers).where(eq(customers.id, id));
    return row ? toView(row) : null;
  }

  async requireCustomer(id: string): Promise<CustomerView> {
    const c = await this.getCustomer(id);
    if (!c) throw new AppError(CoreErrors.NOT_FOUND, { what: `customer ${id}` });
    return c;
  }

  /** Emails (any case) or mobiles → the ids of the accounts that have them; unknown ones are absent. */
  async idsByContacts(contacts: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    if (contacts.length === 0) return out;
    const emails = contacts.filter((c) => c.includes('@')).map((c) => c.toLowerCase());
    const mobiles = contacts.filter((c) => !c.includes('@'));
    for (let i = 0; i < Math.max(emails.length, mobiles.length); i += 1000) {
      const e = emails.slice(i, i + 1000);
      const m = mobiles.slice(i, i + 1000);
      const rows = await this.q
        .select({ id: customers.id, email: customers.email, mobile: customers.mobile })
        .from(customers)
        .where(or(e.length ? inArray(customers.email, e) : undefined, m.length ? inArray(customers.mobile, m) : undefined));
      for (const r of rows) {
        if (r.email && e.includes(r.email)) out.set(r.email, r.id);
        if (r.mobile && m.includes(r.mobile)) out.set(r.mobile, r.id);
      }
    }
    return new Map(contacts.flatMap((c) => { const id = out.get(c.includes('@') ? c.toLowerCase() : c); return id ? [[c, id] as const] : []; }));
  }

  /** Which of these ids are accounts. */
  async existingIds(ids: string[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (let i = 0; i < ids.length; i += 1000) {
      const rows = await this.q.select({ id: customers.id }).from(customers).where(inArray(customers.id, ids.slice(i, i + 1000)));
      for (const r of rows) out.add(r.id);
    }
    return out;
  }

  /** Newest first; `q` matches email, mobile or name. */
  async listCustomers(f: { q?: string; limit?: number; cursor?: string } = {}) {
    const limit = Math.min(Math.max(f.limit ?? 20, 1), 100);
    const where: SQL[] = [];
    if (f.q) {
      const like = `%${f.q.replace(/[%_\\]/g, (c) => '\\' + c)}%`;
      where.push(or(ilike(customers.email, like), ilike(customers.mobile, like), ilike(customers.name, like))!);
    }
    const after = customerCursor.decode(this.k.secrets.session, f.cursor);
    if (after) {
      const [at, id] = after;
      where.push(or(lt(customers.createdAt, at), and(eq(customers.createdAt, at), lt(customers.id, id)))!);
    }
    const rows = await this.q
      .select()
      .from(customers)
      .where(and(...where))
      .orderBy(desc(customers.createdAt), desc(customers.id))
      .limit(limit + 1);
    return toPage(rows, limit, (r) => customerCursor.encode(this.k.secrets.session, [r.createdAt.toISOString(), r.id]), toView);
  }

  /** Accounts created in [from, to). */
  async countNewCustomers(from: Date, to: Date): Promise<number> {
    const [row] = await this.q
      .select({ n: count() })
      .from(customers)
      .where(and(gte(customers.createdAt, from), lt(customers.createdAt, to)));
    return Number(row?.n ?? 0);
  }

  /** For the demo generator: multi-row VALUES, 500 rows a statement. Share one precomputed hash. */
  async insertCustomersBulk(rows: BulkCustomerRow[]): Promise<number> {
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500).map((r) => ({
        ...r,
        id: r.id ?? newId(),
        email: r.email?.toLowerCase() ?? null,
        locale: r.locale ?? ('zh-CN' as const),
        updatedAt: r.updatedAt ?? r.createdAt,
      }));
      await this.q.insert(customers).values(chunk);
    }
    return rows.length;
  }

  async close(): Promise<void> {
    await this.throttle.log.close();
  }

  /** A real hash to check against when the account does not exist, so timing reveals nothing. */
  private dummy(): Promise<string> {
    this.dummyHash ??= this.hashPassword('not-a-password-' + newId());
    return this.dummyHash;
  }
}

/**
 * Names the account in throttle keys by the identifier signed in with (normalized, hashed), known
 * before anything is looked up — so an unknown account is counted exactly like a known one.
 */
export function accountKey(identifier: string): string {
  return identifierKey(identifier);
}

export function toView(r: CustomerRow): CustomerView {
  return {
    id: r.id,
    email: r.email,
    mobile: r.mobile,
    name: r.name,
    locale: r.locale,
    acquisitionChannel: r.acquisitionChannel,
    createdAt: r.createdAt.toISOString(),
  };
}
