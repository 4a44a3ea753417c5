// Service configuration, read once from the environment. The interface is the documentation:
// every option says its variable and default.
import { fileURLToPath } from "node:url";
import { LIMITS, type OperationLimits } from "../graphql/limits.js";
import { LOCAL_ORIGINS, OriginListError, parseOriginList } from "../http/cors.js";

/**
 * Everything the server can be told at start-up. The operation limits it extends are listed, with
 * their variables, defaults and documentation, once: in limits.ts's `LIMITS`.
 */
export interface Config extends OperationLimits {
  /** TCP port to listen on; 0 picks a free one. Env `PORT`. @default 4000 */
  port: number;
  /** Interface to bind. Env `HOST`. @default "0.0.0.0" (all interfaces) */
  host: string;
  /** The corpus JSON file to serve. Env `CORPUS_PATH`. @default "data/corpus.json" in the project */
  corpusPath: string;
  /** True when `NODE_ENV=production`: no stack traces in errors, production landing page. */
  production: boolean;
  /** Largest `first` any list accepts. Env `MAX_PAGE_SIZE`. @default 100 */
  maxPageSize: number;
  /** Largest request body in bytes; larger bodies get 413. Env `MAX_BODY_BYTES`. @default 1048576 (1 MiB) */
  maxBodyBytes: number;
  /**
   * Send each error's stack trace to the client in `extensions.stacktrace`, for debugging; off, stack
   * traces are only in the logs. Env `DEBUG_ERRORS=on|off`. @default off (development too)
   */
  debugErrors: boolean;
  /** Most errors one answer carries; the rest are summed up in one `TOO_MANY_ERRORS` error. Env `MAX_ERRORS`. @default 100 */
  maxErrors: number;
  /** Log level for pino (`fatal`…`trace`, or `silent`). Env `LOG_LEVEL`. @default "info" */
  logLevel: string;
  /** Reload the corpus when its file changes (SIGHUP always reloads). Env `CORPUS_WATCH=1`. @default false */
  corpusWatch: boolean;
  /**
   * The most a SIGTERM shutdown takes: requests in flight get until shortly before it, then their
   * connections are closed, and the process exits by it whatever its log output does. Env `SHUTDOWN_TIMEOUT_MS`. @default 10000
   */
  shutdownTimeoutMs: number;
  /**
   * How long after SIGTERM new connections are still accepted (answered with `Connection: close`,
   * `/ready` with 503), so a balancer polling `/ready` stops sending before connections are refused.
   * Counts within the shutdown timeout. Env `SHUTDOWN_DELAY_MS`. @default 0
   */
  shutdownDelayMs: number;
  /** Most milliseconds a client may take to send a request's headers; then 408 and the connection closes. Env `HEADERS_TIMEOUT_MS`. @default 10000 */
  headersTimeoutMs: number;
  /** Most milliseconds a client may take to send a whole request (headers and body); then 408. At least the headers timeout. Env `REQUEST_TIMEOUT_MS`. @default 30000 */
  requestTimeoutMs: number;
  /** How long a kept-open connection waits idle for the next request before it is closed. Env `KEEP_ALIVE_TIMEOUT_MS`. @default 5000 */
  keepAliveTimeoutMs: number;
  /**
   * Serve the GraphiQL explorer at the GraphQL path to browsers (bundled, no CDN). Env `EXPLORER=on|off`.
   * @default on, except off when `NODE_ENV=production`
   */
  explorer: boolean;
  /**
   * Answer a repeated request with the bytes of its first answer until the corpus is reloaded
   * (src/http/responseCache.ts). Env `RESPONSE_CACHE=on|off`. @default on
   */
  responseCache: boolean;
  /** Most megabytes of answers the response cache holds. Env `RESPONSE_CACHE_MB`. @default 64 */
  responseCacheMB: number;
  /**
   * Seconds a router or CDN may keep a clean GraphQL answer (`Cache-Control: public, max-age=N`,
   * src/http/cacheHeaders.ts); answers with errors are always `private, no-store`. Env `CACHE_MAX_AGE`.
   * @default 60: short enough that a reload shows within a minute where nothing purges
   */
  cacheMaxAge: number;
  /**
   * Web origins whose pages may call the service from a browser (CORS, src/http/cors.ts): exact
   * origins such as `https://app.example.com`, `http://localhost:*` for any port, or `*` for all.
   * Env `CORS_ORIGINS` (comma-separated; empty allows none).
   * @default none when `NODE_ENV=production`; otherwise any port on localhost, 127.0.0.1 and [::1]
   */
  corsOrigins: string[];
  /** Where the data lives: the corpus file in memory, or a PostgreSQL database. Env `STORE=memory|postgres`. @default "memory" */
  store: "memory" | "postgres";
  /**
   * The PostgreSQL primary, e.g. `postgres://news@db:5432/news` (required with `STORE=postgres`; imports
   * write here). Env `DATABASE_URL`. @default null
   */
  databaseUrl: string | null;
  /** Read replicas; reads spread across them, the primary takes over if none answers. Env `DATABASE_REPLICA_URLS` (comma-separated). @default [] (the primary serves reads) */
  databaseReplicaUrls: string[];
  /** Most connections the store opens to each database server. Env `DATABASE_POOL_SIZE`. @default 10 */
  databasePoolSize: number;
  /** Most milliseconds to open a database connection; a stopped or frozen server fails a query by then. Env `DATABASE_CONNECT_TIMEOUT_MS`. @default 2000 */
  databaseConnectTimeoutMs: number;
  /** Most milliseconds one SQL statement may run (the client gives up a second later on a server that does not answer). Env `DATABASE_STATEMENT_TIMEOUT_MS`. @default 5000 */
  databaseStatementTimeoutMs: number;
}

