// Starts @apollo/gateway in Apollo Server over a static supergraph: the query planner splits each
// operation into subgraph fetches, sent through ReplicaDataSource to wherever the subgraphs run.
import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { parse, print, visit, type ConstDirectiveNode } from "graphql";
import { ReplicaDataSource, type SubgraphRequestObserver } from "./ReplicaDataSource.js";

/** What {@link startGateway} needs. */
export interface GatewayOptions {
  /** The composed supergraph SDL (see compose.ts, or the committed supergraph.graphql). */
  supergraphSdl: string;
  /**
   * Where each subgraph answers, by subgraph name; several URLs are replicas, used in turn.
   * A subgraph not listed is reached at the URL the supergraph names. @default {}
   */
  subgraphUrls?: Record<string, readonly string[]>;
  /** Port to listen on; 0 picks a free one. @default 0 */
  port?: number;
  /** Interface to bind. @default "127.0.0.1" */
  host?: string;
  /** Hears of every request sent to a subgraph. */
  onSubgraphRequest?: SubgraphRequestObserver;
  /**
   * Lets @apollo/gateway send its anonymous usage metrics to Apollo, which also probes cloud
   * metadata endpoints at start-up. Off, so a dev tool and its tests never call out. @default false
   */
  apolloTelemetry?: boolean;
}

/** A started gateway. */
export interface RunningGateway {
  /** The supergraph's GraphQL endpoint, e.g. `http://localhost:4000/`. */
  url: string;
  /** Stops accepting connections, lets in-flight requests finish, then resolves. */
  stop(): Promise<void>;
}

/** Starts the gateway; resolves once it listens and has loaded the supergraph. */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const gateway = withTelemetry(
    options.apolloTelemetry ?? false,
    () =>
      new ApolloGateway({
        supergraphSdl: withoutRouterOnlyFeatures(options.supergraphSdl),
        buildService: ({ name, url }) => new ReplicaDataSource(name, options.subgraphUrls?.[name] ?? [url!], options.onSubgraphRequest),
      }),
  );
  const apollo = new ApolloServer({ gateway });
  const { url } = await startStandaloneServer(apollo, { listen: { port: options.port ?? 0, host: options.host ?? "127.0.0.1" } });
  return { url, stop: () => apollo.stop() };
}

// Private: the supergraph without @cacheTag (Federation 2.12), which Apollo Router reads and
// @apollo/gateway refuses to load ("feature … is for: EXECUTION but is unsupported"); the tags
// only tell a router's cache how to purge, so a dev gateway, which has no such cache, loses nothing.
function withoutRouterOnlyFeatures(supergraphSdl: string): string {
  if (!supergraphSdl.includes("specs.apollo.dev/cacheTag/")) return supergraphSdl;
  const isCacheTag = (directive: ConstDirectiveNode) =>
    (directive.name.value === "link" && /specs\.apollo\.dev\/cacheTag\//.test(print(directive))) ||
    (directive.name.value === "join__directive" && /name: "federation__cacheTag"/.test(print(directive)));
  return print(
    visit(parse(supergraphSdl), {
      Directive: (node) => (isCacheTag(node as ConstDirectiveNode) ? null : undefined),
    }),
  );
}

// Private: runs `create` with the gateway's telemetry switch set. ApolloGateway reads only the
// environment variable APOLLO_TELEMETRY_DISABLED, and only in its constructor, so it is set for
// that call and restored after.
function withTelemetry<T>(enabled: boolean, create: () => T): T {
  const previous = process.env.APOLLO_TELEMETRY_DISABLED;
  process.env.APOLLO_TELEMETRY_DISABLED = enabled ? "false" : "true";
  try {
    return create();
  } finally {
    if (previous === undefined) delete process.env.APOLLO_TELEMETRY_DISABLED;
    else process.env.APOLLO_TELEMETRY_DISABLED = previous;
  }
}
