import type { FastifyReply, FastifyRequest } from 'fastify';
import { DAY, HOUR, MINUTE } from '../clock.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import type { BackoffRule } from '../backoff.js';
import type { Throttle } from '../throttle.js';
import { addressKey } from './address.js';
import { readKnownDevice, rememberDevice, type KnownDeviceCookie } from './known-device.js';
import { SignInErrors, waitParams } from './errors.js';

const SECOND = 1000;

/**
 * How sign-in attempts are slowed (docs/decisions/0025). Counted per account (however many
 * addresses guess at it), per address (however many accounts it sprays) and per account from one
 * address (the usual single guesser, slowed first); a browser that signed in to the account before
 * is counted on its own. Each allows a few attempts, then doubles the wait up to 15 minutes.
 * Addresses get more free attempts: a carrier's NAT puts many shoppers behind one.
 */
export const SIGN_IN_RULES = {
  account: { free: 10, baseMs: SECOND, maxMs: 15 * MINUTE, forgetMs: DAY },
  accountFromAddress: { free: 5, baseMs: SECOND, maxMs: 15 * MINUTE, forgetMs: DAY },
  address: { free: 30, baseMs: SECOND, maxMs: 15 * MINUTE, forgetMs: HOUR },
  knownDevice: { free: 10, baseMs: SECOND, maxMs: 15 * MINUTE, forgetMs: DAY },
} satisfies Record<string, Omit<BackoffRule, 'key'>>;

/** One attempt, already counted; says how it ended. */
export interface SignInAttempt {
  /** The password was right: takes the attempt back, clears the account's slowing, remembers the device. */
  succeeded(reply?: FastifyReply): Promise<void>;
}

export class SignInGuard {
  constructor(
    private readonly throttle: Throttle,
    private readonly clock: Clock,
    private readonly secret: () => string,
    /** `shopper` or `staff`: their counts and cookies are separate. */
    private readonly scope: string,
    private readonly device: KnownDeviceCookie,
  ) {}

  /**
   * Counts a sign-in attempt before the password is checked, or refuses it with 429 and
   * Retry-After. `account` names the account stably (its id when it exists, else the identifier's
   * hash), so spelling it differently does not dodge the count.
   */
  async begin(req: FastifyRequest, account: string): Promise<SignInAttempt> {
    const now = this.clock.now().getTime();
    const known = readKnownDevice(req, this.device, this.secret(), account, now);
    const keys = {
      account: `${this.scope}:acct:${account}`,
      accountFromAddress: `${this.scope}:acct-ip:${account}:${addressKey(req.ip)}`,
      address: `${this.scope}:ip:${addressKey(req.ip)}`,
      device: known ? `${this.scope}:dev:${known.deviceId}:${account}` : '',
    };
    // A browser this account signed in from before is slowed only by its own failures, so someone
    // guessing from elsewhere cannot keep the owner out.
    const rules: BackoffRule[] = known?.forAccount
      ? [{ key: keys.device, ...SIGN_IN_RULES.knownDevice }]
      : [
          { key: keys.account, ...SIGN_IN_RULES.account },
          { key: keys.accountFromAddress, ...SIGN_IN_RULES.accountFromAddress },
          { key: keys.address, ...SIGN_IN_RULES.address },
        ];
    await this.takeOrRefuse(rules);
    return {
      succeeded: async (reply) => {
        if (known?.forAccount) await this.throttle.clear(keys.device);
        else {
          await this.throttle.clear(keys.account, keys.accountFromAddress);
          // The address is shared (NAT): one success forgives this attempt, not everyone else's.
          await this.throttle.release(keys.address);
        }
        if (reply) rememberDevice(reply, this.device, this.secret(), account, this.clock.now().getTime(), known?.deviceId);
      },
    };
  }

  /**
   * Registration answers whether an identifier is taken, so it is counted like a sign-in, against
   * the same address count; an account actually created gives its attempt back.
   */
  async beginRegistration(req: FastifyRequest): Promise<{ succeeded(account: string, reply?: FastifyReply): Promise<void> }> {
    const key = `${this.scope}:ip:${addressKey(req.ip)}`;
    await this.takeOrRefuse([{ key, ...SIGN_IN_RULES.address }]);
    // The browser keeps its device id, as at sign-in: a device is a browser, whichever account it
    // signs in to (the referral guard compares them).
    const browser = this.deviceOf(req);
    return {
      // The browser that created the account is the first device it knows.
      succeeded: async (account, reply) => {
        await this.throttle.release(key);
        if (reply) rememberDevice(reply, this.device, this.secret(), account, this.clock.now().getTime(), browser ?? undefined);
      },
    };
  }

  /** The device id of the browser behind a request (a valid, unexpired cookie, for any account), or null. */
  deviceOf(req: FastifyRequest): string | null {
    return readKnownDevice(req, this.device, this.secret(), '', this.clock.now().getTime())?.deviceId ?? null;
  }

  /** A password reset proves the owner: the account's slowing ends at once. */
  async forgiveAccount(account: string): Promise<void> {
    await this.throttle.clear(`${this.scope}:acct:${account}`);
  }

  /** Counts an attempt under `rules`, or refuses with 429. */
  async takeOrRefuse(rules: BackoffRule[]): Promise<void> {
    const retryAfter = await this.throttle.take(rules);
    if (retryAfter > 0) throw new AppError(SignInErrors.SIGN_IN_THROTTLED, { retryAfter, ...waitParams(retryAfter) }, { retryAfter });
  }
}
