// Peer (a): the subgraph SDL-first in Apollo Server 5, as it comes (its default plugins), without
// type-graphql.   tsx bench/peers/apollo.ts CORPUS
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import type { Context } from "../../src/graphql/context.js";
import { announce, contextFor, loadStore } from "../target.js";
import { peerSchema } from "./resolvers.js";

const store = await loadStore(process.argv[2]!);
const server = new ApolloServer<Context>({ schema: peerSchema() });
const { url } = await startStandaloneServer(server, {
  listen: { port: 0, host: "127.0.0.1" },
  context: async () => contextFor(store),
});
announce(Number(new URL(url).port));
