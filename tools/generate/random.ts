// A small seeded pseudo-random generator for the synthetic corpus: the same seed gives the
// same sequence on every machine and Node version, which Math.random cannot promise.

/**
 * A deterministic random source built on mulberry32 (32-bit state, period 2^32).
 * Not for cryptography; chosen because it is tiny, fast and well mixed for test data.
 */
export class Random {
  private state: number;

  /** Given a 32-bit seed (any integer; it is truncated to 32 bits), returns a fresh sequence. */
  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /**
   * Given a seed and a stream number, returns a generator independent of the others, so
   * article 123 can be produced without drawing the numbers of articles 0–122 first.
   */
  static forStream(seed: number, stream: number): Random {
    return new Random(mix32(mix32(seed) ^ Math.imul(stream + 1, 0x9e3779b9)));
  }

  /** Returns a float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Returns an integer in [min, max], both ends included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Returns true with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Returns one element of a non-empty array, uniformly. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Shuffles `items` in place (Fisher–Yates) and returns it. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }
}

// Private: a 32-bit integer finaliser (from MurmurHash3) so nearby seeds give unrelated streams.
function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}
