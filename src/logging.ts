// Structured logs: pino JSON lines, and a request scope that gives every line logged while serving
// a request that request's id (the client's `x-request-id` when it sent a usable one, echoed back).
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import type { ApolloServerPlugin } from "@apollo/server";
import { pino, type DestinationStream, type Logger } from "pino";

/** The header a request id arrives and leaves in. */
export const REQUEST_ID_HEADER = "x-request-id";

/** A client's request id is kept only when it is this shape: short, and safe to print anywhere. */
const USABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** What the service knows about the request being served. */
interface RequestScope {
  /** A logger whose every line carries `reqId`. */
  log: Logger;
  /** The GraphQL operation name once known, for the request's summary line. */
  operation?: string | null;
}

const scope = new AsyncLocalStorage<RequestScope>();

/** Returns the service's JSON logger at `level`, writing to `destination` (stdout by default). */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return destination ? pino({ level }, destination) : pino({ level });
}

/** Returns the logger of the request being served (its lines carry `reqId`), or `fallback` outside any request. */
export function currentLogger(fallback: Logger): Logger {
  return scope.getStore()?.log ?? fallback;
}

/** Given a request, returns its id: the client's `x-request-id` when usable, otherwise a fresh UUID. */
export function requestIdOf(req: IncomingMessage): string {
  const sent = req.headers[REQUEST_ID_HEADER];
  const id = Array.isArray(sent) ? sent[0] : sent;
  return id && USABLE_REQUEST_ID.test(id) ? id : randomUUID();
}

/**
 * Wraps a request listener so each request gets an id (echoed in `x-request-id`), runs in a scope
 * whose logger stamps that id on every line, and ends with one summary line: method, path,
 * status, operation and milliseconds. The query string is not logged: it can hold variables.
 */
export function withRequestScope(logger: Logger, listener: RequestListener): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    const reqId = requestIdOf(req);
    res.setHeader(REQUEST_ID_HEADER, reqId);
    const requestScope: RequestScope = { log: logger.child({ reqId }) };
    const started = performance.now();
    res.once("close", () => {
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
    scope.run(requestScope, () => listener(req, res));
  };
}

/**
 * Returns Apollo's logger: each call goes to the current request's logger, so Apollo's own lines
 * carry the request id too.
 */
export function scopedApolloLogger(fallback: Logger) {
  const log = () => currentLogger(fallback);
  return {
    debug: (message: unknown) => log().debug(String(message)),
    info: (message: unknown) => log().info(String(message)),
    warn: (message: unknown) => log().warn(String(message)),
    error: (message: unknown) => log().error(String(message)),
  };
}

/**
 * Returns an Apollo plugin that names the operation in the request's summary line and logs every
 * unexpected error with its stack: clients get a bare "Internal server error" in production, the log gets the cause.
 */
export function requestLogPlugin(fallback: Logger): ApolloServerPlugin {
  return {
    requestDidStart: async () => ({
      didResolveOperation: async ({ operationName }) => {
        const requestScope = scope.getStore();
        if (requestScope) requestScope.operation = operationName;
      },
      didEncounterErrors: async ({ errors, operationName }) => {
        for (const error of errors) {
          const code = error.extensions?.code;
          if (code === undefined || code === "INTERNAL_SERVER_ERROR") {
            currentLogger(fallback).error({ err: error.originalError ?? error, path: error.path, operation: operationName }, "unexpected error in a GraphQL request");
          }
        }
      },
    }),
  };
}
