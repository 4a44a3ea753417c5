// Starts the service: the federated schema inside Apollo Server, behind the HTTP handler,
// reading whichever store snapshot is current when each request begins.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from "@apollo/server/plugin/landingPage/default";
import type { GraphQLSchema } from "graphql";
import { pino, type Logger } from "pino";
import type { Config } from "./config.js";
import type { Context } from "./context.js";
import { buildNewsSchema } from "./federation.js";
import { createHttpHandler } from "./http.js";
import { createLoaders, type BatchObserver } from "./loaders.js";
import type { Store } from "./store/Store.js";

/** What {@link startServer} needs. */
export interface ServerOptions {
  /** The store to serve; replace it later with {@link RunningServer.setStore}. */
  store: Store;
  /** Port, host, limits; anything omitted takes its default from config.ts. */
  config: Pick<Config, "port" | "host" | "production" | "maxPageSize" | "maxBodyBytes">;
  /** Structured logger. @default a silent pino logger */
  logger?: Logger;
  /** Hears of every DataLoader batch (metrics, and tests that assert batching). */
  onBatch?: BatchObserver;
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
  /** Stops accepting connections, lets in-flight requests finish, then resolves. */
  stop(): Promise<void>;
}

let schemaPromise: Promise<GraphQLSchema> | undefined;

/** Returns the federated schema, built once per process (building it is the slow part of start-up). */
export function newsSchema(): Promise<GraphQLSchema> {
  schemaPromise ??= buildNewsSchema();
  return schemaPromise;
}

/** Starts Apollo Server over node:http on the configured port (0 for any free port). */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { config } = options;
  const logger = options.logger ?? pino({ level: "silent" });
  let store = options.store;

  const httpServer = createServer();
  const apollo = new ApolloServer<Context>({
    schema: await newsSchema(),
    introspection: true,
    includeStacktraceInErrorResponses: !config.production,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      config.production
        ? ApolloServerPluginLandingPageProductionDefault({ footer: false })
        : ApolloServerPluginLandingPageLocalDefault({ footer: false }),
    ],
    logger,
  });
  await apollo.start();

  httpServer.on(
    "request",
    createHttpHandler({
      apollo,
      maxBodyBytes: config.maxBodyBytes,
      isReady: () => true,
      onError: (err) => logger.error({ err }, "request failed outside GraphQL"),
      context: async () => {
        // Pin the snapshot once: every resolver of this request reads the same corpus.
        const snapshot = store;
        return { store: snapshot, loaders: createLoaders(snapshot, options.onBatch), maxPageSize: config.maxPageSize };
      },
    }),
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
    stop: () => apollo.stop(),
  };
}
