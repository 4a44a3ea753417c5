// Builds the federated schema: type-graphql builds the types and resolvers, the result is
// printed with its directives under a Federation 2 @link, and @apollo/subgraph turns that into
// a subgraph with _service, _entities and the reference resolvers.
import "reflect-metadata";
import { buildSchema } from "type-graphql";
import { buildSubgraphSchema, printSubgraphSchema } from "@apollo/subgraph";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { createResolversMap } from "type-graphql";
import { lexicographicSortSchema, parse, type GraphQLSchema } from "graphql";
import { resolvers } from "../resolvers/index.js";
import { referenceResolvers } from "../resolvers/references.js";

/** The Federation 2 version and directives this subgraph links; composition reads this. */
export const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@tag", "@inaccessible", "@external", "@requires", "@provides"])`;

/** Returns the executable federated schema of the news subgraph. */
export async function buildNewsSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers,
    // Checked by composition and by the subgraph build below; type-graphql's own check
    // would reject the federation directives it does not know.
    skipCheck: true,
    validate: false,
  });
  const typeDefs = parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`);
  const resolverMap = createResolversMap(schema) as Record<string, Record<string, unknown>>;
  for (const [type, fields] of Object.entries(referenceResolvers)) {
    resolverMap[type] = { ...resolverMap[type], ...fields };
  }
  return buildSubgraphSchema({ typeDefs, resolvers: resolverMap as never });
}

/** Returns the subgraph SDL (what `_service { sdl }` serves), types sorted so diffs stay stable. */
export function printNewsSchema(schema: GraphQLSchema): string {
  return printSubgraphSchema(lexicographicSortSchema(schema));
}
