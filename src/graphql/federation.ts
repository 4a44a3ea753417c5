// Builds the federated schema: type-graphql builds the types and resolvers, the result is
// printed with its directives under a Federation 2 @link, and @apollo/subgraph turns that into
// a subgraph with _service, _entities (its representations checked first) and the reference resolvers.
import "reflect-metadata";
import { buildSchema } from "type-graphql";
import { buildSubgraphSchema, printSubgraphSchema } from "@apollo/subgraph";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { createResolversMap, getMetadataStorage } from "type-graphql";
import { rememberedDateTimeSerialize } from "./dateTimeScalar.js";
import {
  Kind,
  lexicographicSortSchema,
  parse,
  visit,
  type DocumentNode,
  type GraphQLSchema,
  type ObjectTypeDefinitionNode,
  type UnionTypeDefinitionNode,
} from "graphql";
import { resolvers } from "./resolvers/index.js";
import { referenceResolvers } from "./resolvers/references.js";
import { PUBLIC } from "./types/contract.js";
import { withCheckedRepresentations } from "./entityRepresentations.js";

/** The Federation 2 version and directives this subgraph links; composition reads this. */
export const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.12", import: ["@key", "@shareable", "@tag", "@inaccessible", "@external", "@requires", "@provides", "@cacheTag"])`;

/**
 * Directives on unions, by union name: type-graphql has no decorator for them. A public
 * contract keeps a union only when it is tagged (enums, scalars and inputs stay unless excluded).
 */
const UNION_DIRECTIVES: Record<string, string> = { Entity: PUBLIC, SearchResult: PUBLIC };

/** What the root `Query` type says in the explorer and the SDL; type-graphql has no decorator for it. */
const QUERY_DESCRIPTION =
  "Where every read starts: one article, person, country, agreement, tariff or organization by its key, or lists of them with filters. Long lists are paginated Relay style (`first`, `after`).";

/** Returns the executable federated schema of the news subgraph. */
export async function buildNewsSchema(): Promise<GraphQLSchema> {
  // Every @ObjectType says `simpleResolvers: true`: a plain field is then read as graphql-js and
  // graphql-jit read any property (no resolver), instead of through type-graphql's middleware
  // wrapper, one closure call per field per object; that saved 3–28% of the CPU per request with
  // the response cache off (docs/performance.md). No type here uses middlewares or auth on a plain field.
  const schema = await buildSchema({
    resolvers,
    // Checked by composition and by the subgraph build below; type-graphql's own check
    // would reject the federation directives it does not know.
    skipCheck: true,
    validate: false,
  });
  const typeDefs = withCacheTags(
    withQueryDescription(withUnionDirectives(parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`))),
  );
  const resolverMap = createResolversMap(schema) as Record<string, Record<string, unknown>>;
  for (const [type, fields] of Object.entries(referenceResolvers)) {
    resolverMap[type] = { ...resolverMap[type], ...fields };
  }
  withSyncUnionResolvers(resolverMap);
  // Same scalar, its serialisation of stored strings remembered (dateTimeScalar.ts).
  resolverMap.DateTime = { ...resolverMap.DateTime, serialize: rememberedDateTimeSerialize() };
  return withCheckedRepresentations(buildSubgraphSchema({ typeDefs, resolvers: resolverMap as never }));
}

/** Returns the subgraph SDL (what `_service { sdl }` serves), types sorted so diffs stay stable. */
export function printNewsSchema(schema: GraphQLSchema): string {
  return printSubgraphSchema(lexicographicSortSchema(schema));
}

// Private: type-graphql wraps every union's resolveType in an async function, and graphql-jit
// (src/graphql/compiledOperations.ts) needs the type name synchronously. Each union here is given its own
// resolveType back, unwrapped, when it answers with a type name.
function withSyncUnionResolvers(resolverMap: Record<string, Record<string, unknown>>) {
  for (const union of getMetadataStorage().unions) {
    const own = union.resolveType;
    if (!own || !resolverMap[union.name]) continue;
    const wrapped = resolverMap[union.name]!.__resolveType as (...args: unknown[]) => unknown;
    resolverMap[union.name]!.__resolveType = (value: unknown, context: unknown, info: never, type: never) => {
      const name = own(value, context, info, type);
      return typeof name === "string" ? name : wrapped(value, context, info, type);
    };
  }
}

// Private: adds UNION_DIRECTIVES to the union definitions of a printed schema.
function withUnionDirectives(document: DocumentNode): DocumentNode {
  return visit(document, {
    UnionTypeDefinition(node) {
      const sdl = UNION_DIRECTIVES[node.name.value];
      if (sdl === undefined) return undefined;
      const parsed = parse(`union Directives ${sdl} = Directives`).definitions[0] as UnionTypeDefinitionNode;
      return { ...node, directives: [...(node.directives ?? []), ...(parsed.directives ?? [])] };
    },
  });
}

/**
 * Given an entity type's name and its key field, returns the cache tag a router stores its
 * entities under (`@cacheTag`, Federation 2.12): `person-{id}`, `country-{code}`. Purging a tag
 * through the router's invalidation endpoint drops every cached answer holding that entity.
 */
export function cacheTagFormat(typeName: string, keyField: string): string {
  return `${typeName.toLowerCase()}-{$key.${keyField}}`;
}

// Private: declares @cacheTag on every entity type (an object type with a single-field @key), derived
// from its key, so a new entity kind is tagged without being listed here.
function withCacheTags(document: DocumentNode): DocumentNode {
  return visit(document, {
    ObjectTypeDefinition(node) {
      const key = node.directives?.find((d) => d.name.value === "key");
      const fields = key?.arguments?.find((a) => a.name.value === "fields")?.value;
      if (fields?.kind !== Kind.STRING || !/^\w+$/.test(fields.value.trim())) return undefined;
      const format = cacheTagFormat(node.name.value, fields.value.trim());
      const parsed = parse(`type T @cacheTag(format: ${JSON.stringify(format)})`).definitions[0] as ObjectTypeDefinitionNode;
      return { ...node, directives: [...(node.directives ?? []), ...(parsed.directives ?? [])] };
    },
  });
}

// Private: gives the root Query type its description.
function withQueryDescription(document: DocumentNode): DocumentNode {
  return visit(document, {
    ObjectTypeDefinition(node) {
      if (node.name.value !== "Query") return undefined;
      return { ...node, description: { kind: Kind.STRING, value: QUERY_DESCRIPTION, block: true } };
    },
  });
}
