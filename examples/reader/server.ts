// Starts the reader subgraph: its SDL and resolvers as a federated schema, in Apollo Server.
import { readFileSync } from "node:fs";
import { ApolloServer, type ApolloServerOptions, type BaseContext } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { parse, type DocumentNode } from "graphql";
import { demoReaderData, type ReaderData } from "./data.js";
import { readerResolvers } from "./resolvers.js";
import { ReaderStore } from "./ReaderStore.js";

/** Path of the reader subgraph's SDL, read by the server and by composition. */
export const READER_SCHEMA_FILE = new URL("./schema.graphql", import.meta.url);

/** Returns the reader subgraph's type definitions. */
export function readerTypeDefs(): DocumentNode {
  return parse(readFileSync(READER_SCHEMA_FILE, "utf8"));
}

/** What {@link startReaderServer} needs; everything has a default. */
export interface ReaderServerOptions {
  /** Port to listen on; 0 picks a free one. @default 0 */
  port?: number;
  /** Interface to bind. @default "127.0.0.1" */
  host?: string;
  /** The data to serve. @default demoReaderData */
  data?: ReaderData;
  /** Where Apollo Server logs. @default warnings and errors to the console, nothing else */
  logger?: ApolloServerOptions<BaseContext>["logger"];
}

// Private: Apollo's default logger announces start-up details at info level; keep the console for problems.
const quietLogger: NonNullable<ReaderServerOptions["logger"]> = {
  debug: () => {},
  info: () => {},
  warn: (...args) => console.warn(...args),
  error: (...args) => console.error(...args),
};

/** A started reader subgraph. */
export interface RunningReaderServer {
  /** The GraphQL endpoint, e.g. `http://127.0.0.1:4002/graphql`. */
  url: string;
  /** Stops accepting connections, lets in-flight requests finish, then resolves. */
  stop(): Promise<void>;
}

/** Starts the reader subgraph over node:http (Apollo's standalone server). */
export async function startReaderServer(options: ReaderServerOptions = {}): Promise<RunningReaderServer> {
  const store = new ReaderStore(options.data ?? demoReaderData);
  const apollo = new ApolloServer({
    schema: buildSubgraphSchema({ typeDefs: readerTypeDefs(), resolvers: readerResolvers(store) }),
    logger: options.logger ?? quietLogger,
  });
  const { url } = await startStandaloneServer(apollo, { listen: { port: options.port ?? 0, host: options.host ?? "127.0.0.1" } });
  // The standalone server answers on every path; name the conventional one.
  return { url: new URL("graphql", url).href, stop: () => apollo.stop() };
}
