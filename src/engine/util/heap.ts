// A binary min-heap under a caller's ordering: the clock's timers and the scheduler's active queue.

export class BinaryHeap<T> {
  private items: T[] = [];

  /** `before(a, b)`: a comes out first. */
  constructor(private readonly before: (a: T, b: T) => boolean) {}

  get size(): number {
    return this.items.length;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  // Sifting moves a hole rather than swapping pairs: the same comparisons and the same final layout as
  // swaps (so the same order among equals), half the writes and no temporary arrays.
  push(item: T): void {
    const a = this.items;
    let i = a.length;
    a.push(item);
    while (i > 0) {
      const p = (i - 1) >> 1;
      const parent = a[p];
      if (!this.before(item, parent)) break;
      a[i] = parent;
      i = p;
    }
    a[i] = item;
  }

  pop(): T | undefined {
    const a = this.items;
    if (a.length === 0) return undefined;
    const top = a[0];
    const last = a.pop()!;
    const n = a.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        let best: T = last;
        if (l < n && this.before(a[l], best)) {
          m = l;
          best = a[l];
        }
        if (r < n && this.before(a[r], best)) {
          m = r;
          best = a[r];
        }
        if (m === i) break;
        a[i] = best;
        i = m;
      }
      a[i] = last;
    }
    return top;
  }
}
