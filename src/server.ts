// Starts the service: the federated schema inside Apollo Server, behind the HTTP handler,
// reading whichever store snapshot is current when each request begins.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import type { GraphQLSchema } from "graphql";
import { pino, type Logger } from "pino";
import { readConfig, type Config } from "./ops/config.js";
import type { Context } from "./graphql/context.js";
import { costLimitPlugin } from "./graphql/cost.js";
import { noSubscriptionsPlugin } from "./graphql/subscriptions.js";
import { errorLimitPlugin } from "./graphql/errorLimit.js";
import { createExplorer } from "./http/explorer/serve.js";
import { CompiledOperations } from "./graphql/compiledOperations.js";
import { EntityCache } from "./graphql/entityCache.js";
import { buildNewsSchema } from "./graphql/federation.js";
import { createFormatError } from "./graphql/formatError.js";
import { CacheHeaders } from "./http/cacheHeaders.js";
import { createCompiledAnswers } from "./http/compiledAnswers.js";
import { createCors } from "./http/cors.js";
import { ConnectionDrain } from "./http/drain.js";
import { createHttpHandler } from "./http/handler.js";
import { serviceUnavailablePlugin } from "./http/serviceUnavailable.js";
import { applyTimeouts, serverTimeoutOptions } from "./http/timeouts.js";
import { operationLimitRules, operationParseOptions, type OperationLimits } from "./graphql/limits.js";
import { createLoaders, LOADER_NAMES, type BatchObserver } from "./graphql/loaders.js";
import { ResponseCache } from "./http/responseCache.js";
import { apolloLogger, linkRequestScope, nameRequestOperation, requestLogger, requestLogPlugin, withRequestScope } from "./ops/logging.js";
import { ServiceMetrics } from "./ops/metrics.js";
import type { Store } from "./store/Store.js";

/** What {@link startServer} needs. */
export interface ServerOptions {
  /** The store to serve; replace it later with {@link RunningServer.setStore}. */
  store: Store;
  /** Port, host, limits; anything omitted takes its default from config.ts. */
  config: Pick<Config, "port" | "host" | "production" | "maxPageSize" | "maxBodyBytes"> &
    Partial<Pick<Config, "explorer">> &
    Partial<
      Pick<
        Config,
        | keyof OperationLimits
        | "maxErrors"
        | "shutdownTimeoutMs"
        | "shutdownDelayMs"
        | "headersTimeoutMs"
        | "requestTimeoutMs"
        | "keepAliveTimeoutMs"
      >
    > &
    Partial<Pick<Config, "responseCache" | "responseCacheMB" | "corsOrigins" | "cacheMaxAge" | "debugErrors">>;
  /** Structured logger. @default a silent pino logger */
  logger?: Logger;
  /** Hears of every DataLoader batch (metrics, and tests that assert batching). */
  onBatch?: BatchObserver;
  /** Where `/metrics` reads from. @default a fresh registry for this server */
  metrics?: ServiceMetrics;
}

/** A started service. */
export interface RunningServer {
  /** The GraphQL endpoint, e.g. `http://127.0.0.1:4000/graphql`. */
  url: string;
  port: number;
  httpServer: Server;
  /** Serves a new store from the next request on; requests already running keep theirs. */
  setStore(store: Store): void;
  /** The store new requests read. */
  store(): Store;
  /**
   * Drains (src/http/drain.ts): `/ready` answers 503 and every answer says `Connection: close` at
   * once, idle connections close, the listener closes after the configured delay, requests in
   * flight finish; connections still open after `deadlineMs` (default: the shutdown timeout) are
   * closed. Resolves once Apollo Server has stopped too.
   */
  stop(deadlineMs?: number): Promise<void>;
  /** The metrics `/metrics` serves. */
  metrics: ServiceMetrics;
  /** The compiled plans of the documents answered so far (src/graphql/compiledOperations.ts). */
  compiledOperations: CompiledOperations;
}

let schemaPromise: Promise<GraphQLSchema> | undefined;

/** Returns the federated schema, built once per process (building it is the slow part of start-up). */
export function newsSchema(): Promise<GraphQLSchema> {
  schemaPromise ??= buildNewsSchema();
  return schemaPromise;
}

