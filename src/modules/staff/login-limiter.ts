import type { Clock } from '../../platform/clock.js';

/**
 * Failed sign-ins counted per email in memory: after `max` failures within `windowMs` the email is
 * refused until the window ends. Per process — in the scale shape each API process counts on its own.
 */
export class LoginLimiter {
  private readonly failures = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly max = 10,
    private readonly windowMs = 15 * 60_000,
  ) {}

  /** Seconds to wait when the email is locked out, else 0. */
  retryAfter(email: string): number {
    const entry = this.failures.get(email);
    const now = this.clock.now().getTime();
    if (!entry || entry.resetAt <= now || entry.count < this.max) return 0;
    return Math.ceil((entry.resetAt - now) / 1000);
  }

  fail(email: string): void {
    const now = this.clock.now().getTime();
    const entry = this.failures.get(email);
    if (!entry || entry.resetAt <= now) {
      if (this.failures.size >= 10_000) this.sweep(now);
      this.failures.set(email, { count: 1, resetAt: now + this.windowMs });
    } else entry.count++;
  }

  succeed(email: string): void {
    this.failures.delete(email);
  }

  private sweep(now: number): void {
    for (const [email, e] of this.failures) if (e.resetAt <= now) this.failures.delete(email);
  }
}
