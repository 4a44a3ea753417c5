// Peer (b): the subgraph SDL-first in Mercurius on Fastify, with graphql-jit compiling each
// operation after its first run.   tsx bench/peers/mercurius.ts CORPUS
import Fastify from "fastify";
import mercurius from "mercurius";
import { announce, contextFor, loadStore } from "../target.js";
import { peerSchema } from "./resolvers.js";

const store = await loadStore(process.argv[2]!);
const app = Fastify({ logger: false });
await app.register(mercurius, {
  schema: peerSchema(),
  jit: 1,
  graphiql: false,
  context: () => contextFor(store),
});
await app.listen({ port: 0, host: "127.0.0.1" });
const address = app.server.address();
announce(typeof address === "object" && address ? address.port : 0);
