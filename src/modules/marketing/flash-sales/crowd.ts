/** Attempts within one window that make a crowd (200 a second). */
const CROWD_ATTEMPTS = 50;
const WINDOW_MS = 250;
/** A crowd holds order-making back this long at most; after it, orders are made while it presses on. */
export const CROWD_HOLD_MS = 30_000;

/**
 * This process's sense of a flash-sale crowd: attempts (and token requests) counted in windows of a
 * quarter second. While one presses, the orders of its wins wait (decision 0040): making an order is
 * some fifty statements, and on PGlite each runs on the thread that answers the crowd — made at once,
 * they would slow every attempt of the crowd to a trickle. The crowd's first seconds decide every
 * unit; the orders follow as soon as it thins, or after CROWD_HOLD_MS of it in any case.
 */
export class Crowd {
  private windowStart = 0;
  private inWindow = 0;
  /** When the crowd pressing now began (0: none). */
  private since = 0;
  private lastCrowdedWindow = 0;

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** One attempt or token request arrived. */
  note(): void {
    const t = this.now();
    if (t - this.windowStart >= WINDOW_MS) {
      this.windowStart = t;
      this.inWindow = 0;
    }
    this.inWindow++;
    if (this.inWindow === CROWD_ATTEMPTS) {
      if (!this.since || t - this.lastCrowdedWindow > 2 * WINDOW_MS) this.since = t;
      this.lastCrowdedWindow = t;
    }
  }

  /** Whether order-making should wait: a crowd pressed within the last two windows, and not yet for CROWD_HOLD_MS. */
  pressing(): boolean {
    const t = this.now();
    if (!this.since || t - this.lastCrowdedWindow > 2 * WINDOW_MS) {
      this.since = 0;
      return false;
    }
    return t - this.since < CROWD_HOLD_MS;
  }
}
