// How errors look on the wire: every error keeps an `extensions.code`, operation-limit errors get
// their own code back from Apollo's wrappers, and no answer carries a stack trace unless DEBUG_ERRORS=on
// (in production, no file path either).
import type { GraphQLFormattedError } from "graphql";
import { storeUnavailableErrorOf } from "../store/StoreUnavailableError.js";
import { operationLimitErrorOf } from "./limits.js";

/** What the formatter needs to know about the deployment. */
export interface ErrorFormatOptions {
  /** True when `NODE_ENV=production`: unexpected errors are reduced to a generic message. */
  production: boolean;
  /** True when `DEBUG_ERRORS=on`: stack traces are sent to the client. @default false */
  debugErrors?: boolean;
}

/**
 * Returns Apollo's `formatError`: given the formatted error and the error behind it, returns what
 * the client sees. Apollo adds stack traces only with DEBUG_ERRORS=on (`includeStacktraceInErrorResponses`);
 * this removes them otherwise even if something added one.
 */
export function createFormatError(options: ErrorFormatOptions) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const limit = operationLimitErrorOf(error);
    if (limit) {
      const { http: _http, ...extensions } = limit.extensions as Record<string, unknown>;
      return {
        message: limit.message,
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        extensions: { ...formatted.extensions, ...extensions, code: limit.extensions.code },
      };
    }
    // The database could not answer: not a fault of the request nor a bug, and worth retrying.
    const unavailable = storeUnavailableErrorOf(error);
    if (unavailable) {
      return {
        message: unavailable.message,
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: "SERVICE_UNAVAILABLE", reason: unavailable.reason },
      };
    }
    const code = typeof formatted.extensions?.code === "string" ? formatted.extensions.code : "INTERNAL_SERVER_ERROR";
    if (options.debugErrors) return { ...formatted, extensions: { ...formatted.extensions, code } };
    const { stacktrace: _stacktrace, exception: _exception, ...extensions } = formatted.extensions ?? {};
    if (!options.production) return { ...formatted, extensions: { ...extensions, code } };
    // An unexpected error's message can name files and internals (ENOENT /srv/…); the log has it.
    const message = code === "INTERNAL_SERVER_ERROR" ? "Internal server error" : formatted.message;
    return { ...formatted, message, extensions: { ...extensions, code } };
  };
}