/** Starts Apollo Server over node:http on the configured port (0 for any free port). */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const config = { ...readConfig({}), ...options.config };
  const logger = options.logger ?? pino({ level: "silent" });
  const metrics = options.metrics ?? new ServiceMetrics();
  const observeBatch: BatchObserver = (loader, size) => {
    metrics.observeBatch(loader, size);
    options.onBatch?.(loader, size);
  };
  let store = options.store;
  metrics.declareLoaders(LOADER_NAMES);

  const httpServer = createServer(serverTimeoutOptions(config));
  applyTimeouts(httpServer, config);
  // Before the handler is added: it sees every request first, so it can mark answers in flight.
  const drain = new ConnectionDrain(httpServer, { acceptForMs: config.shutdownDelayMs });
  const schema = await newsSchema();
  // Documents Apollo answers cleanly are compiled once and later run without its pipeline.
  // With the response cache on, `_entities` answers are also cached entity by entity (src/graphql/entityCache.ts).
  const compiledOperations = new CompiledOperations({
    schema,
    maxCost: config.maxCost,
    maxPageSize: config.maxPageSize,
    maxVariablesBytes: config.maxVariablesBytes,
    maxVariablesDepth: config.maxVariablesDepth,
    entityCache: config.responseCache ? new EntityCache() : undefined,
  });
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: true,
    // Stack traces go to the logs (logging.ts); to clients only when DEBUG_ERRORS=on.
    includeStacktraceInErrorResponses: config.debugErrors,
    formatError: createFormatError({ production: config.production, debugErrors: config.debugErrors }),
    // Operation limits, refused before execution: static ones in validation (limits.ts), the
    // token limit in the parser, and the cost (which needs the variables) in a plugin (cost.ts).
    validationRules: operationLimitRules(config),
    parseOptions: operationParseOptions(config),
    allowBatchedHttpRequests: false,
    // GET must work without custom headers (GraphQL over HTTP); http.ts keeps the POST half of
    // CSRF prevention by reading only JSON bodies. The trade-off is in the README ("CSRF").
    csrfPrevention: false,
    // main.ts owns the signals: it drains and exits 0, where Apollo's handler would re-raise them.
    // The HTTP drain is ours (drain.ts): Apollo's answered keep-alive and then closed the connection.
    stopOnTerminationSignals: false,
    plugins: [
      noSubscriptionsPlugin(),
      costLimitPlugin(config),
      compiledOperations.plugin(),
      // Before the metrics plugin: it counts the errors of the answer as sent.
      errorLimitPlugin(config.maxErrors),
      serviceUnavailablePlugin(),
      metrics.plugin(),
      requestLogPlugin(logger),
      // Apollo's landing pages load Sandbox from a CDN, blank offline; the explorer is ours (src/http/explorer/).
      ApolloServerPluginLandingPageDisabled(),
      // No type or field carries a cache hint, so the cache-control plugin computed a policy of
      // "no cache" field by field on every request, for nothing (BENCHMARKS.md has its cost).
      ApolloServerPluginCacheControlDisabled(),
    ],
    logger: apolloLogger(logger),
  });
  await apollo.start();
  // Keyed to the store version, so setStore (a reload) empties it.
  const responseCache = config.responseCache
    ? new ResponseCache({ version: () => store.version, maxBytes: config.responseCacheMB * 2 ** 20 })
    : undefined;

  const context = async (req: IncomingMessage): Promise<Context> => {
    // Pin the snapshot once: every resolver of this request reads the same corpus.
    const snapshot = store;
    const requestContext: Context = { store: snapshot, loaders: createLoaders(snapshot, observeBatch), maxPageSize: config.maxPageSize };
    linkRequestScope(requestContext, req); // the plugins log this request's errors with its id
    return requestContext;
  };
  httpServer.on(
    "request",
    withRequestScope(
      logger,
      createHttpHandler({
        apollo,
        maxBodyBytes: config.maxBodyBytes,
        responseCache,
        cacheHeaders: new CacheHeaders({ maxAgeSeconds: config.cacheMaxAge, version: () => store.version }),
        // With no list given, production allows no origin (readConfig's default follows NODE_ENV, which a caller may not set).
        cors: createCors(options.config.corsOrigins ?? (config.production ? [] : config.corsOrigins)),
        // Off in production unless asked for (EXPLORER=on); main.ts passes the configured choice.
        explorer: (options.config.explorer ?? !config.production) ? createExplorer() : undefined,
        // Not ready while draining, or while the store cannot reach its database (PostgreSQL).
        isReady: async () => !drain.isDraining && (await (store.reachable?.() ?? true)),
        metrics: () => metrics.render(),
        onRefused: (code) => metrics.countError(code),
        onCacheLookup: (hit, request, seconds) => metrics.observeCacheLookup(hit, request, seconds),
        onError: (err, req) => requestLogger(req, logger).error({ err }, "request failed outside GraphQL"),
        context,
        compiledAnswer: createCompiledAnswers({
          operations: compiledOperations,
          context,
          onAnswer: (req, _requestContext, operationName, seconds) => {
            metrics.observeRequest(operationName, seconds);
            nameRequestOperation(req, operationName);
          },
        }),
      }),
    ),
  );
  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const shownHost = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;

  return {
    url: `http://${shownHost}:${port}/graphql`,
    port,
    httpServer,
    setStore: (next) => {
      store = next;
    },
    store: () => store,
    stop: async (deadlineMs = config.shutdownTimeoutMs) => {
      const outcome = await drain.drain(deadlineMs);
      if (outcome === "forced") logger.warn({ deadlineMs }, "shutdown deadline reached: closed the connections still open");
      await apollo.stop();
    },
    metrics,
    compiledOperations,
  };
}
