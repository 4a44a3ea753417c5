// Whole-response caching in front of Apollo Server. The corpus is read-only between reloads, so a
// successful answer depends only on the request and the store version: a repeated request is
// answered with the bytes stored the first time, with no parsing, validation or execution.
// A reload changes the version and empties the cache; answers with errors are never stored.
import { createHash } from "node:crypto";
import type { IncomingHttpHeaders, ServerResponse } from "node:http";

/** What a cached answer replays. */
interface Entry {
  status: number;
  headers: [string, string][];
  /** The body, encoded once. */
  body: Buffer;
  /** What the entry holds in memory: its body, headers and key, counted against `maxBytes`. */
  bytes: number;
}

/** Options of {@link ResponseCache}; the interface is the documentation. */
export interface ResponseCacheOptions {
  /** The version of the data being served now (`store.version`); a change empties the cache. */
  version: () => string;
  /** Most bytes held, bodies, headers and keys together; the least recently used answers go first. @default 64 MiB */
  maxBytes?: number;
  /** Answers larger than this are not stored. @default 1 MiB */
  maxEntryBytes?: number;
}

/** Request headers that change the answer's bytes, so they are part of the key. */
const VARYING_HEADERS = ["accept"] as const;

/** Bytes counted for one entry beyond its body, headers and key: the Map slot and the objects around them. */
const ENTRY_OVERHEAD_BYTES = 200;

/**
 * An LRU cache of complete GraphQL answers keyed by the request as sent (method, query string,
 * body bytes and the headers that change the answer) under one store version. The key is a digest
 * of the request, never the request itself: a request's body can be a megabyte, its answer tiny,
 * and every byte held (keys and headers too) counts against the limit.
 */
export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private readonly maxBytes: number;
  private readonly maxEntryBytes: number;
  private bytes = 0;
  private seenVersion = "";
  /** Answers served from the cache, and requests that had to be executed, since start. */
  readonly stats = { hits: 0, misses: 0 };

  constructor(private readonly options: ResponseCacheOptions) {
    this.maxBytes = options.maxBytes ?? 64 * 2 ** 20;
    this.maxEntryBytes = options.maxEntryBytes ?? 2 ** 20;
  }

  /**
   * Given a request, returns its cache key, or null when its answer must not come from a cache:
   * a request for a federated trace (each trace is fresh timing data).
   */
  keyOf(method: string, search: string, body: string | undefined, headers: IncomingHttpHeaders): string | null {
    if (headers["apollo-federation-include-trace"] !== undefined) return null;
    const digest = createHash("sha256").update(`${method}\n${search}\n`);
    for (const name of VARYING_HEADERS) digest.update(`${headers[name] ?? ""}\n`);
    if (body !== undefined) digest.update(body);
    return `${this.current()}\n${digest.digest("base64url")}`;
  }

  /** Writes the stored answer for `key` to `res` and returns true, or returns false on a miss. */
  serve(key: string, res: ServerResponse): boolean {
    const entry = this.entries.get(key);
    if (!entry) {
      this.stats.misses++;
      return false;
    }
    // Refresh its place in the LRU order (a Map iterates in insertion order).
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.stats.hits++;
    res.statusCode = entry.status;
    for (const [name, value] of entry.headers) res.setHeader(name, value);
    res.end(entry.body);
    return true;
  }

  /**
   * Stores an answer under `key` when it may be replayed: status 200, a body without `errors`,
   * within the size limit, and computed under the version the key was made for.
   */
  store(key: string, status: number, headers: Iterable<[string, string]>, body: string): void {
    if (status !== 200 || body.includes('"errors":')) return;
    if (!key.startsWith(`${this.current()}\n`)) return; // a reload happened while it ran
    const encoded = Buffer.from(body);
    if (encoded.length > this.maxEntryBytes) return;
    const previous = this.entries.get(key);
    if (previous) this.bytes -= previous.bytes;
    const headerList = [...headers];
    let bytes = encoded.length + key.length + ENTRY_OVERHEAD_BYTES;
    for (const [name, value] of headerList) bytes += name.length + value.length;
    this.entries.set(key, { status, headers: headerList, body: encoded, bytes });
    this.bytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes;
    }
  }

  /** How many answers the cache holds, and the bytes counted for them (bodies, headers and keys). */
  size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  // Private: the current store version, emptying the cache when it changed.
  private current(): string {
    const version = this.options.version();
    if (version !== this.seenVersion) {
      this.entries.clear();
      this.bytes = 0;
      this.seenVersion = version;
    }
    return version;
  }
}
