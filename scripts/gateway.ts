// `npm run gateway`: a federated graph on one command. Starts the news subgraph (this service,
// over the configured corpus), the example reader subgraph, and @apollo/gateway in front of them,
// loading the committed supergraph.graphql, then prints the URL. Ctrl-C stops all three. Replica
// processes (--replicas) also stop when this process crashes or is killed: they watch it.
//
//   npm run gateway                              gateway :4000, news :4001, reader :4002
//   npm run gateway -- --port 5000               another gateway port
//   npm run gateway -- --news-url URL [--news-url URL …]
//                                                route to news replicas already running, in turn,
//                                                instead of starting one here
//   npm run gateway -- --replicas 3              start 3 news subgraph processes (free ports, this
//                                                environment: STORE=postgres shares one database)
//                                                and spread requests over them, failing over
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { pino } from "pino";
import { startReaderServer } from "../examples/reader/server.js";
import { readConfig } from "../src/ops/config.js";
import { loadCorpusFile } from "../src/corpus/load.js";
import { startNewsReplicas } from "../tools/gateway/newsReplicas.js";
import { startGateway } from "../tools/gateway/startGateway.js";
import { DEV_PORTS, SUPERGRAPH_FILE } from "../tools/gateway/subgraphs.js";
import { startServer } from "../src/server.js";
import { MemoryStore } from "../src/store/MemoryStore.js";

const { values: args } = parseArgs({
  options: {
    port: { type: "string", default: String(DEV_PORTS.gateway) },
    host: { type: "string", default: "127.0.0.1" },
    "news-port": { type: "string", default: String(DEV_PORTS.news) },
    "reader-port": { type: "string", default: String(DEV_PORTS.reader) },
    "news-url": { type: "string", multiple: true },
    replicas: { type: "string" },
  },
});

const supergraphSdl = await readFile(SUPERGRAPH_FILE, "utf8").catch(() => {
  console.error(`${SUPERGRAPH_FILE} is missing: run \`npm run supergraph\` first.`);
  process.exit(1);
});

// Everything started, in start order, so Ctrl-C stops them in reverse.
const running: { stop(): Promise<void> }[] = [];
const host = args.host;

let newsUrls = args["news-url"] ?? [];
const replicaCount = args.replicas === undefined ? 0 : Number(args.replicas);
if (!Number.isInteger(replicaCount) || replicaCount < 0 || replicaCount > 64) {
  console.error(`--replicas must be a whole number from 1 to 64; got "${args.replicas}"`);
  process.exit(2);
}
if (newsUrls.length === 0 && replicaCount > 0) {
  const replicas = await startNewsReplicas(replicaCount, { host });
  running.push(...replicas);
  newsUrls = replicas.map((r) => r.url);
  // With their process ids: stop one by hand to watch the gateway fail over to the others.
  replicas.forEach((r, i) => console.log(`news replica ${i + 1} (pid ${r.process.pid}) ready at ${r.url}`));
}
if (newsUrls.length === 0) {
  const config = readConfig();
  const corpus = await loadCorpusFile(config.corpusPath);
  const news = await startServer({
    store: new MemoryStore(corpus),
    config: { ...config, host, port: Number(args["news-port"]) },
    logger: pino({ level: config.logLevel === "info" ? "warn" : config.logLevel }),
  });
  running.push(news);
  newsUrls = [news.url];
}
const reader = await startReaderServer({ host, port: Number(args["reader-port"]) });
running.push(reader);
const gateway = await startGateway({
  supergraphSdl,
  subgraphUrls: { news: newsUrls, reader: [reader.url] },
  host,
  port: Number(args.port),
});
running.push(gateway);

console.log(`Supergraph ready at ${gateway.url}`);
console.log(`  news subgraph:   ${newsUrls.join(", ")}`);
console.log(`  reader subgraph: ${reader.url}`);
console.log(`Open ${gateway.url} in a browser, or try (reader → news → reader):
  curl -s ${gateway.url} -H 'content-type: application/json' \\
    -d '{"query":"{ readingList(id: \\"us-japan-trade\\") { title items { subject { __typename ... on Article { source readingTimeMinutes bookmarkCount } ... on Person { name } ... on Country { name travelAdvisory { level } } } } } }"}'`);

const shutdown = async () => {
  for (const server of running.reverse()) await server.stop();
  process.exit(0);
};
process.once("SIGINT", shutdown);
process.once("SIGTERM", shutdown);
