// Cross-origin requests (CORS): which web origins may call the service from a browser, the
// preflight answer their `fetch` and Apollo Client need first, and the headers every answer to
// them carries. The front door (handler.ts) asks this first, before any route.
import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Request headers a cross-origin page may send: what fetch and Apollo Client (`apollo-require-preflight`,
 * `x-apollo-operation-name`, `apollographql-client-*`) send, and the request id the service echoes.
 */
export const CORS_ALLOWED_HEADERS = [
  "accept",
  "content-type",
  "apollo-require-preflight",
  "x-apollo-operation-name",
  "apollographql-client-name",
  "apollographql-client-version",
  "x-request-id",
  "authorization",
] as const;

/** Response headers a cross-origin page may read, beyond the ones every page can. */
export const CORS_EXPOSED_HEADERS = ["x-request-id", "etag"] as const;

/** Origins allowed by default outside production: any port on this machine. */
export const LOCAL_ORIGINS = ["http://localhost:*", "http://127.0.0.1:*", "http://[::1]:*"] as const;

/** How long a browser may reuse a preflight answer, in seconds. */
const PREFLIGHT_MAX_AGE = 600;

/** Thrown when an origin list entry is not an origin (config.ts turns it into a ConfigError). */
export class OriginListError extends Error {
  override readonly name = "OriginListError";
}

/**
 * Given the entries of an origin list (`https://app.example.com`, `http://localhost:*` for any
 * port, or `*` for every origin), returns them checked and normalised, or throws OriginListError
 * naming the entry that is not an origin.
 */
export function parseOriginList(entries: readonly string[]): string[] {
  return entries.map((raw) => {
    const entry = raw.trim();
    if (entry === "*") return entry;
    const anyPort = entry.endsWith(":*");
    let url: URL;
    try {
      url = new URL(anyPort ? `${entry.slice(0, -2)}:1` : entry);
    } catch {
      throw new OriginListError(`"${entry}" is not an origin; write scheme://host[:port], e.g. https://app.example.com`);
    }
    const origin = anyPort ? `${url.protocol}//${url.hostname}:*` : url.origin;
    if ((url.protocol !== "http:" && url.protocol !== "https:") || url.pathname !== "/" || url.search || url.hash) {
      throw new OriginListError(`"${entry}" is not an origin; write scheme://host[:port] with no path, e.g. https://app.example.com`);
    }
    return origin;
  });
}

/** Answers a request's CORS part; returns true when that was the whole answer (a preflight). */
export type CorsHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

/**
 * Returns the CORS handler for an origin list (as {@link parseOriginList} returns it). For an
 * allowed origin it sets `Access-Control-Allow-Origin` on the answer and answers a preflight with
 * 204; a preflight from any other origin gets 403 with an error naming `CORS_ORIGINS`, so the
 * browser refuses the request and a person reading the answer learns why.
 */
export function createCors(origins: readonly string[]): CorsHandler {
  const allows = originMatcher(origins);
  return (req, res) => {
    const origin = req.headers.origin;
    const preflight = req.method === "OPTIONS" && req.headers["access-control-request-method"] !== undefined;
    // The answer depends on Origin whenever an origin list applies: shared caches must keep them apart.
    if (origins.length > 0) res.setHeader("vary", "Origin");
    if (origin === undefined || !allows(origin)) {
      if (!preflight) return false;
      res.writeHead(403, { "content-type": "application/json; charset=utf-8" }).end(
        JSON.stringify({
          errors: [
            {
              message: `Cross-origin requests from ${origin ?? "this page"} are not allowed; add the origin to CORS_ORIGINS (comma-separated).`,
              extensions: { code: "CORS_ORIGIN_NOT_ALLOWED" },
            },
          ],
        }),
      );
      return true;
    }
    res.setHeader("access-control-allow-origin", origin);
    res.setHeader("access-control-expose-headers", CORS_EXPOSED_HEADERS.join(", "));
    if (!preflight) return false;
    res.writeHead(204, {
      "access-control-allow-methods": "GET, POST, OPTIONS",
      "access-control-allow-headers": CORS_ALLOWED_HEADERS.join(", "),
      "access-control-max-age": String(PREFLIGHT_MAX_AGE),
      "content-length": "0",
    });
    res.end();
    return true;
  };
}

// Private: given the origin list, returns a test for one request's Origin header.
function originMatcher(origins: readonly string[]): (origin: string) => boolean {
  if (origins.includes("*")) return () => true;
  const exact = new Set(origins.filter((o) => !o.endsWith(":*")));
  const anyPort = new Set(origins.filter((o) => o.endsWith(":*")).map((o) => o.slice(0, -2)));
  return (origin) => {
    if (exact.has(origin)) return true;
    if (anyPort.size === 0) return false;
    try {
      const url = new URL(origin);
      return anyPort.has(`${url.protocol}//${url.hostname}`);
    } catch {
      return false;
    }
  };
}
