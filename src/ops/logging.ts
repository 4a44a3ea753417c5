// Structured logs: pino JSON lines, and a request scope that gives every line logged while serving
// a request that request's id (the client's `x-request-id` when it sent a usable one, echoed back).
// The scope travels with the request and its GraphQL context, not in AsyncLocalStorage: on Node 20
// that installs promise hooks every promise of every request pays for, logged or not: dropping it
// saved 6–20% of the CPU per request with the response cache off (BENCHMARKS.md, "Levers").
import { randomUUID } from "node:crypto";
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import type { ApolloServerPlugin } from "@apollo/server";
import { pino, type DestinationStream, type Logger } from "pino";

/** The header a request id arrives and leaves in. */
export const REQUEST_ID_HEADER = "x-request-id";

/** A client's request id is kept only when it is this shape: short, and safe to print anywhere. */
const USABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** What the service knows about the request being served. */
class RequestScope {
  /** The GraphQL operation name once known, for the request's summary line. */
  operation?: string | null;
  #log?: Logger;

  constructor(
    private readonly base: Logger,
    readonly reqId: string,
  ) {}

  /** A logger whose every line carries `reqId`, made on first use: most requests log nothing at `warn`. */
  get log(): Logger {
    return (this.#log ??= this.base.child({ reqId: this.reqId }));
  }
}

// Private: each request's scope, found from the request itself, or from the GraphQL context it was
// given under a symbol key (Apollo hands plugins a shallow copy of the context, which keeps it).
const scopes = new WeakMap<IncomingMessage, RequestScope>();
const SCOPE = Symbol("request scope");

// Private: the scope of a request or of its GraphQL context, if it has one.
function scopeOf(requestOrContext: object | undefined): RequestScope | undefined {
  if (!requestOrContext) return undefined;
  return scopes.get(requestOrContext as IncomingMessage) ?? (requestOrContext as { [SCOPE]?: RequestScope })[SCOPE];
}

/** Returns the service's JSON logger at `level`, writing to `destination` (stdout by default). */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return destination ? pino({ level }, destination) : pino({ level });
}

/**
 * Given a request or the GraphQL context made for it ({@link linkRequestScope}), returns that
 * request's logger (its lines carry `reqId`), or `fallback` outside any request.
 */
export function requestLogger(requestOrContext: object | undefined, fallback: Logger): Logger {
  return scopeOf(requestOrContext)?.log ?? fallback;
}

/** Gives a request's GraphQL context the request's scope, so Apollo plugins log with its id. */
export function linkRequestScope(context: object, req: IncomingMessage): void {
  const requestScope = scopes.get(req);
  if (requestScope) (context as { [SCOPE]?: RequestScope })[SCOPE] = requestScope;
}

/** Names the GraphQL operation a request ran, for its summary line (for answers given without Apollo's plugins). */
export function nameRequestOperation(requestOrContext: object, operationName: string | null): void {
  const requestScope = scopeOf(requestOrContext);
  if (requestScope) requestScope.operation = operationName;
}

/** Given a request, returns its id: the client's `x-request-id` when usable, otherwise a fresh UUID. */
export function requestIdOf(req: IncomingMessage): string {
  const sent = req.headers[REQUEST_ID_HEADER];
  const id = Array.isArray(sent) ? sent[0] : sent;
  return id && USABLE_REQUEST_ID.test(id) ? id : randomUUID();
}

/**
 * Wraps a request listener so each request gets an id (echoed in `x-request-id`) and a scope
 * whose logger ({@link requestLogger}) stamps that id on every line, and ends with one summary
 * line: method, path, status, operation and milliseconds. The query string is not logged: it can hold variables.
 */
export function withRequestScope(logger: Logger, listener: RequestListener): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    const reqId = requestIdOf(req);
    res.setHeader(REQUEST_ID_HEADER, reqId);
    const requestScope = new RequestScope(logger, reqId);
    scopes.set(req, requestScope);
    const started = performance.now();
    res.once("close", () => {
      if (!logger.isLevelEnabled("info")) return;
      requestScope.log.info(
        {
          method: req.method,
          path: (req.url ?? "/").split("?")[0],
          status: res.statusCode,
          operation: requestScope.operation ?? undefined,
          ms: Math.round((performance.now() - started) * 10) / 10,
          ...(res.writableFinished ? {} : { aborted: true }),
        },
        "request completed",
      );
    });
    listener(req, res);
  };
}

/**
 * Returns Apollo's logger over the service's. Apollo does not say which request a line is about,
 * so its own lines (start-up, shutdown, a plugin that threw) carry no `reqId`; the errors of a
 * request are logged with it by {@link requestLogPlugin}.
 */
export function apolloLogger(logger: Logger) {
  return {
    debug: (message: unknown) => logger.debug(String(message)),
    info: (message: unknown) => logger.info(String(message)),
    warn: (message: unknown) => logger.warn(String(message)),
    error: (message: unknown) => logger.error(String(message)),
  };
}

/**
 * Returns an Apollo plugin that names the operation in the request's summary line and logs every
 * unexpected error with its stack: clients get a bare "Internal server error" in production, the log gets the cause.
 */
export function requestLogPlugin(fallback: Logger): ApolloServerPlugin {
  return {
    requestDidStart: async () => ({
      didResolveOperation: async ({ operationName, contextValue }) => {
        const requestScope = scopeOf(contextValue as object);
        if (requestScope) requestScope.operation = operationName;
      },
      didEncounterErrors: async ({ errors, operationName, contextValue }) => {
        for (const error of errors) {
          const code = error.extensions?.code;
          if (code === undefined || code === "INTERNAL_SERVER_ERROR") {
            requestLogger(contextValue as object, fallback).error({ err: error.originalError ?? error, path: error.path, operation: operationName }, "unexpected error in a GraphQL request");
          }
        }
      },
    }),
  };
}
