/**
 * The demo generator's only source of randomness: mulberry32, a 32-bit PRNG that is fast, tiny
 * and identical on every machine. Independent streams are forked by label (a day, a customer),
 * so a change in how many numbers one part draws does not shift every number after it.
 */

/** FNV-1a over the parts, then a murmur3 finaliser: a well-mixed 32-bit seed. */
export function hashSeed(...parts: Array<string | number>): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const s = typeof part === 'number' ? `#${part}` : part;
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h ^= 0x2f; // separator, so ('ab','c') and ('a','bc') differ
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** `--seed 42` and `--seed spring-demo` both work: numbers are used as they are, text is hashed. */
export function parseSeed(value: string | number): number {
  if (typeof value === 'number') return value >>> 0;
  return /^\d{1,10}$/.test(value) && Number(value) <= 0xffffffff ? Number(value) >>> 0 : hashSeed(value);
}

export class Rng {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** A child stream, independent of how much this one has been used. */
  fork(...label: Array<string | number>): Rng {
    return new Rng(hashSeed(this.seed, ...label));
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** 32 random bits. */
  uint32(): number {
    return Math.floor(this.next() * 4294967296) >>> 0;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** An index drawn with probability proportional to `weights`. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let u = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      u -= weights[i];
      if (u < 0) return i;
    }
    return weights.length - 1;
  }

  /** `n` distinct items in random order (all of them when n ≥ length). */
  sample<T>(items: readonly T[], n: number): T[] {
    const copy = [...items];
    this.shuffle(copy);
    return copy.slice(0, Math.min(n, copy.length));
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with the given median and spread (σ of the underlying normal). */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** Pareto with minimum 1 and shape `alpha`: most draws near 1, a few very large. */
  pareto(alpha: number): number {
    return Math.pow(1 - this.next(), -1 / alpha);
  }
}

/**
 * UUIDv7 from an instant and a sequence number: time-ordered like the ids the services make
 * (`newId()`), but reproducible. The sequence number sits in the random field, so two ids of one
 * run never collide whatever their timestamps.
 */
export function uuidAt(ms: number, seq: number, rng: Rng): string {
  const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
  const ts = hex(Math.max(0, Math.floor(ms)), 12).slice(-12);
  const randA = hex(rng.uint32() & 0xfff, 3);
  const variant = hex(0x8000 | (rng.uint32() & 0x3fff), 4);
  const tail = hex(rng.uint32() & 0xffff, 4) + hex(seq >>> 0, 8);
  return `${ts.slice(0, 8)}-${ts.slice(8, 12)}-7${randA}-${variant}-${tail}`;
}
