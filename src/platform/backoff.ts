/**
 * Growing delays for guessable secrets (passwords, codes), after OWASP's authentication guidance:
 * a few free attempts, then each further attempt must wait twice as long as the one before, up to
 * a ceiling — a slowing answer, never a lockout. Pure: the attempt logs (memory, Redis) apply it,
 * and the Redis script repeats the same arithmetic (src/platform/throttle-redis.ts).
 */
export interface BackoffRule {
  /** What is counted: an account, an address, an account from an address, a known device. */
  key: string;
  /** Attempts allowed back to back before any delay. */
  free: number;
  /** The wait after the first attempt beyond `free`; it doubles with each attempt after that. */
  baseMs: number;
  /** The longest wait between two attempts. */
  maxMs: number;
  /** A key left alone this long starts again from nothing. */
  forgetMs: number;
}

/** What a log keeps per key: attempts counted, and when the last one was. */
export interface AttemptState {
  count: number;
  lastAt: number;
}

/** The state that counts at `now`: a forgotten one is no state at all. */
export function current(state: AttemptState | undefined, rule: BackoffRule, now: number): AttemptState {
  if (!state || state.count <= 0 || now - state.lastAt >= rule.forgetMs) return { count: 0, lastAt: 0 };
  return state;
}

/** The wait required after `count` counted attempts (0 while they are within the free ones). */
export function delayAfter(count: number, rule: BackoffRule): number {
  if (count < rule.free) return 0;
  return Math.min(rule.baseMs * 2 ** (count - rule.free), rule.maxMs);
}

/** Milliseconds until one more attempt may go ahead under `rule` (0: now). */
export function waitMs(state: AttemptState | undefined, rule: BackoffRule, now: number): number {
  const s = current(state, rule, now);
  if (s.count === 0) return 0;
  return Math.max(0, s.lastAt + delayAfter(s.count, rule) - now);
}

/** The state after one more attempt at `now`. */
export function counted(state: AttemptState | undefined, rule: BackoffRule, now: number): AttemptState {
  return { count: current(state, rule, now).count + 1, lastAt: now };
}

/** Whole seconds for a Retry-After header: never 0 for a refusal. */
export function retryAfterSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
