// A small bounded cache for values computed per entity on demand: the most recently used stay,
// so a busy entity page is served from memory and a long tail of rare ones cannot grow it.

/** Keeps the values computed for the most recently used keys, dropping the least recently used. */
export class RecentlyUsed<V> {
  private readonly values = new Map<string, V>();
  constructor(private readonly capacity: number) {}

  /** Returns the value for the key, computing and keeping it when absent. */
  get(key: string, compute: () => V): V {
    let value = this.values.get(key);
    if (value !== undefined) {
      this.values.delete(key); // re-inserted below: most recently used last
    } else {
      value = compute();
      if (this.values.size >= this.capacity) this.values.delete(this.values.keys().next().value!);
    }
    this.values.set(key, value);
    return value;
  }
}
