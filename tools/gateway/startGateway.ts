// Starts @apollo/gateway in Apollo Server over a static supergraph: the query planner splits each
// operation into subgraph fetches, sent through ReplicaDataSource to wherever the subgraphs run.
// It listens behind node:http rather than Apollo's standalone server so that a browser gets the
// same offline GraphiQL as the subgraph (src/http/explorer/), not Apollo Sandbox from a CDN.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer, HeaderMap } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { parse, print, validate, visit, type ConstDirectiveNode } from "graphql";
import { createCors, LOCAL_ORIGINS } from "../../src/http/cors.js";
import { createExplorer, type ExplorerHandler } from "../../src/http/explorer/serve.js";
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
  /** Serves GraphiQL (src/http/explorer/) to a browser that opens the gateway's URL. @default true */
  explorer?: boolean;
  /** Origins whose pages may call the gateway (src/http/cors.ts syntax). @default the local origins, any port */
  corsOrigins?: readonly string[];
}

/** A started gateway. */
export interface RunningGateway {
  /** The supergraph's GraphQL endpoint, e.g. `http://localhost:4000/`. */
  url: string;
  /** Stops accepting connections, lets in-flight requests finish, then resolves. */
  stop(): Promise<void>;
}

/** The largest request body the gateway reads, in bytes. */
export const GATEWAY_MAX_BODY_BYTES = 1024 * 1024;

/**
 * Starts the gateway; resolves once it listens and has loaded the supergraph. Fails with the
 * listen error (`code` EADDRINUSE for a taken port) when it cannot listen.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const gateway = withTelemetry(
    options.apolloTelemetry ?? false,
    () =>
      new ApolloGateway({
        supergraphSdl: withoutRouterOnlyFeatures(options.supergraphSdl),
        buildService: ({ name, url }) => new ReplicaDataSource(name, options.subgraphUrls?.[name] ?? [url!], options.onSubgraphRequest),
      }),
  );
  const httpServer = createServer();
  const apollo = new ApolloServer({
    gateway,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled()],
  });
  // Listen first: a taken port fails before the gateway loads anything, and leaves nothing to stop.
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(options.port ?? 0, host, () => {
      httpServer.off("error", reject);
      resolve();
    });
  });
  try {
    await apollo.start();
  } catch (error) {
    httpServer.close();
    throw error;
  }
  // The explorer's tabs are the example operations the supergraph can run (not `_entities`, say).
  const explorer =
    (options.explorer ?? true)
      ? createExplorer({
          endpoint: "/",
          keep: (example) => gateway.schema !== undefined && validate(gateway.schema, parse(example.source)).length === 0,
        })
      : undefined;
  const cors = createCors(options.corsOrigins ?? LOCAL_ORIGINS);
  httpServer.on("request", (req: IncomingMessage, res: ServerResponse) => {
    if (cors(req, res)) return; // a preflight, answered whole
    serve(apollo, explorer, req, res).catch(() => {
      if (!res.headersSent) sendError(res, 500, "INTERNAL_SERVER_ERROR", "Internal server error");
      else res.destroy();
    });
  });
  const { port } = httpServer.address() as AddressInfo;
  const shownHost = host === "0.0.0.0" || host === "::" ? "localhost" : host.includes(":") ? `[${host}]` : host;
  return { url: `http://${shownHost}:${port}/`, stop: () => apollo.stop() };
}

// Private: one request: the explorer's page and files for a browser, GraphQL for everything else.
async function serve(apollo: ApolloServer, explorer: ExplorerHandler | undefined, req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? "/", "http://localhost");
  if (explorer && (await explorer(req, res, url))) return;
  const method = (req.method ?? "GET").toUpperCase();
  let body: unknown;
  if (method === "POST") {
    const text = await readBody(req);
    if (text === null) return sendError(res, 413, "PAYLOAD_TOO_LARGE", `The body is over ${GATEWAY_MAX_BODY_BYTES} bytes.`);
    try {
      body = text === "" ? undefined : JSON.parse(text);
    } catch {
      return sendError(res, 400, "BAD_REQUEST", "The body is not JSON.");
    }
  }
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
  }
  const response = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method, headers, search: url.search, body },
    context: async () => ({}),
  });
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === "complete") {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

// Private: the request body as text, or null once it passes GATEWAY_MAX_BODY_BYTES.
async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > GATEWAY_MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

// Private: a GraphQL-shaped error answer for a request the gateway cannot read.
function sendError(res: ServerResponse, status: number, code: string, message: string) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", connection: status === 413 ? "close" : "keep-alive" });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
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
      // biome-ignore lint/correctness/noComponentHookFactories: a graphql-js visitor key, not a React component
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
