import { useEffect, useRef, useState } from 'react';
import { CLAIM_PATIENCE_MS, CLAIM_POLL_MS, CLAIM_SLOW_MS, CLAIM_SLOW_POLL_MS, ROUNDS_POLL_MS, type FlashClaim, type FlashRound } from './flash';

/** A device clock this far off the server's is corrected; less is the page's own travel time. */
const SKEW_MS = 3000;

/**
 * The time on the round page, ticking each second. The first render (server and hydration) uses the
 * server's moment so the markup matches; then the device's clock, corrected when it is more than a
 * few seconds off the server's (a phone set to the wrong time must not open the button early or late).
 */
export function useFlashNow(serverNow: string): number {
  const [now, setNow] = useState(() => Date.parse(serverNow));
  useEffect(() => {
    const off = Date.parse(serverNow) - Date.now();
    const skew = Math.abs(off) > SKEW_MS ? off : 0;
    const tick = () => setNow(Date.now() + skew);
    tick();
    // Ticks on the second boundary, so every countdown on the page turns together.
    let timer: ReturnType<typeof setTimeout>;
    const schedule = () => {
      timer = setTimeout(() => {
        tick();
        schedule();
      }, 1000 - ((Date.now() + skew) % 1000) + 5);
    };
    schedule();
    return () => clearTimeout(timer);
  }, [serverNow]);
  return now;
}

/**
 * Units left per item, from the rounds endpoint once a second while the page is visible (the answer
 * is shared between all shoppers for that second: polling costs the store no query per shopper).
 * Starts from what the page was rendered with.
 */
export function useUnitsLeft(initial: Record<string, number | null>, active: boolean): Record<string, number | null> {
  const [left, setLeft] = useState(initial);
  useEffect(() => setLeft(initial), [initial]);
  useEffect(() => {
    if (!active) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      if (document.visibilityState === 'visible') {
        try {
          const res = await fetch('/api/store/flash-sales/rounds', { credentials: 'same-origin' });
          if (res.ok) {
            const { items } = (await res.json()) as { items: FlashRound[] };
            const next: Record<string, number | null> = {};
            for (const r of items) for (const i of r.items) next[i.id] = i.left;
            if (!stopped) setLeft((was) => ({ ...was, ...next }));
          }
        } catch {
          // Offline for a moment: the next poll tries again.
        }
      }
      if (!stopped) timer = setTimeout(poll, ROUNDS_POLL_MS);
    };
    timer = setTimeout(poll, ROUNDS_POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [active]);
  return left;
}

/** Where a won claim stands, as the round page tells it. */
export type ClaimWatch =
  | { kind: 'waiting' }
  /** Waiting longer than usual (a busy moment): still looking, less often. */
  | { kind: 'slow' }
  | { kind: 'ordered'; orderId: string }
  | { kind: 'released'; reason: string | null; failure: string | null }
  /** No answer about the claim (yet): the order will be under the shopper's orders. */
  | { kind: 'unknown' };

/**
 * Follows a won claim every half second until its order is made (`ordered`) or the unit went back
 * (`released`); after ten seconds every two (and says it is taking longer); gives up after two
 * minutes, or when the claim cannot be read.
 */
export function useClaimWatch(claim: FlashClaim | null): ClaimWatch | null {
  const [watch, setWatch] = useState<ClaimWatch | null>(null);
  const since = useRef(0);
  useEffect(() => {
    if (!claim) {
      setWatch(null);
      return;
    }
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    since.current = Date.now();
    const settle = (c: FlashClaim): boolean => {
      if ((c.state === 'ordered' || c.state === 'paid') && c.orderId) setWatch({ kind: 'ordered', orderId: c.orderId });
      else if (c.state === 'released') setWatch({ kind: 'released', reason: c.releasedReason ?? null, failure: c.failure ?? null });
      else return false;
      return true;
    };
    if (settle(claim)) return;
    setWatch({ kind: 'waiting' });
    const poll = async () => {
      try {
        const res = await fetch(`/api/store/flash-sales/claims/${encodeURIComponent(claim.id)}`, { credentials: 'same-origin' });
        if (stopped) return;
        if (res.ok) {
          if (settle((await res.json()) as FlashClaim)) return;
        } else if (res.status !== 429 && res.status < 500) {
          return setWatch({ kind: 'unknown' });
        }
      } catch {
        // A dropped poll: try again on the next one.
      }
      if (stopped) return;
      const waited = Date.now() - since.current;
      if (waited > CLAIM_PATIENCE_MS) return setWatch({ kind: 'unknown' });
      if (waited > CLAIM_SLOW_MS) setWatch((w) => (w?.kind === 'waiting' ? { kind: 'slow' } : w));
      timer = setTimeout(poll, waited > CLAIM_SLOW_MS ? CLAIM_SLOW_POLL_MS : CLAIM_POLL_MS);
    };
    timer = setTimeout(poll, CLAIM_POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [claim]);
  return watch;
}

/** The order's number for the pay page's address (its id works too, when the order cannot be read). */
export async function orderNumberOf(orderId: string): Promise<string> {
  try {
    const res = await fetch(`/api/store/orders/${encodeURIComponent(orderId)}`, { credentials: 'same-origin' });
    if (res.ok) return ((await res.json()) as { number: string }).number;
  } catch {
    // Fall through to the id.
  }
  return orderId;
}
