// Prometheus metrics for `/metrics`: GraphQL requests and their latency by operation name, errors
// by code, DataLoader batch sizes and corpus reloads, in one registry per server (tests run several).
import type { ApolloServerPlugin } from "@apollo/server";
import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";
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

/** The service's metrics and the hooks that feed them. */
export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly requests: Counter<"operation">;
  private readonly duration: Histogram<"operation">;
  private readonly errors: Counter<"code">;
  private readonly batches: Histogram<"loader">;
  private readonly reloads: Counter<"outcome">;
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
    const label = this.operationLabel(operationName === undefined ? UNRESOLVED_OPERATION : operationName ?? ANONYMOUS_OPERATION);
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
