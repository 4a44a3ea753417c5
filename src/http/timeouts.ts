// How long the HTTP server waits on a client: for a request's headers, for the whole request, and
// for the next request on a kept-open connection. Node's defaults (60 s for headers, 300 s for a
// request, checked every 30 s) let a client sending a byte a second hold a connection for minutes.
import type { Server, ServerOptions } from "node:http";

/** The three timeouts, as config.ts names them. */
export interface HttpTimeouts {
  /** Most milliseconds for a client to send a request's headers. */
  headersTimeoutMs: number;
  /** Most milliseconds for a client to send a whole request, headers and body. */
  requestTimeoutMs: number;
  /** Most milliseconds a kept-open connection waits idle for its next request. */
  keepAliveTimeoutMs: number;
}

/**
 * Given the timeouts, returns the options for `http.createServer`: Node checks the first two on a
 * timer, run here every second (or at the shortest timeout, if shorter) instead of every 30 s, so a
 * slow client is cut within about a second of its timeout. A request cut there is answered 408.
 */
export function serverTimeoutOptions(timeouts: HttpTimeouts): ServerOptions {
  return {
    headersTimeout: timeouts.headersTimeoutMs,
    requestTimeout: timeouts.requestTimeoutMs,
    keepAliveTimeout: timeouts.keepAliveTimeoutMs,
    connectionsCheckingInterval: Math.max(50, Math.min(1000, timeouts.headersTimeoutMs)),
  };
}

/** Sets the timeouts on a created server (the properties behind the options, for Node versions that ignore one). */
export function applyTimeouts(server: Server, timeouts: HttpTimeouts): void {
  server.headersTimeout = timeouts.headersTimeoutMs;
  server.requestTimeout = timeouts.requestTimeoutMs;
  server.keepAliveTimeout = timeouts.keepAliveTimeoutMs;
}
