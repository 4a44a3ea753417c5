// Checks the representations a gateway sends to `_entities` before @apollo/subgraph resolves
// them. Its resolver throws a plain Error for a `__typename` that names no type (or is missing),
// which fails the whole list as INTERNAL_SERVER_ERROR; here each bad representation fails alone,
// as BAD_USER_INPUT at its own index, and the good ones go on to their reference resolvers.
import { GraphQLError, isUnionType, type GraphQLFieldResolver, type GraphQLSchema } from "graphql";

/** The name of the argument every error here points at. */
const ARGUMENT = "representations";

/**
 * Given the built subgraph schema, replaces the resolver of `Query._entities` with one that
 * refuses, each at its own index, a representation that is not an object, has no `__typename`,
 * or names a type that is not an entity of this subgraph (unknown, or a value type such as
 * `Money`). The remaining representations go to @apollo/subgraph's resolver in one call, so each
 * entity type is still one DataLoader batch. Errors the reference resolvers raise about a
 * representation (a missing key) get the same index. Returns the same schema.
 */
export function withCheckedRepresentations(schema: GraphQLSchema): GraphQLSchema {
  const field = schema.getQueryType()?.getFields()._entities;
  const union = schema.getType("_Entity");
  // A subgraph without entities has no _entities field: nothing to check.
  if (!field?.resolve || !isUnionType(union)) return schema;
  const entities = union.getTypes().map((type) => type.name);
  const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve;

  field.resolve = (source, args: { representations: unknown[] }, context, info) => {
    const { representations } = args;
    const problems = representations.map((representation) => problemOf(representation, schema, entities));
    const accepted = representations.filter((_, index) => problems[index] === undefined);
    const resolved = resolve(source, { ...args, representations: accepted }, context, info) as unknown[];
    let next = 0;
    // A refused representation is an Error in the list, not a rejected promise: both executors
    // answer an Error item with null there and the error at ["_entities", index], but graphql-jit
    // drops rejected items from the end of a list, and a gateway needs one answer per representation.
    return representations.map((_, index) => {
      const problem = problems[index];
      if (problem !== undefined) return representationError(index, `${problem}; entities are ${entities.join(", ")}`);
      return Promise.resolve(resolved[next++]).then(undefined, (error: unknown) => {
        if (!(error instanceof Error)) throw error;
        return withIndex(error, index);
      });
    });
  };
  return schema;
}

/**
 * Given a representation and the names of the subgraph's entity types, returns whether it names
 * one of them: an object whose `__typename` is an entity. Anything else is refused at its index
 * before resolving, and the cost estimate (cost.ts) charges it as an error to answer.
 */
export function namesAnEntity(representation: unknown, entities: readonly string[]): boolean {
  if (typeof representation !== "object" || representation === null || Array.isArray(representation)) return false;
  const typename = (representation as { __typename?: unknown }).__typename;
  return typeof typename === "string" && entities.includes(typename);
}

// Private: what is wrong with one representation, or undefined when it names an entity type.
function problemOf(representation: unknown, schema: GraphQLSchema, entities: string[]): string | undefined {
  if (namesAnEntity(representation, entities)) return undefined;
  if (typeof representation !== "object" || representation === null || Array.isArray(representation)) {
    return `${JSON.stringify(representation)} is not an object with "__typename" and the type's key fields`;
  }
  const typename = (representation as { __typename?: unknown }).__typename;
  if (typeof typename !== "string") return `has no "__typename" (a string naming the entity type)`;
  if (entities.includes(typename)) return undefined;
  return schema.getType(typename)
    ? `"${typename}" is a type of this subgraph but not an entity`
    : `"${typename}" is not an entity of this subgraph`;
}

// Private: the BAD_USER_INPUT error for the representation at `index`.
function representationError(
  index: number,
  problem: string,
  extensions: Record<string, unknown> = {},
  originalError?: Error,
): GraphQLError {
  return new GraphQLError(`${ARGUMENT}[${index}]: ${problem}`, {
    originalError,
    extensions: { ...extensions, code: "BAD_USER_INPUT", argument: ARGUMENT, index },
  });
}

// Private: a reference resolver's error about its representation (it cannot know the index),
// given the index; any other error passes unchanged.
function withIndex(error: Error, index: number): Error {
  if (!(error instanceof GraphQLError) || error.extensions.argument !== ARGUMENT || "index" in error.extensions) return error;
  return representationError(index, error.message, error.extensions, error);
}
