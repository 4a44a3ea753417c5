// The query cost model: what an operation would cost to answer, estimated from the document and
// its variables before anything runs, and the Apollo plugin that refuses operations over budget.
// The model is GitHub's and Shopify's: objects cost 1, scalars 0, and a list multiplies its items' cost by its size.
import { createHash } from "node:crypto";
import type { ApolloServerPlugin } from "@apollo/server";
import {
  BREAK,
  getNamedType,
  getNullableType,
  getVariableValues,
  isLeafType,
  isListType,
  isUnionType,
  visit,
  type ASTNode,
  type DocumentNode,
  type GraphQLSchema,
} from "graphql";
import { getComplexity, type ComplexityEstimator } from "graphql-query-complexity";
import { DEFAULT_PAGE_SIZE } from "./resolvers/pagination.js";
import { namesAnEntity } from "./entityRepresentations.js";
import { OperationLimitError } from "./limits.js";
import { assertVariablesWithinLimits, type VariablesLimits } from "./variablesLimit.js";

/**
 * The size assumed for a list with no page-size argument (`countries`, `Article.people`,
 * `Agreement.parties`…). Their real length is data, not request, so the estimate uses a typical
 * size; without one, lists of lists nested to the depth limit would cost next to nothing.
 */
export const ASSUMED_LIST_SIZE = 10;

/**
 * Most selections the estimate walks. Fragments spread inside fragments can multiply a short
 * document into millions of selections; past this many the operation is refused unmeasured.
 */
export const MAX_ESTIMATED_SELECTIONS = 10_000;

/**
 * Most estimates remembered per document. Each is a fixed-size entry (a 43-character digest of the
 * operation name and variables, and a number, about 150 bytes), so this bounds a document's memo
 * to about 150 KB however large the variables: the digest, not the variables, is kept.
 */
export const MAX_MEMO_ENTRIES = 1000;

/**
 * What an `_entities` representation that names no entity costs, on top of its place in the list:
 * it is answered with an error (message, path, extensions: some 300 bytes), which costs the service
 * more than an object; 10,000 of them took 725 ms and a 3 MB answer before they were charged.
 */
export const INVALID_REPRESENTATION_COST = 10;

/** What the cost check needs; the variables limits are checked first (variablesLimit.ts). */
export interface CostOptions extends VariablesLimits {
  /** Highest cost an operation may have. */
  maxCost: number;
  /** Largest `first` a list accepts; larger values are estimated at this size (the resolver refuses them). */
  maxPageSize: number;
}

/**
 * Returns the cost estimator: a field costs 1 when it returns objects, 0 for scalars and enums,
 * and a list multiplies that plus its children's cost by its size: `first` for paginated fields
 * (default 20), the number of representations for `_entities`, {@link ASSUMED_LIST_SIZE} for
 * other lists. A connection's `edges` and `nodes` are the page `first` already counted.
 * Introspection costs 0: graphql-js's MaxIntrospectionDepthRule and the depth limit bound it.
 */
export function costEstimator(maxPageSize: number): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    if (field.name.startsWith("__")) return 0;
    const own = isLeafType(getNamedType(field.type)) ? 0 : 1;
    return listSize(type.name, field, args, maxPageSize) * (own + childComplexity) + invalidRepresentationsCost(field, args);
  };
}

/**
 * Given a schema, a document, the operation to run and its variables, returns the operation's
 * estimated cost, or undefined when it has more than {@link MAX_ESTIMATED_SELECTIONS} selections to walk.
 */
export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown>,
  maxPageSize: number,
): number | undefined {
  try {
    return getComplexity({
      schema,
      query: document,
      operationName,
      variables,
      estimators: [costEstimator(maxPageSize)],
      maxQueryNodes: MAX_ESTIMATED_SELECTIONS,
    });
  } catch (error) {
    if (error instanceof Error && /maximum allowed number of nodes/.test(error.message)) return undefined;
    throw error;
  }
}

/** The arguments whose values the estimate reads (listSize, invalidRepresentationsCost); no other argument changes a cost. */
const COSTED_ARGUMENTS = new Set(["first", "representations"]);

/**
 * Given a document, returns whether its estimated cost can depend on the variables: true when a
 * variable appears in an argument the estimate reads (`first`, `representations`) or in a
 * directive (`@skip(if: $x)` and `@include` decide which selections count). When false, the
 * estimate is the same for any variables that coerce, so it need be computed once.
 */
