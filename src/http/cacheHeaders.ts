// HTTP caching headers for GraphQL answers, for routers and CDNs: a clean answer depends only on
// the request and the store version, so it may be shared for a configurable time (`Cache-Control:
// public, max-age=N`); answers with errors, and answers to requests whose headers change them (a
// federated trace), are `private, no-store`. A GET answer carries an ETag derived from the store
// version and the request, and a GET whose If-None-Match names it gets 304 without executing.
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

/** Options of {@link CacheHeaders}; the interface is the documentation. */
export interface CacheHeadersOptions {
  /** Seconds a shared cache may keep a clean answer (`max-age`). 0 makes every use revalidate. */
  maxAgeSeconds: number;
  /** The version of the data being served now (`store.version`); it changes every ETag. */
  version: () => string;
}

/** A GraphQL request as the handler read it. */
export interface CacheableRequest {
  method: string;
  /** The URL's query string, `?` included. */
  search: string;
  req: IncomingMessage;
}

/** The `Cache-Control` of an answer that must not be stored or shared. */
export const NOT_SHARED = "private, no-store";

/** Request headers that change the answer (a trace adds timing data): such answers are never shared. */
const PER_REQUEST_HEADERS = ["apollo-federation-include-trace"] as const;

/** Sets `Cache-Control`, `ETag` and `Vary` on GraphQL answers and answers conditional GETs. */
export class CacheHeaders {
  private readonly shared: string;

  constructor(private readonly options: CacheHeadersOptions) {
    this.shared = `public, max-age=${options.maxAgeSeconds}`;
  }

  /**
   * Given a request, returns its ETag: for a GET (the only method a 304 answers) under the current
   * store version, a weak tag of the version, the query string and the `Accept` header (which picks
   * the answer's content type); undefined for any other request.
   */
  etagOf(request: CacheableRequest): string | undefined {
    if (request.method !== "GET" || this.perRequest(request.req)) return undefined;
    const hash = createHash("sha1").update(`${this.options.version()}\n${request.search}\n${request.req.headers.accept ?? ""}`).digest("base64url");
    // Weak: the same answer may be sent with different whitespace by another replica's version of the service.
    return `W/"${hash}"`;
  }

  /**
   * Answers 304 Not Modified when the request's If-None-Match names `etag` (or `*`) and returns
   * true; returns false otherwise. Only clean answers ever carry an ETag, so a matching tag
   * means the client holds this version's answer.
   */
  notModified(req: IncomingMessage, res: ServerResponse, etag: string | undefined): boolean {
    const header = req.headers["if-none-match"];
    if (etag === undefined || header === undefined) return false;
    const matches = header.split(",").some((tag) => {
      const trimmed = tag.trim();
      return trimmed === "*" || trimmed === etag || `W/${trimmed}` === etag;
    });
    if (!matches) return false;
    this.setShared(res, etag);
    res.statusCode = 304;
    res.end();
    return true;
  }

  /**
   * Sets the headers of an answer about to be sent: shared with its ETag when it is a clean 200
   * (`clean`: no `errors` in it) to a request no header of which changes it; `private, no-store` otherwise.
   */
  apply(req: IncomingMessage, res: ServerResponse, status: number, clean: boolean, etag: string | undefined): void {
    if (status === 200 && clean && !this.perRequest(req)) this.setShared(res, etag);
    else {
      res.setHeader("cache-control", NOT_SHARED);
      res.removeHeader("etag");
    }
  }

  // Private: the headers of a shareable answer.
  private setShared(res: ServerResponse, etag: string | undefined): void {
    res.setHeader("cache-control", this.shared);
    if (etag !== undefined) res.setHeader("etag", etag);
    // The content type follows Accept; CORS may already vary on Origin.
    const vary = res.getHeader("vary");
    if (!vary) res.setHeader("vary", "Accept");
    else if (!/\baccept\b/i.test(String(vary))) res.setHeader("vary", `${String(vary)}, Accept`);
  }

  // Private: whether a header of the request changes its answer.
  private perRequest(req: IncomingMessage): boolean {
    return PER_REQUEST_HEADERS.some((name) => req.headers[name] !== undefined);
  }
}