/** The corpus that ships with the project. */
export const DEFAULT_CORPUS_PATH = fileURLToPath(new URL("../../data/corpus.json", import.meta.url));

/** Thrown when an environment variable has a value the service cannot use. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

/** Given an environment (usually `process.env`), returns the configuration or throws ConfigError. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: integer(env, "PORT", 4000, 0, 65535),
    host: env.HOST || "0.0.0.0",
    corpusPath: env.CORPUS_PATH || DEFAULT_CORPUS_PATH,
    production: env.NODE_ENV === "production",
    maxPageSize: integer(env, "MAX_PAGE_SIZE", 100, 1, 10_000),
    maxBodyBytes: integer(env, "MAX_BODY_BYTES", 1024 * 1024, 1024, 1024 * 1024 * 1024),
    maxErrors: integer(env, "MAX_ERRORS", 100, 2, 100_000),
    logLevel: env.LOG_LEVEL || "info",
    debugErrors: onOff(env, "DEBUG_ERRORS", false),
    ...operationLimits(env),
    corpusWatch: flag(env, "CORPUS_WATCH"),
    shutdownTimeoutMs: integer(env, "SHUTDOWN_TIMEOUT_MS", 10_000, 0, 600_000),
    shutdownDelayMs: integer(env, "SHUTDOWN_DELAY_MS", 0, 0, 600_000),
    ...httpTimeouts(env),
    explorer: onOff(env, "EXPLORER", env.NODE_ENV !== "production"),
    responseCache: onOff(env, "RESPONSE_CACHE", true),
    responseCacheMB: integer(env, "RESPONSE_CACHE_MB", 64, 1, 1_000_000),
    cacheMaxAge: integer(env, "CACHE_MAX_AGE", 60, 0, 31_536_000),
    corsOrigins: originList(env, "CORS_ORIGINS", env.NODE_ENV === "production" ? [] : [...LOCAL_ORIGINS]),
    ...storeChoice(env),
    databasePoolSize: integer(env, "DATABASE_POOL_SIZE", 10, 1, 1000),
    databaseConnectTimeoutMs: integer(env, "DATABASE_CONNECT_TIMEOUT_MS", 2000, 100, 600_000),
    databaseStatementTimeoutMs: integer(env, "DATABASE_STATEMENT_TIMEOUT_MS", 5000, 100, 3_600_000),
  };
}

// Private: STORE and the database URLs it needs, checked together.
function storeChoice(env: NodeJS.ProcessEnv): Pick<Config, "store" | "databaseUrl" | "databaseReplicaUrls"> {
  const store = (env.STORE || "memory").trim().toLowerCase();
  if (store !== "memory" && store !== "postgres") throw new ConfigError(`STORE must be memory or postgres; got "${env.STORE}"`);
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (store === "postgres" && databaseUrl === null) {
    throw new ConfigError("STORE=postgres needs DATABASE_URL, e.g. postgres://user@host:5432/news (fill it with `npm run db:import`)");
  }
  const databaseReplicaUrls = (env.DATABASE_REPLICA_URLS ?? "").split(",").map((u) => u.trim()).filter(Boolean);
  return { store, databaseUrl, databaseReplicaUrls };
}

// Private: a comma-separated origin list; unset takes the default, set but empty allows none.
function originList(env: NodeJS.ProcessEnv, name: string, fallback: string[]): string[] {
  const raw = env[name];
  if (raw === undefined) return fallback;
  try {
    return parseOriginList(raw.split(",").filter((entry) => entry.trim() !== ""));
  } catch (error) {
    if (error instanceof OriginListError) throw new ConfigError(`${name}: ${error.message}`);
    throw error;
  }
}

// Private: the HTTP timeouts, the request timeout no shorter than the headers one (Node requires it).
function httpTimeouts(env: NodeJS.ProcessEnv): Pick<Config, "headersTimeoutMs" | "requestTimeoutMs" | "keepAliveTimeoutMs"> {
  const headersTimeoutMs = integer(env, "HEADERS_TIMEOUT_MS", 10_000, 100, 600_000);
  const requestTimeoutMs = integer(env, "REQUEST_TIMEOUT_MS", 30_000, 100, 3_600_000);
  if (requestTimeoutMs < headersTimeoutMs) {
    throw new ConfigError(`REQUEST_TIMEOUT_MS (${requestTimeoutMs}) must be at least HEADERS_TIMEOUT_MS (${headersTimeoutMs}): the request includes its headers`);
  }
  return { headersTimeoutMs, requestTimeoutMs, keepAliveTimeoutMs: integer(env, "KEEP_ALIVE_TIMEOUT_MS", 5000, 100, 600_000) };
}


// Private: every operation limit from its variable, within the bounds LIMITS gives it.
function operationLimits(env: NodeJS.ProcessEnv): OperationLimits {
  const entries = Object.entries(LIMITS).map(([option, spec]) => [option, integer(env, spec.variable, spec.default, spec.min, spec.max)]);
  return Object.fromEntries(entries) as OperationLimits;
}

// Private: an integer variable within bounds, or its default when unset.
function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}; got "${raw}"`);
  }
  return value;
}

// Private: a yes/no variable; unset or empty is no.
function flag(env: NodeJS.ProcessEnv, name: string): boolean {
  const raw = (env[name] ?? "").trim().toLowerCase();
  if (raw === "" || raw === "0" || raw === "false" || raw === "no") return false;
  if (raw === "1" || raw === "true" || raw === "yes") return true;
  throw new ConfigError(`${name} must be 1 or 0 (true or false); got "${env[name]}"`);
}

// Private: an on/off switch; unset or empty takes the default.
function onOff(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = (env[name] ?? "").trim().toLowerCase();
  if (raw === "") return fallback;
  if (raw === "on") return true;
  if (raw === "off") return false;
  throw new ConfigError(`${name} must be on or off; got "${env[name]}"`);
}
