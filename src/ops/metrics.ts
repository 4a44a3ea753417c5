// Prometheus metrics for `/metrics`: GraphQL requests and their latency by operation name (answers
// from the response cache included), response-cache hits and misses, errors by code, DataLoader
// batch sizes and corpus reloads, in one registry per server (tests run several). Every series
// whose labels are known in advance is exported from start, at zero, so a dashboard's rate() and
// an alert on "absent" work before the first event.
import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloServerErrorCode } from "@apollo/server/errors";
import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { LIMIT_CODES } from "../graphql/limits.js";
import type { LoaderName } from "../graphql/loaders.js";

/**
 * Most distinct operation names kept as label values. Operation names are chosen by clients, so
 * without a cap a client could grow the registry without bound; later names count as `(other)`.
 */
export const MAX_OPERATION_LABELS = 200;

/** The label of an operation that has no name. */
export const ANONYMOUS_OPERATION = "(anonymous)";
/** The label of a request whose operation could not be resolved (a parse or validation failure). */
export const UNRESOLVED_OPERATION = "(invalid)";
/** The label of an answer from the response cache whose request does not name its operation plainly. */
export const CACHED_OPERATION = "(cached)";

/** Error codes counted from start at zero: Apollo's, the operation limits', and the service's own. */
const KNOWN_ERROR_CODES = [
  ...Object.values(ApolloServerErrorCode),
  ...Object.values(LIMIT_CODES),
  "BAD_USER_INPUT",
  "NOT_FOUND",
  "PAYLOAD_TOO_LARGE",
  "UNSUPPORTED_MEDIA_TYPE",
  "CORS_ORIGIN_NOT_ALLOWED",
  "SERVICE_UNAVAILABLE",
  "TOO_MANY_ERRORS",
];

