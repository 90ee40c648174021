/**
 * A small least-recently-used cache of immutable bytes, bounded by their total size. Media assets
 * never change once written (content-addressed), so nothing ever needs invalidating.
 */
export class HotBytes<V extends { data: Buffer }> {
  private readonly entries = new Map<string, V>();
  private total = 0;

  constructor(private readonly budgetBytes: number) {}

  get(key: string): V | undefined {
    const v = this.entries.get(key);
    if (v) {
      this.entries.delete(key);
      this.entries.set(key, v);
    }
    return v;
  }

  set(key: string, value: V): void {
    if (value.data.length > this.budgetBytes / 8) return; // one big file must not flush everything else
    const old = this.entries.get(key);
    if (old) this.total -= old.data.length;
    this.entries.delete(key);
    this.entries.set(key, value);
    this.total += value.data.length;
    for (const [k, v] of this.entries) {
      if (this.total <= this.budgetBytes) break;
      this.entries.delete(k);
      this.total -= v.data.length;
    }
  }
}
