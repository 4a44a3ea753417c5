// Service configuration, read once from the environment. The interface is the documentation:
// every option says its variable and default.
import { fileURLToPath } from "node:url";

/** Everything the server can be told at start-up. */
export interface Config {
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
  /** Log level for pino (`fatal`…`trace`, or `silent`). Env `LOG_LEVEL`. @default "info" */
  logLevel: string;
}

/** The corpus that ships with the project. */
export const DEFAULT_CORPUS_PATH = fileURLToPath(new URL("../data/corpus.json", import.meta.url));

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
    logLevel: env.LOG_LEVEL || "info",
  };
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
