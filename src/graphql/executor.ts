// A compiled executor behind Apollo Server. Apollo Server 5 has no executor option for a plain
// schema, but it does run a gateway's executor: this module is a local "gateway" that serves
// the subgraph's own schema and executes each operation with graphql-jit, compiled once per
// parsed document (Apollo's document cache hands back the same DocumentNode for the same query).
// Parsing, validation, plugins, error formatting and HTTP stay Apollo's.
import type { ApolloServerOptionsWithGateway } from "@apollo/server";
import { execute, getVariableValues, GraphQLError, type DocumentNode, type ExecutionResult, type GraphQLSchema } from "graphql";
import { compileQuery, isCompiledQuery, type CompiledQuery } from "graphql-jit";

/** Which executor runs operations. */
export type ExecutorKind = "jit" | "graphql-js";

/** Apollo Server's gateway contract (from @apollo/server-gateway-interface, through @apollo/server). */
type GatewayInterface = ApolloServerOptionsWithGateway<object>["gateway"];
type GatewayExecutor = NonNullable<Awaited<ReturnType<GatewayInterface["load"]>>["executor"]>;

/**
 * Given the executable schema and the SDL it was built from, returns an Apollo Server `gateway`
 * that executes with graphql-jit. Requests that capture a federated trace (ftv1) run on
 * graphql-js instead: the trace is built from Apollo's per-field hooks, which only the
 * resolvers Apollo instruments call in the order graphql-js calls them.
 */
export function jitGateway(schema: GraphQLSchema, sdl: string): GatewayInterface {
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();

  // Private: the compiled operation, or null when graphql-jit cannot compile it (graphql-js runs it).
  const compiledFor = (document: DocumentNode, operationName: string | null): CompiledQuery | null => {
    let byName = compiled.get(document);
    if (!byName) compiled.set(document, (byName = new Map()));
    const key = operationName ?? "";
    if (!byName.has(key)) {
      const result = compileQuery(schema, document, operationName ?? undefined);
      byName.set(key, isCompiledQuery(result) ? result : null);
    }
    return byName.get(key)!;
  };

  const executor: GatewayExecutor = async (requestContext) => {
    const { document, request, context, operationName, operation } = requestContext;
    const query = requestContext.metrics.captureTraces ? null : compiledFor(document, operationName);
    if (query === null) {
      return execute({ schema, document, contextValue: context, variableValues: request.variables, operationName });
    }
    // Bad variables are refused by graphql-js's own coercion, so their errors (and Apollo's
    // status for them) are exactly what the graphql-js executor gives.
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {}, { maxErrors: 50 });
    if (coerced.errors) return { errors: coerced.errors };
    return withGraphQLErrors(await query.query(undefined, context, request.variables ?? {}));
  };

  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: sdl });
      return () => {};
    },
    async load() {
      return { executor };
    },
    async stop() {},
  };
}

// Private: graphql-jit's errors are GraphQLErrors without `extensions` unless the thrown error had
// some, and Apollo reads `extensions.code` from every error; rebuild them as graphql-js builds them.
function withGraphQLErrors(result: ExecutionResult): ExecutionResult {
  if (!result.errors?.length) return result;
  const errors = result.errors.map((error) => {
    if (error.extensions) return error;
    const rebuilt = new GraphQLError(error.message, {
      path: error.path,
      originalError: error.originalError ?? undefined,
      extensions: (error.originalError as GraphQLError | undefined)?.extensions,
    });
    Object.defineProperty(rebuilt, "locations", { value: error.locations, enumerable: error.locations !== undefined });
    return rebuilt;
  });
  return { ...result, errors };
}
