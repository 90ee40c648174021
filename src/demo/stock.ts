/**
 * The demo's stock arithmetic, in memory: on-hand and reserved per variant (default warehouse),
 * and the stock movements still to come (a payment minutes after the order, a refund days later)
 * in a heap by time. Movements are applied in time order, so every ledger row's "after" figures
 * follow from the rows before it, and the final figures equal the ledger's sums.
 */

export type StockReason = 'receipt' | 'reserve' | 'commit' | 'release' | 'restock';

export interface StockMove {
  at: number;
  variant: number;
  reason: StockReason;
  quantity: number;
  orderId: string | null;
  note?: string;
}

/** The deltas a movement of `quantity` units makes (the same as InventoryService's). */
export function deltas(reason: StockReason, quantity: number): { onHand: number; reserved: number } {
  switch (reason) {
    case 'receipt':
    case 'restock':
      return { onHand: quantity, reserved: 0 };
    case 'reserve':
      return { onHand: 0, reserved: quantity };
    case 'commit':
      return { onHand: -quantity, reserved: -quantity };
    case 'release':
      return { onHand: 0, reserved: -quantity };
  }
}

export class StockBook {
  readonly onHand: Int32Array;
  readonly reserved: Int32Array;
  readonly lastAt: Float64Array;

  constructor(variants: number) {
    this.onHand = new Int32Array(variants);
    this.reserved = new Int32Array(variants);
    this.lastAt = new Float64Array(variants);
  }

  available(v: number): number {
    return this.onHand[v] - this.reserved[v];
  }

  /** Applies a movement; throws if it would break 0 ≤ reserved ≤ on-hand (a generator bug). */
  apply(m: StockMove): { onHandAfter: number; reservedAfter: number; deltaOnHand: number; deltaReserved: number } {
    const d = deltas(m.reason, m.quantity);
    const onHand = this.onHand[m.variant] + d.onHand;
    const reserved = this.reserved[m.variant] + d.reserved;
    if (reserved < 0 || reserved > onHand) {
      throw new Error(`demo stock would break 0 ≤ reserved ≤ on-hand: variant ${m.variant} ${m.reason} ${m.quantity} → ${onHand}/${reserved}`);
    }
    this.onHand[m.variant] = onHand;
    this.reserved[m.variant] = reserved;
    this.lastAt[m.variant] = Math.max(this.lastAt[m.variant], m.at);
    return { onHandAfter: onHand, reservedAfter: reserved, deltaOnHand: d.onHand, deltaReserved: d.reserved };
  }
}

/** A binary min-heap of future movements by (time, insertion order). */
export class MoveQueue {
  private readonly items: Array<StockMove & { seq: number }> = [];
  private seq = 0;

  get size(): number {
    return this.items.length;
  }

  push(m: StockMove): void {
    const items = this.items;
    items.push({ ...m, seq: this.seq++ });
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      [items[i], items[parent]] = [items[parent], items[i]];
      i = parent;
    }
  }

  /** Removes and returns the earliest movement at or before `until`, or null. */
  popUntil(until: number): StockMove | null {
    const items = this.items;
    if (items.length === 0 || items[0].at > until) return null;
    const top = items[0];
    const last = items.pop()!;
    if (items.length > 0) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && this.less(l, m)) m = l;
        if (r < items.length && this.less(r, m)) m = r;
        if (m === i) break;
        [items[i], items[m]] = [items[m], items[i]];
        i = m;
      }
    }
    return top;
  }

  private less(a: number, b: number): boolean {
    const x = this.items[a];
    const y = this.items[b];
    return x.at < y.at || (x.at === y.at && x.seq < y.seq);
  }
}
