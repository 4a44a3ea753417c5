// The HTTP front door: a plain node:http handler that reads bounded bodies, serves the
// health routes, and hands GraphQL requests to Apollo Server. Owning this layer (rather than
// Apollo's standalone server) keeps body limits, routes and status codes in one readable place.
import type { IncomingMessage, ServerResponse } from "node:http";
import { HeaderMap, type ApolloServer, type HTTPGraphQLRequest, type HTTPGraphQLResponse } from "@apollo/server";
import type { Context } from "../graphql/context.js";
import type { CacheHeaders } from "./cacheHeaders.js";
import type { CompiledHttpAnswer, GraphQLHttpRequest } from "./compiledAnswers.js";
import { answerUnreadBody, BodyTooLargeError, readBody } from "./bodyLimit.js";
import type { CorsHandler } from "./cors.js";
import type { ResponseCache } from "./responseCache.js";

/** What the handler needs from the server around it. */
export interface HttpHandlerOptions {
  apollo: ApolloServer<Context>;
  /** Builds the GraphQL context for one request. */
  context: (req: IncomingMessage) => Promise<Context>;
  /** Bodies larger than this many bytes are refused with 413 before they are read whole. */
  maxBodyBytes: number;
  /** True while requests can be served: `/ready` answers 503 otherwise (draining, or the database unreachable). */
  isReady: () => boolean | Promise<boolean>;
  /** Hears of errors the handler could not answer cleanly (they reach the client as a bare 500), with the request. */
  onError?: (error: unknown, req: IncomingMessage) => void;
  /** The path GraphQL is served on. @default "/graphql" */
  path?: string;
  /** Answers the explorer's requests (src/http/explorer/serve.ts) before GraphQL; resolves true when it did. */
  explorer?: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;
  /** Renders `/metrics` (Prometheus text format); without it `/metrics` is not found. */
  metrics?: () => Promise<{ contentType: string; body: string }>;
  /** Hears of every request refused here, before GraphQL, by its error code (metrics count them). */
  onRefused?: (code: string) => void;
  /** Answers repeated requests with stored bytes (src/http/responseCache.ts). @default none: every request executes */
  responseCache?: ResponseCache;
  /**
   * Answers requests for documents Apollo has already answered cleanly from their compiled plans
   * (src/http/compiledAnswers.ts), resolving undefined for the ones Apollo must answer. @default none
   */
  compiledAnswer?: (request: GraphQLHttpRequest, req: IncomingMessage) => Promise<CompiledHttpAnswer | undefined>;
  /** Sets Cache-Control and ETag on GraphQL answers and answers conditional GETs (src/http/cacheHeaders.ts). @default none */
  cacheHeaders?: CacheHeaders;
  /** Hears of every request the response cache could answer: whether it did, the request, and the seconds it took (metrics count them). */
  onCacheLookup?: (hit: boolean, request: { method: string; search: string; body?: string }, seconds: number) => void;
  /** Answers the CORS part of each request first (src/http/cors.ts). @default none: no cross-origin headers */
  cors?: CorsHandler;
}

/** An HTTP failure with its status and the GraphQL error code a client can switch on. */
class HttpError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

/** Returns a node:http request listener that serves GraphQL and the health routes. */
export function createHttpHandler(options: HttpHandlerOptions) {
  const path = options.path ?? "/graphql";
  return async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    try {
      if (options.cors?.(req, res)) return; // a preflight, answered whole
      if (url.pathname === "/health") return sendJson(res, 200, { status: "ok" });
      if (url.pathname === "/ready") {
        return (await options.isReady()) ? sendJson(res, 200, { status: "ready" }) : sendJson(res, 503, { status: "unavailable" });
      }
      if (url.pathname === "/metrics" && options.metrics) {
        const { contentType, body } = await options.metrics();
        res.writeHead(200, { "content-type": contentType }).end(body);
        return;
      }
      if (url.pathname === "/") {
        res.writeHead(302, { location: path }).end();
        return;
      }
      // A browser asking for HTML at the GraphQL path gets the explorer, as do its asset paths.
      if (options.explorer && (await options.explorer(req, res, url))) return;
      if (url.pathname !== path) {
        throw new HttpError(404, "NOT_FOUND", `Nothing is served at ${url.pathname}; GraphQL is at ${path}.`);
      }
      await serveGraphQL(options, req, res, url);
    } catch (error) {
      if (error instanceof HttpError) {
        options.onRefused?.(error.code);
        const body = { errors: [{ message: error.message, extensions: { code: error.code } }] };
        // The body was not read (whole): answer, discard the rest, then close (bodyLimit.ts).
        if (error.status === 413 || error.status === 415) return answerUnreadBody(req, res, error.status, body);
        return sendJson(res, error.status, body);
      }
      // Never a stack trace on the wire; the server's logger has the details.
      options.onError?.(error, req);
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } }] });
      else res.destroy();
    }
  };
}

