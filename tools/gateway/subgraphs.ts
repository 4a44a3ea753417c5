// The supergraph this repository ships: the news subgraph (this service) and the reader team's
// example subgraph. The URLs are where `npm run gateway` runs them; a Router reads them from
// supergraph.graphql, so run the subgraphs there (or edit the URLs in your Router config).
import { fileURLToPath } from "node:url";
import { parse } from "graphql";
import { buildNewsSchema, printNewsSchema } from "../../src/graphql/federation.js";
import { readerTypeDefs } from "../../examples/reader/server.js";
import type { SubgraphDefinition } from "./compose.js";
import { DEV_PORTS } from "./devPorts.js";

/** The committed supergraph SDL, written by `npm run supergraph`. */
export const SUPERGRAPH_FILE = fileURLToPath(new URL("../../supergraph.graphql", import.meta.url));

export { DEV_PORTS } from "./devPorts.js";

/** Returns the two subgraphs, their SDL built from the current code. */
export async function shippedSubgraphs(): Promise<SubgraphDefinition[]> {
  return [
    { name: "news", url: `http://localhost:${DEV_PORTS.news}/graphql`, typeDefs: parse(printNewsSchema(await buildNewsSchema())) },
    { name: "reader", url: `http://localhost:${DEV_PORTS.reader}/graphql`, typeDefs: readerTypeDefs() },
  ];
}
