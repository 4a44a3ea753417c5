// `npm run gateway`: a federated graph on one command. Reads supergraph.yaml (rover's config
// format), starts the subgraphs this repository runs (news: this service over the configured
// corpus; reader: the example subgraph) when the config lists them, composes the supergraph from
// the config, and serves it with @apollo/gateway, routing every other subgraph to its
// routing_url. A browser opening the gateway's URL gets GraphiQL, served offline. Ctrl-C stops
// everything. Replica processes (--replicas) also stop when this process crashes or is killed.
//
//   npm run gateway                              gateway :4000, news :4001, reader :4002
//   npm run gateway -- --config FILE             another list of subgraphs (another team's added)
//   npm run gateway -- --port 5000               another gateway port
//   npm run gateway -- --news-url URL [--news-url URL …]
//                                                route to news replicas already running, in turn,
//                                                instead of starting one here
//   npm run gateway -- --replicas 3              start 3 news subgraph processes (free ports, this
//                                                environment: STORE=postgres shares one database)
//                                                and spread requests over them, failing over
//
// Mistakes are one line on stderr: a wrong option (exit 2), a bad config, a composition error, or
// a port already in use, named with the option that moves it (exit 1).
import { relative } from "node:path";
import { listenFailure, parseCommandLine } from "../tools/cli/commandLine.js";
import { DEV_PORTS } from "../tools/gateway/devPorts.js";
import type { ConfiguredSubgraph } from "../tools/gateway/supergraphConfig.js";

const COMMAND = "npm run gateway";
const args = parseCommandLine(
  COMMAND,
  {
    config: { type: "string" },
    port: { type: "string", default: String(DEV_PORTS.gateway) },
    host: { type: "string", default: "127.0.0.1" },
    "news-port": { type: "string" },
    "reader-port": { type: "string" },
    "news-url": { type: "string", multiple: true },
    replicas: { type: "string" },
  },
  "Usage: npm run gateway -- [--config supergraph.yaml] [--port N] [--host H] [--news-port N] [--reader-port N] [--news-url URL]… [--replicas N]",
);

// Loaded once the command line is known to be right, so a mistake in it is answered at once.
const { pino } = await import("pino");
const { startReaderServer } = await import("../examples/reader/server.js");
const { loadCorpusFile } = await import("../src/corpus/load.js");
const { readConfig } = await import("../src/ops/config.js");
const { startServer } = await import("../src/server.js");
const { MemoryStore } = await import("../src/store/MemoryStore.js");
const { CompositionError, composeSupergraph } = await import("../tools/gateway/compose.js");
const { startNewsReplicas } = await import("../tools/gateway/newsReplicas.js");
const { startGateway } = await import("../tools/gateway/startGateway.js");
const { loadSubgraphDefinitions, readSupergraphConfig, SUPERGRAPH_CONFIG_FILE, SupergraphConfigError } = await import(
  "../tools/gateway/supergraphConfig.js"
);

// Everything started, in start order, so a stop or a failure stops them in reverse.
const running: { stop(): Promise<void> }[] = [];
const host = args.host;

/** Stops what was started, prints `line` and exits 1. */
async function fail(line: string): Promise<never> {
  for (const server of running.reverse()) await server.stop().catch(() => undefined);
  console.error(`${COMMAND}: ${line}`);
  process.exit(1);
}

/** Runs `start`, turning a port that cannot be listened on into one line naming `option`. */
async function listening<T>(start: () => Promise<T>, port: number, option: string): Promise<T> {
  try {
    return await start();
  } catch (error) {
    const line = listenFailure(error, port, host, `choose another with ${option} N (npm run gateway -- ${option} ${port + 100})`);
    if (line === null) throw error;
    return fail(line);
  }
}

const gatewayPort = portOption("--port", args.port);
const replicaCount = args.replicas === undefined ? 0 : Number(args.replicas);
if (!Number.isInteger(replicaCount) || replicaCount < 0 || replicaCount > 64) {
  console.error(`${COMMAND}: --replicas must be a whole number from 1 to 64; got "${args.replicas}"`);
  process.exit(2);
}

const config = await readSupergraphConfig(args.config ?? relative(process.cwd(), SUPERGRAPH_CONFIG_FILE)).catch((error: unknown) => {
  if (error instanceof SupergraphConfigError) return fail(error.message);
  throw error;
});
const listed = new Map(config.subgraphs.map((subgraph) => [subgraph.name, subgraph]));

