// Connections of the PostgreSQL store: one pool for the primary (writes, and reads when there
// are no replicas) and one per read replica, with reads spread round-robin over the replicas
// and moved to the next one when a server cannot be reached.
import pg from "pg";
import type { QueryResultRow } from "pg";
import { StoreUnavailableError } from "../StoreUnavailableError.js";

/** Where the store's data lives. */
export interface DatabaseUrls {
  /** The primary, `postgres://user@host:port/db`: imports and migrations write here. */
  primary: string;
  /** Read replicas; reads spread across them. Empty: the primary serves reads too. */
  replicas?: readonly string[];
  /** Most connections each pool opens. @default 10 */
  poolSize?: number;
  /** Most milliseconds to open a connection (a stopped or frozen server). @default 5000 */
  connectTimeoutMs?: number;
  /**
   * Most milliseconds one statement may run: the server cancels it then (`statement_timeout`), and
   * the client gives up a second later if the server does not answer at all (frozen). The service
   * always sets it (DATABASE_STATEMENT_TIMEOUT_MS). @default none: statements run as long as they take
   */
  statementTimeoutMs?: number;
}

/** How long a readiness probe's answer is reused, so frequent `/ready` polls cost one query. */
const PROBE_REUSE_MS = 1000;

// SQLSTATE classes and codes that mean "this server is unreachable or going away", after which
// the same read on another server can succeed: 08 connection exceptions, 57P01-57P03 shutdown.
const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "EPIPE",
  "57P01",
  "57P02",
  "57P03",
]);
// 57014: the statement was cancelled, here by statement_timeout.
const TIMEOUT_CODES = new Set(["57014"]);

/** The primary pool and the read pools, with failover for reads. */
export class DatabasePools {
  readonly primary: pg.Pool;
  /** The pools reads go to: the replicas, or the primary alone. */
  readonly readers: readonly pg.Pool[];
  private next = 0;
  private probe: { at: number; result: Promise<boolean> } | undefined;

  constructor(urls: DatabaseUrls) {
    const options = (connectionString: string): pg.PoolConfig => ({
      connectionString,
      max: urls.poolSize ?? 10,
      // A server that went away or froze must not hang a request for the OS TCP timeout.
      connectionTimeoutMillis: urls.connectTimeoutMs ?? 5_000,
      statement_timeout: urls.statementTimeoutMs,
      // The server-side timeout needs a server that answers; a frozen one (SIGSTOP) never does.
      query_timeout: urls.statementTimeoutMs === undefined ? undefined : urls.statementTimeoutMs + 1_000,
    });
    this.primary = new pg.Pool(options(urls.primary));
    const replicas = (urls.replicas ?? []).map((url) => new pg.Pool(options(url)));
    this.readers = replicas.length > 0 ? replicas : [this.primary];
    // An idle client that loses its server emits "error" on the pool; without a listener that
    // would crash the process. The next query simply opens a fresh connection.
    for (const pool of new Set([this.primary, ...replicas])) pool.on("error", () => undefined);
  }

  /**
   * Runs one read-only statement on the next reader in turn. When that server is unreachable or
   * times out, tries each other reader once, then the primary, before giving up with a
   * {@link StoreUnavailableError} (its `cause` the last server's error).
   */
  async read<R extends QueryResultRow>(text: string, values: unknown[] = []): Promise<pg.QueryResult<R>> {
    const start = this.next;
    this.next = (this.next + 1) % this.readers.length;
    const order = this.readers.map((_, i) => this.readers[(start + i) % this.readers.length]!);
    if (!order.includes(this.primary)) order.push(this.primary);
    let lastError: unknown;
    for (const pool of order) {
      try {
        return await pool.query<R>(text, values);
      } catch (error) {
        if (!isUnreachable(error) && !isTimeout(error)) throw error;
        lastError = error;
      }
    }
    throw new StoreUnavailableError(isTimeout(lastError) ? "timeout" : "unreachable", { cause: lastError });
  }

  /**
   * Resolves true when some reader answers `SELECT 1` within the timeouts, false otherwise; an
   * answer is reused for a second, and concurrent callers share one probe.
   */
  reachable(): Promise<boolean> {
    if (!this.probe || Date.now() - this.probe.at > PROBE_REUSE_MS) {
      this.probe = {
        at: Date.now(),
        result: this.read("SELECT 1").then(
          () => true,
          () => false,
        ),
      };
    }
    return this.probe.result;
  }

  /** Closes every pool; in-flight queries finish first. */
  async end(): Promise<void> {
    await Promise.all([...new Set([this.primary, ...this.readers])].map((p) => p.end()));
  }
}

/** Given an error from `pg`, returns whether a statement timed out: cancelled by the server, or not answered at all. */
export function isTimeout(error: unknown): boolean {
  const code = (error as { code?: string } | undefined)?.code;
  if (code !== undefined && TIMEOUT_CODES.has(code)) return true;
  return /Query read timeout/i.test((error as Error | undefined)?.message ?? "");
}

/** Given an error from `pg`, returns whether it means the server could not be reached (so another one may answer). */
export function isUnreachable(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  if (code !== undefined && (UNREACHABLE_CODES.has(code) || code.startsWith("08"))) return true;
  const message = (error as Error).message ?? "";
  return /Connection terminated|timeout exceeded when trying to connect/i.test(message);
}