// Private: runs one GraphQL request through Apollo Server and writes its answer.
async function serveGraphQL(options: HttpHandlerOptions, req: IncomingMessage, res: ServerResponse, url: URL) {
  const started = performance.now();
  const method = (req.method ?? "GET").toUpperCase();
  const caching = options.cacheHeaders;
  // A GET whose If-None-Match names this version's answer is answered 304 without executing.
  const etag = caching?.etagOf({ method, search: url.search, req });
  if (caching?.notModified(req, res, etag)) return;
  const text = method === "POST" ? await readJsonText(req, options.maxBodyBytes) : undefined;
  // A repeated request is answered from the cache before its body is even parsed.
  const cacheKey = options.responseCache?.keyOf(method, url.search, text, req.headers) ?? null;
  if (cacheKey !== null) {
    caching?.apply(req, res, 200, true, etag); // only clean answers are stored; a miss sets these again below
    const hit = options.responseCache!.serve(cacheKey, res);
    options.onCacheLookup?.(hit, { method, search: url.search, body: text }, (performance.now() - started) / 1000);
    if (hit) return;
  }
  const compiled = await options.compiledAnswer?.({ method, search: url.search, body: text }, req);
  if (compiled) {
    res.statusCode = 200;
    res.setHeader("content-type", compiled.contentType);
    caching?.apply(req, res, 200, true, etag);
    if (cacheKey !== null && !compiled.fromEntityCache) options.responseCache!.store(cacheKey, 200, [["content-type", compiled.contentType]], compiled.body);
    res.end(compiled.body);
    return;
  }
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
  }
  const httpGraphQLRequest: HTTPGraphQLRequest = {
    method,
    headers,
    search: url.search,
    body: text === undefined ? undefined : parseJsonBody(text),
  };
  const response = await options.apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest,
    context: () => options.context(req),
  });
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = graphQLOverHttpStatus(response);
  const clean = response.body.kind === "complete" && !response.body.string.includes('"errors":');
  caching?.apply(req, res, res.statusCode, clean, etag);
  if (response.body.kind === "complete") {
    if (cacheKey !== null) options.responseCache!.store(cacheKey, res.statusCode, response.headers, response.body.string);
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

// Private: reads a JSON POST body within the byte limit, as text.
async function readJsonText(req: IncomingMessage, limit: number): Promise<string> {
  // CSRF: only JSON bodies are read. A browser sends a cross-site POST without a CORS preflight
  // only with a "simple" content type (text/plain, a form); those are refused unread here, so every
  // POST that runs was preflighted. This is the POST half of Apollo's csrfPrevention, which
  // server.ts turns off because it also refuses plain GETs (see the README, "CSRF").
  const type = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json") {
    throw new HttpError(
      415,
      "UNSUPPORTED_MEDIA_TYPE",
      `POST bodies must be JSON: send "Content-Type: application/json"${type ? `, not "${type}"` : ""}, or use GET for a query.`,
    );
  }
  try {
    return (await readBody(req, limit)).toString("utf8");
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw new HttpError(413, "PAYLOAD_TOO_LARGE", error.message);
    throw error;
  }
}

// Private: parses a POST body read by readJsonText.
function parseJsonBody(text: string): unknown {
  if (text === "") throw new HttpError(400, "BAD_REQUEST", "The request body is empty; send a JSON object such as {\"query\": \"{ countries { code } }\"}.");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, "BAD_REQUEST", `The request body is not valid JSON: ${(error as Error).message}`);
  }
}

// Private: the status of a GraphQL answer under the GraphQL-over-HTTP spec. Apollo answers 400 to
// every parse, validation, variable and operation-limit error whatever the client accepts. For
// `application/graphql-response+json` that is right; for `application/json` the spec asks for 200
// whenever the request itself was well formed (clients of that older type read errors from 2xx
// bodies). Requests Apollo could not read at all (code BAD_REQUEST) stay 400 either way.
function graphQLOverHttpStatus(response: HTTPGraphQLResponse): number {
  const status = response.status ?? 200;
  if (status !== 400 || response.body.kind !== "complete") return status;
  if (!(response.headers.get("content-type") ?? "").startsWith("application/json")) return status;
  try {
    const { errors } = JSON.parse(response.body.string) as { errors?: { extensions?: { code?: unknown } }[] };
    return errors?.length && errors.every((e) => e.extensions?.code !== "BAD_REQUEST") ? 200 : status;
  } catch {
    return status;
  }
}

// Private: writes a JSON answer.
function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" }).end(JSON.stringify(body));
}