export function costDependsOnVariables(document: DocumentNode): boolean {
  let depends = false;
  visit(document, {
    Argument(node) {
      if (COSTED_ARGUMENTS.has(node.name.value) && holdsVariable(node.value)) {
        depends = true;
        return BREAK;
      }
      return undefined;
    },
    Directive(node) {
      if (node.arguments?.some((argument) => holdsVariable(argument.value))) {
        depends = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return depends;
}

// Private: whether a value (a list or input object, at any depth) holds a variable.
function holdsVariable(value: ASTNode): boolean {
  let found = false;
  visit(value, {
    Variable() {
      found = true;
      return BREAK;
    },
  });
  return found;
}

/**
 * Returns an Apollo plugin that estimates each operation's cost once its operation is resolved
 * (variables are known then, and nothing has run) and refuses it with COST_ESTIMATED_TOO_EXPENSIVE
 * when over `maxCost`. It runs on every request, also when Apollo reuses a cached parse.
 */
export function costLimitPlugin(options: CostOptions): ApolloServerPlugin {
  // The estimate depends only on the document, the operation and the variables, and Apollo hands
  // back the same parsed document for the same query text: a repeat skips the walk over it.
  const estimates = new WeakMap<DocumentNode, Map<string, number | undefined>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operation }) {
          if (!operation) return; // no operation to run: Apollo answers that itself
          const variables = request.variables ?? {};
          // First, because the estimate and its memo key walk the variables: an over-deep value
          // would overflow the stack there, an oversized one cost its size again.
          assertVariablesWithinLimits(variables, options);
          let known = estimates.get(document);
          if (!known) estimates.set(document, (known = new Map()));
          const key = createHash("sha256")
            .update(`${operation.name?.value ?? ""}\n${JSON.stringify(variables)}`)
            .digest("base64url");
          let cost = known.get(key);
          if (!known.has(key)) {
            // Variables that do not coerce are refused by execution with BAD_USER_INPUT before any
            // resolver runs; the estimate cannot be computed for them, so leave them to it.
            if (getVariableValues(schema, operation.variableDefinitions ?? [], variables).errors) return;
            cost = estimateCost(schema, document, operation.name?.value, variables, options.maxPageSize);
            if (known.size >= MAX_MEMO_ENTRIES) known.clear(); // bounded: a query sent with ever-new variables
            known.set(key, cost);
          }
          if (cost === undefined) {
            throw new OperationLimitError(
              "cost",
              options.maxCost,
              undefined,
              `The operation expands to more than ${MAX_ESTIMATED_SELECTIONS} selections through its fragments, so its estimated cost is over the limit of ${options.maxCost}. Spread fewer fragments.`,
            );
          }
          if (cost > options.maxCost) throw new OperationLimitError("cost", options.maxCost, cost);
        },
      };
    },
  };
}

// Private: the surcharge for `_entities` representations that name no entity (counted before any is resolved).
function invalidRepresentationsCost(
  field: { name: string; type: Parameters<typeof getNamedType>[0] },
  args: Record<string, unknown>,
): number {
  if (field.name !== "_entities" || !Array.isArray(args.representations)) return 0;
  const union = getNamedType(field.type);
  const entities = isUnionType(union) ? union.getTypes().map((t) => t.name) : [];
  let invalid = 0;
  for (const representation of args.representations) if (!namesAnEntity(representation, entities)) invalid++;
  return invalid * INVALID_REPRESENTATION_COST;
}

// Private: how many items a field's cost is multiplied by.
function listSize(
  parentType: string,
  field: { name: string; type: Parameters<typeof getNullableType>[0]; args: readonly { name: string }[] },
  args: Record<string, unknown>,
  maxPageSize: number,
): number {
  if (field.args.some((a) => a.name === "first")) {
    const first = typeof args.first === "number" ? args.first : DEFAULT_PAGE_SIZE;
    // Out-of-range sizes are refused by the resolver with a precise BAD_USER_INPUT error;
    // estimate them within range so that error, not a cost error, is what the client sees.
    return Math.min(Math.max(first, 1), maxPageSize);
  }
  if (field.name === "_entities") return Array.isArray(args.representations) ? args.representations.length : 1;
  if (!isListType(getNullableType(field.type))) return 1;
  if (parentType.endsWith("Connection") && (field.name === "edges" || field.name === "nodes")) return 1;
  return ASSUMED_LIST_SIZE;
}
