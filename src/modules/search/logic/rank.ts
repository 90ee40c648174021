/**
 * Ordering a page of results: the first `k` items of a list under a comparator without sorting the
 * whole list when the list is long and the page is near its start (bounded max-heap, O(n log k)).
 */

export type Compare = (a: number, b: number) => number;

/** The first `k` of `items[0 .. count)` in `compare` order. */
export function firstK(items: Int32Array, count: number, k: number, compare: Compare): number[] {
  if (k <= 0 || count === 0) return [];
  if (count <= 256 || k * 4 >= count) {
    const all = Array.from(items.subarray(0, count));
    all.sort(compare);
    return all.slice(0, k);
  }
  // heap[0] is the worst of the best k seen so far.
  const heap: number[] = [];
  const worse = (a: number, b: number): boolean => compare(a, b) > 0;
  const siftUp = (at: number): void => {
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!worse(heap[at], heap[parent])) break;
      [heap[at], heap[parent]] = [heap[parent], heap[at]];
      at = parent;
    }
  };
  const siftDown = (at: number): void => {
    for (;;) {
      const left = 2 * at + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && worse(heap[right], heap[left]) ? right : left;
      if (!worse(heap[child], heap[at])) break;
      [heap[at], heap[child]] = [heap[child], heap[at]];
      at = child;
    }
  };
  for (let i = 0; i < count; i++) {
    const item = items[i];
    if (heap.length < k) {
      heap.push(item);
      siftUp(heap.length - 1);
    } else if (compare(item, heap[0]) < 0) {
      heap[0] = item;
      siftDown(0);
    }
  }
  return heap.sort(compare);
}
