import { and, desc, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Kernel } from '../../platform/kernel.js';
import { AppError } from '../../platform/errors.js';
import { HOUR, MINUTE } from '../../platform/clock.js';
import { addressKey, SIGN_IN_RULES } from '../../platform/sign-in/index.js';
import { interpolate, type Locale } from '../../platform/i18n.js';
import { newId, newNumericCode } from '../../platform/ids.js';
import type { MessagesService } from '../messages/index.js';
import { customerPasswordResets as resets } from './schema.js';
import { CustomerErrors } from './errors.js';
import { hmac, safeEqual, sha256 } from './tokens.js';
import { accountKey, type CustomersService } from './service.js';
import type { Identifier } from './types.js';

export const RESET_TTL_MS = 15 * MINUTE;
export const RESET_MAX_ATTEMPTS = 5;
/**
 * Codes sent per account identifier, and per address across identifiers: stops SMS/email bombing
 * and code farming. Five at once, then a growing wait (a minute, two, four … up to an hour),
 * counted before anything is sent, like sign-in (docs/decisions/0025).
 */
const REQUESTS_PER_IDENTIFIER = { free: 5, baseMs: MINUTE, maxMs: HOUR, forgetMs: HOUR };
const REQUESTS_PER_ADDRESS = { free: 20, baseMs: MINUTE, maxMs: HOUR, forgetMs: HOUR };

const TEXT: Record<Locale, { subject: string; body: string }> = {
  'zh-CN': {
    subject: '【{store}】密码重置验证码',
    body: '您的验证码是 {code}，{minutes} 分钟内有效。如非本人操作，请忽略本消息。',
  },
  en: {
    subject: 'Your {store} password reset code',
    body: 'Your verification code is {code}. It is valid for {minutes} minutes. If you did not ask to reset your password, ignore this message.',
  },
};

/** Password reset by a 6-digit code sent to the account's email or mobile. */
export class PasswordResets {
  constructor(
    private readonly k: Kernel,
    private readonly customers: CustomersService,
    private readonly messages: MessagesService,
    private readonly storeName: (locale: Locale) => Promise<string>,
  ) {}

  /** Behaves the same whether or not the account exists: the caller always answers 202. */
  async request(who: Identifier | null, ip: string): Promise<void> {
    if (!who) return;
    const rules = [
      { key: `shopper:reset:${sha256(who.value)}`, ...REQUESTS_PER_IDENTIFIER },
      { key: `shopper:reset-ip:${addressKey(ip)}`, ...REQUESTS_PER_ADDRESS },
    ];
    // Refused quietly: the answer is 202 either way, so it tells nothing about the account.
    if ((await this.customers.throttle.take(rules)) > 0) return;
    await this.k.db.transaction(async () => {
      const customer = await this.customers.findBy(who);
      if (!customer) return;
      const now = this.k.clock.now();
      // A new code supersedes any earlier one.
      await this.k.db.q
        .update(resets)
        .set({ usedAt: now })
        .where(and(eq(resets.customerId, customer.id), isNull(resets.usedAt)));
      const id = newId();
      const code = newNumericCode(6);
      await this.k.db.q.insert(resets).values({
        id,
        customerId: customer.id,
        codeHash: this.codeHash(id, code),
        createdAt: now,
        expiresAt: new Date(now.getTime() + RESET_TTL_MS),
      });
      const text = TEXT[customer.locale];
      const params = { code, minutes: RESET_TTL_MS / MINUTE, store: await this.storeName(customer.locale) };
      await this.messages.send({
        channel: who.kind === 'email' ? 'email' : 'sms',
        to: who.value,
        subject: interpolate(text.subject, params),
        body: interpolate(text.body, params),
        locale: customer.locale,
      });
    });
  }

  /**
   * Sets the new password when the code is right; single use, a few attempts, then void. Guesses
   * are also counted per address like sign-ins, against codes farmed for many accounts at once.
   */
  async confirm(who: Identifier | null, code: string, newPassword: string, ip: string): Promise<void> {
    const addressRule = { key: `shopper:reset-confirm-ip:${addressKey(ip)}`, ...SIGN_IN_RULES.address };
    await this.customers.guard.takeOrRefuse([addressRule]);
    const passwordHash = await this.customers.hashPassword(newPassword);
    // A wrong guess must count even though the request fails: decide inside, throw after commit.
    const done = await this.k.db.transaction(async () => {
      const customer = who ? await this.customers.findBy(who) : undefined;
      if (!customer) return null;
      const now = this.k.clock.now();
      const [reset] = await this.k.db.q
        .select()
        .from(resets)
        .where(and(eq(resets.customerId, customer.id), isNull(resets.usedAt), gt(resets.expiresAt, now)))
        .orderBy(desc(resets.createdAt))
        .limit(1)
        .for('update');
      if (!reset || reset.attempts >= RESET_MAX_ATTEMPTS) return null;
      if (!safeEqual(this.codeHash(reset.id, code), reset.codeHash)) {
        await this.k.db.q
          .update(resets)
          .set({ attempts: sql`${resets.attempts} + 1` })
          .where(and(eq(resets.id, reset.id), lt(resets.attempts, RESET_MAX_ATTEMPTS)));
        return null;
      }
      const used = await this.k.db.q
        .update(resets)
        .set({ usedAt: now })
        .where(and(eq(resets.id, reset.id), isNull(resets.usedAt)))
        .returning({ id: resets.id });
      if (used.length === 0) return null;
      await this.customers.setPassword(customer.id, passwordHash, 'reset');
      return customer;
    });
    if (!done) throw new AppError(CustomerErrors.RESET_CODE_INVALID);
    // The owner proved who they are: their sign-in is no longer slowed by anyone's guesses.
    await this.customers.throttle.release(addressRule.key);
    for (const identifier of [done.email, done.mobile]) if (identifier) await this.customers.guard.forgiveAccount(accountKey(identifier));
  }

  /** Keyed by the store's secret: a leaked table does not give away 6-digit codes by brute force. */
  private codeHash(resetId: string, code: string): string {
    return hmac(this.k.secrets.session, `reset:${resetId}:${code}`);
  }
}
