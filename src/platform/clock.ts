/**
 * The one clock. Everything that asks "what time is it" asks this, so tests can move time
 * (unpaid timeouts, auto-confirm, campaign windows) without sleeping.
 */
export interface Clock {
  now(): Date;
}

export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that runs with real time but can be shifted forward (tests, demos). */
export class AdjustableClock implements Clock {
  private offsetMs = 0;
  private fixed: Date | null = null;

  now(): Date {
    if (this.fixed) return new Date(this.fixed.getTime() + this.offsetMs);
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  /** Freeze time at a given instant (advance() still moves it). */
  set(at: Date): void {
    this.fixed = at;
    this.offsetMs = 0;
  }
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