/** The service's metrics and the hooks that feed them. */
export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly requests: Counter<"operation">;
  private readonly duration: Histogram<"operation">;
  private readonly errors: Counter<"code">;
  private readonly batches: Histogram<"loader">;
  private readonly reloads: Counter<"outcome">;
  private readonly cacheLookups: Counter<"result">;
  private readonly operationLabels = new Set<string>();

  constructor() {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Counter({
      name: "graphql_requests_total",
      help: "GraphQL requests answered, by operation name.",
      labelNames: ["operation"],
      registers,
    });
    this.duration = new Histogram({
      name: "graphql_request_duration_seconds",
      help: "Time from receiving a GraphQL request to its answer being ready, by operation name.",
      labelNames: ["operation"],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.errors = new Counter({
      name: "graphql_errors_total",
      help: "Errors sent to clients, by extensions.code (HTTP-level refusals included).",
      labelNames: ["code"],
      registers,
    });
    this.batches = new Histogram({
      name: "dataloader_batch_size",
      help: "Keys per DataLoader batch, by loader.",
      labelNames: ["loader"],
      buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
      registers,
    });
    this.reloads = new Counter({
      name: "corpus_reloads_total",
      help: "Corpus reloads, by outcome: applied, or rejected (the old corpus kept serving).",
      labelNames: ["outcome"],
      registers,
    });
    this.cacheLookups = new Counter({
      name: "graphql_response_cache_requests_total",
      help: "GraphQL requests the response cache could answer, by result: hit (answered with stored bytes) or miss (executed).",
      labelNames: ["result"],
      registers,
    });
    for (const outcome of ["applied", "rejected"]) this.reloads.inc({ outcome }, 0);
    for (const result of ["hit", "miss"]) this.cacheLookups.inc({ result }, 0);
    for (const code of new Set(KNOWN_ERROR_CODES)) this.errors.inc({ code }, 0);
    for (const operation of [ANONYMOUS_OPERATION, UNRESOLVED_OPERATION]) {
      this.requests.inc({ operation }, 0);
      this.duration.zero({ operation });
    }
  }

  /** Exports each loader's batch-size series from start, at zero (server.ts passes every loader's name). */
  declareLoaders(loaders: readonly LoaderName[]): void {
    for (const loader of loaders) this.batches.zero({ loader });
  }

  /**
   * Records one request the response cache could answer: a hit also counts as an answered request
   * (under the operation name the request gives, see {@link cachedOperationName}), since the
   * Apollo plugin never sees it.
   */
  observeCacheLookup(hit: boolean, request: { method: string; search: string; body?: string }, seconds: number): void {
    this.cacheLookups.inc({ result: hit ? "hit" : "miss" });
    if (hit) this.observeRequest(cachedOperationName(request), seconds);
  }

  /** Records one DataLoader batch; fits `createLoaders`' observer. */
  readonly observeBatch = (loader: LoaderName, size: number): void => {
    this.batches.observe({ loader }, size);
  };

  /**
   * Records one answered GraphQL request: its operation name (null for an anonymous operation,
   * undefined when none was resolved) and how long it took. The Apollo plugin calls this; so can
   * a path that answers without Apollo, such as a response cache.
   */
  observeRequest(operationName: string | null | undefined, seconds: number): void {
    const label = this.operationLabel(operationName === undefined ? UNRESOLVED_OPERATION : (operationName ?? ANONYMOUS_OPERATION));
    this.requests.inc({ operation: label });
    this.duration.observe({ operation: label }, seconds);
  }

  /** Counts one error sent to a client. */
  countError(code: string): void {
    this.errors.inc({ code });
  }

  /** Counts one corpus reload. */
  countReload(outcome: "applied" | "rejected"): void {
    this.reloads.inc({ outcome });
  }

  /** Returns the Prometheus text exposition of every metric, and its content type. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  /**
   * Returns an Apollo plugin that times each GraphQL request and counts it by operation name, and
   * counts the errors of each answer by their final code (after formatError, so limit codes show).
   */
  plugin(): ApolloServerPlugin {
    return {
      requestDidStart: async () => {
        const started = performance.now();
        return {
          willSendResponse: async ({ operation, operationName, response }) => {
            this.observeRequest(operation ? operationName : undefined, (performance.now() - started) / 1000);
            const result = response.body.kind === "single" ? response.body.singleResult : response.body.initialResult;
            for (const error of result.errors ?? []) this.countError(String(error.extensions?.code ?? "INTERNAL_SERVER_ERROR"));
          },
        };
      },
      // Requests Apollo refuses before its pipeline (batching, a body with no query…) never reach willSendResponse.
      invalidRequestWasReceived: async ({ error }) => {
        const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
        this.countError(typeof code === "string" ? code : "BAD_REQUEST");
      },
    };
  }

  // Private: the label for an operation name, within the cap.
  private operationLabel(name: string): string {
    if (this.operationLabels.has(name)) return name;
    if (this.operationLabels.size >= MAX_OPERATION_LABELS) return "(other)";
    this.operationLabels.add(name);
    return name;
  }
}

/**
 * Given a request answered from the response cache (which stores only bytes), returns its
 * operation name without parsing the document: the `operationName` it sends, else the name of an
 * operation its query text opens with, null for a query that opens with an anonymous operation
 * (`{ … }`, `query { … }`), or {@link CACHED_OPERATION} when the text says neither plainly. A cached
 * answer was a success, so the document is valid and the name found is the one Apollo resolved.
 */
export function cachedOperationName(request: { method: string; search: string; body?: string }): string | null {
  let operationName: string | null | undefined;
  let query: string | null | undefined;
  if (request.method === "GET") {
    const params = new URLSearchParams(request.search);
    operationName = params.get("operationName");
    query = params.get("query");
  } else {
    // The names are GraphQL names ([_A-Za-z][_0-9A-Za-z]*), so they appear in the JSON unescaped.
    operationName = /"operationName"\s*:\s*"([_A-Za-z][_0-9A-Za-z]*)"/.exec(request.body ?? "")?.[1];
    query = /"query"\s*:\s*"((?:[^"\\]|\\.){0,200})/.exec(request.body ?? "")?.[1]?.replace(/\\[nrt]/g, " ");
  }
  if (operationName) return operationName;
  const opening = /^\s*(?:(?:query|mutation)\s*([_A-Za-z][_0-9A-Za-z]*)?\s*[({]|([{]))/.exec(query ?? "");
  if (!opening) return CACHED_OPERATION;
  return opening[1] ?? null;
}
