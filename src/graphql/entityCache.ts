// The per-entity cache below the whole-response cache: each entity a router asks for through
// `_entities` is serialised once per store version and selection, so a request naming a new
// combination of entities already seen is answered by joining stored JSON, and only the entities
// not yet seen are resolved (still one DataLoader batch per type). A reload changes the store
// version and empties it.

/** Options of {@link EntityCache}; the interface is the documentation. */
export interface EntityCacheOptions {
  /** Most bytes of serialised entities held (UTF-16, as V8 holds them); the oldest go first. @default 32 MiB */
  maxBytes?: number;
}

/**
 * Serialised entities keyed by the selection they were resolved for and their representation,
 * under one store version.
 */
export class EntityCache {
  private readonly entries = new Map<string, string>();
  private readonly maxBytes: number;
  private bytes = 0;
  private version: string | undefined;
  /** Entities answered from the cache, and entities that had to be resolved, since start. */
  readonly stats = { hits: 0, misses: 0 };

  constructor(options: EntityCacheOptions = {}) {
    this.maxBytes = options.maxBytes ?? 32 * 2 ** 20;
  }

  /**
   * Given the store version a request reads and the keys of its entities, returns the stored JSON
   * of each (undefined where none is stored). A new version empties the cache first.
   */
  lookup(version: string, keys: readonly string[]): (string | undefined)[] {
    if (version !== this.version) this.clear(version);
    return keys.map((key) => {
      const json = this.entries.get(key);
      if (json === undefined) this.stats.misses++;
      else this.stats.hits++;
      return json;
    });
  }

  /** Stores an entity's JSON under `key` when the cache still holds `version`. */
  store(version: string, key: string, json: string): void {
    if (version !== this.version || this.entries.has(key)) return;
    this.entries.set(key, json);
    this.bytes += 2 * (key.length + json.length);
    // A Map iterates in insertion order: the first entries are the oldest.
    for (const [oldest, value] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= 2 * (oldest.length + value.length);
    }
  }

  /** How many entities and bytes the cache holds. */
  size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  // Private: empties the cache for a new store version.
  private clear(version: string): void {
    this.entries.clear();
    this.bytes = 0;
    this.version = version;
  }
}