// The news subgraph, when listed: replicas already running, replicas started here, or one in this process.
let newsUrls = args["news-url"] ?? [];
if (listed.has("news") && newsUrls.length === 0 && replicaCount > 0) {
  const replicas = await startNewsReplicas(replicaCount, { host });
  running.push(...replicas);
  newsUrls = replicas.map((r) => r.url);
  // With their process ids: stop one by hand to watch the gateway fail over to the others.
  replicas.forEach((r, i) => console.log(`news replica ${i + 1} (pid ${r.process.pid}) ready at ${r.url}`));
}
if (listed.has("news") && newsUrls.length === 0) {
  const serviceConfig = readConfig();
  const corpus = await loadCorpusFile(serviceConfig.corpusPath);
  const port =
    args["news-port"] === undefined ? routingPort(listed.get("news")!, DEV_PORTS.news) : portOption("--news-port", args["news-port"]);
  const news = await listening(
    () =>
      startServer({
        store: new MemoryStore(corpus),
        config: { ...serviceConfig, host, port },
        logger: pino({ level: serviceConfig.logLevel === "info" ? "warn" : serviceConfig.logLevel }),
      }),
    port,
    "--news-port",
  );
  running.push(news);
  newsUrls = [news.url];
}
let readerUrl: string | undefined;
if (listed.has("reader")) {
  const port =
    args["reader-port"] === undefined
      ? routingPort(listed.get("reader")!, DEV_PORTS.reader)
      : portOption("--reader-port", args["reader-port"]);
  const reader = await listening(() => startReaderServer({ host, port }), port, "--reader-port");
  running.push(reader);
  readerUrl = reader.url;
}

// Compose from the config now that the local subgraphs run: a subgraph_url source of theirs is
// fetched from where they actually listen.
const here: Record<string, string> = {};
if (newsUrls[0]) here.news = newsUrls[0];
if (readerUrl) here.reader = readerUrl;
let supergraphSdl: string;
try {
  supergraphSdl = composeSupergraph(await loadSubgraphDefinitions(config, here)).supergraphSdl;
} catch (error) {
  if (error instanceof SupergraphConfigError) await fail(error.message);
  if (error instanceof CompositionError) await fail(`${config.shownAs}: ${error.message}`);
  throw error;
}

const subgraphUrls: Record<string, readonly string[]> = {};
if (newsUrls.length > 0) subgraphUrls.news = newsUrls;
if (readerUrl) subgraphUrls.reader = [readerUrl];
const gateway = await listening(
  () => startGateway({ supergraphSdl: supergraphSdl!, subgraphUrls, host, port: gatewayPort }),
  gatewayPort,
  "--port",
);
running.push(gateway);

console.log(`Supergraph ready at ${gateway.url} (open it in a browser for GraphiQL)`);
for (const subgraph of config.subgraphs) {
  const urls = subgraphUrls[subgraph.name] ?? [subgraph.routingUrl];
  console.log(`  ${`${subgraph.name} subgraph:`.padEnd(18)} ${urls.join(", ")}`);
}
if (readerUrl && newsUrls.length > 0) {
  console.log(`Try (reader → news → reader):
  curl -s ${gateway.url} -H 'content-type: application/json' \\
    -d '{"query":"{ readingList(id: \\"us-japan-trade\\") { title items { subject { __typename ... on Article { source readingTimeMinutes bookmarkCount } ... on Person { name } ... on Country { name travelAdvisory { level } } } } } }"}'`);
}

const shutdown = async () => {
  for (const server of running.reverse()) await server.stop();
  process.exit(0);
};
process.once("SIGINT", shutdown);
process.once("SIGTERM", shutdown);

// Private: a port option's value as a number, or a one-line usage error (exit 2).
function portOption(option: string, value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    console.error(`${COMMAND}: ${option} must be a port number from 0 to 65535; got "${value}"`);
    process.exit(2);
  }
  return port;
}

// Private: the port of a subgraph's routing_url, where `npm run gateway` starts it, or `fallback`.
function routingPort(subgraph: ConfiguredSubgraph, fallback: number): number {
  const url = new URL(subgraph.routingUrl);
  return url.port === "" ? fallback : Number(url.port);
}
