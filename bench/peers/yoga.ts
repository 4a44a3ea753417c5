// Peer (c): the subgraph SDL-first in graphql-yoga over node:http, with @envelop/graphql-jit
// compiling each operation.   tsx bench/peers/yoga.ts CORPUS
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { useGraphQlJit } from "@envelop/graphql-jit";
import { createYoga } from "graphql-yoga";
import { announce, contextFor, loadStore } from "../target.js";
import { peerSchema } from "./resolvers.js";

const store = await loadStore(process.argv[2]!);
const yoga = createYoga({
  schema: peerSchema(),
  plugins: [useGraphQlJit()],
  context: () => contextFor(store),
  graphiql: false,
  logging: false,
  maskedErrors: false,
  landingPage: false,
});
const server = createServer(yoga);
server.listen(0, "127.0.0.1", () => announce((server.address() as AddressInfo).port));
