// Compiled operations: every query document Apollo Server has answered without errors is compiled
// once with graphql-jit (its public `compileQuery`), resolvers and JSON serializer both, and later
// requests for the same text run that compiled plan against the same schema's resolvers instead of
// Apollo's per-request pipeline. Apollo stays the judge of every document: nothing runs here that
// it has not parsed, validated and answered cleanly first, and whatever the compiled run cannot
// answer plainly (an error anywhere, variables that push the cost over the limit) is handed back
// to Apollo, so every error a client sees is Apollo's. BENCHMARKS.md has what this buys.
import type { ApolloServerPlugin } from "@apollo/server";
import { createHash } from "node:crypto";
import { Kind, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from "graphql";
import { compileQuery, isCompiledQuery, type CompiledQuery } from "graphql-jit";
import type { Context } from "./context.js";
import { costDependsOnVariables, estimateCost, type CostOptions } from "./cost.js";
import type { EntityCache } from "./entityCache.js";
import { assertVariablesWithinLimits } from "./variablesLimit.js";

/** Options of {@link CompiledOperations}; the interface is the documentation. */
export interface CompiledOperationsOptions extends CostOptions {
  /** The executable schema Apollo Server serves (its field resolvers are the ones run). */
  schema: GraphQLSchema;
  /** Most documents kept compiled; past it the oldest compiled goes first. @default 1000 */
  maxEntries?: number;
  /** Serialised entities of `_entities` operations, reused across requests (src/graphql/entityCache.ts). @default none */
  entityCache?: EntityCache;
}

/** One GraphQL request as the client sent it (GraphQL over HTTP's parameters). */
export interface OperationRequest {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

/** What a compiled run answers: the response body, and the operation it ran (for metrics and logs). */
export interface CompiledAnswer {
  /** The JSON body, byte for byte what Apollo Server sends for the same result. */
  body: string;
  /** The operation's name, null for an anonymous one. */
  operationName: string | null;
  /** True when the answer was joined from per-entity parts: storing it whole would only duplicate them. */
  fromEntityCache: boolean;
}

/** One compiled document. */
interface Entry {
  document: DocumentNode;
  operationName: string | null;
  compiled: CompiledQuery;
  /** Estimated costs by the variables' shape (see withinCost). */
  costs: Map<string, number>;
  /** False when no variable can change the estimate (cost.ts, costDependsOnVariables): one cost fits every run. */
  costReadsVariables: boolean;
  /** The estimate of a document whose cost reads no variable, once computed. */
  fixedCost?: number;
  /** Set when the operation is `_entities` alone: its answer can be cached entity by entity. */
  entities?: EntitiesField;
  /** Distinguishes this document's entities from another selection's in the entity cache. */
  id: number;
}

/** The one root field of an `_entities`-only operation. */
interface EntitiesField {
  /** Its key in the answer (`_entities`, or an alias). */
  responseKey: string;
  /** The variable the representations arrive in. */
  variable: string;
}

/**
 * Compiled plans of the query documents Apollo Server has answered without errors, keyed by the
 * document's text and the operation name the client asked for. {@link plugin} learns them;
 * {@link answer} runs them.
 */
export class CompiledOperations {
  private readonly entries = new Map<string, Entry>();
  private readonly maxEntries: number;
  private nextId = 0;
  /** Requests answered compiled, and requests handed back to Apollo (unknown documents, errors, cost). */
  readonly stats = { answered: 0, handedBack: 0 };

  constructor(private readonly options: CompiledOperationsOptions) {
    this.maxEntries = options.maxEntries ?? 1000;
  }

  /**
   * Given a request and the GraphQL context built for it, runs its compiled plan and returns the
   * answer, or undefined when Apollo Server must answer it: a document not yet answered cleanly,
   * variables that put its cost over the limit or do not coerce, or any error in the result.
   */
  async answer(request: OperationRequest, context: Context): Promise<CompiledAnswer | undefined> {
    const entry = this.entries.get(keyOf(request.query, request.operationName));
    if (!entry) return this.handBack();
    const variables = request.variables ?? {};
    // The variables' size and depth first, as Apollo's cost plugin checks them (the estimate walks them).
    try {
      assertVariablesWithinLimits(variables, this.options);
    } catch {
      return this.handBack();
    }
    if (!this.withinCost(entry, variables)) return this.handBack();
    const cache = this.options.entityCache;
    if (entry.entities && cache && Array.isArray(variables[entry.entities.variable])) {
      return this.answerEntities(entry, entry.entities, cache, variables, context);
    }
    const run = entry.compiled.query(undefined, context, variables);
    const result = isPromiseLike(run) ? await run : run;
    if (result.errors?.length) return this.handBack();
    this.stats.answered++;
    // Apollo Server ends every JSON answer with a newline; so does this, so the bytes are the same.
    return { body: `${entry.compiled.stringify(result)}\n`, operationName: entry.operationName, fromEntityCache: false };
  }

  /**
   * Returns the Apollo Server plugin that compiles each query document once it has been answered
   * without errors. Requests that capture a federated trace are not learned from (their answer
   * is built from Apollo's per-field hooks, which the compiled plan does not call).
   */
  plugin(): ApolloServerPlugin {
    return {
      requestDidStart: async () => ({
        willSendResponse: async ({ request, document, operation, response, metrics }) => {
          if (!request.query || !document || operation?.operation !== "query" || metrics.captureTraces) return;
          if (response.body.kind !== "single" || response.body.singleResult.errors?.length) return;
          this.learn(request.query, request.operationName, document, operation.name?.value ?? null);
        },
      }),
    };
  }

  /** How many documents are held compiled. */
  size(): number {
    return this.entries.size;
  }

  // Private: compiles a document Apollo answered cleanly, once per key.
  private learn(query: string, requestedName: string | undefined | null, document: DocumentNode, operationName: string | null): void {
    const key = keyOf(query, requestedName);
    if (this.entries.has(key)) return;
    const compiled = compileQuery(this.options.schema, document, operationName ?? undefined);
    if (!isCompiledQuery(compiled)) return; // graphql-jit cannot compile it: Apollo keeps answering it
    const operation = document.definitions.find(
      (d): d is OperationDefinitionNode =>
        d.kind === Kind.OPERATION_DEFINITION && (operationName === null || d.name?.value === operationName),
    );
    const entities = operation ? entitiesFieldOf(operation) : undefined;
    const costReadsVariables = costDependsOnVariables(document);
    this.entries.set(key, { document, operationName, compiled, costs: new Map(), costReadsVariables, entities, id: this.nextId++ });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  // Private: whether the operation's estimated cost with these variables is within the limit. The
  // limit (cost.ts) depends on the variables, so it is checked on every run as Apollo's plugin does;
  // the estimate reads a variable only as a page size or, for a list, its length (`_entities`), so it
  // is remembered per document under the variables with every list replaced by its length. A
  // document no variable of which reaches the estimate (most pages: `article(id: $id)`) has one
  // cost, computed once: no digest of the variables per run.
  private withinCost(entry: Entry, variables: Record<string, unknown>): boolean {
    if (!entry.costReadsVariables) {
      // The same estimate for any variables that coerce (others are not remembered, and fail the run itself).
      entry.fixedCost ??= this.estimate(entry, variables);
      return entry.fixedCost !== undefined && entry.fixedCost <= this.options.maxCost;
    }
    // A digest, not the text: a key holding large unused variables would hold their size per entry.
    const shape = JSON.stringify(variables, (_name, value: unknown) => (Array.isArray(value) ? value.length : value));
    const key = createHash("sha256").update(shape).digest("base64url");
    let cost = entry.costs.get(key);
    if (cost === undefined) {
      cost = this.estimate(entry, variables) ?? Infinity; // variables the estimate cannot read: Apollo refuses them with its own error
      if (entry.costs.size >= 1000) entry.costs.clear(); // bounded: a document sent with ever-new variables
      entry.costs.set(key, cost);
    }
    return cost <= this.options.maxCost;
  }

  // Private: the estimated cost of a run (Infinity past the estimate's selection bound), or
  // undefined when the estimate cannot read the variables.
  private estimate(entry: Entry, variables: Record<string, unknown>): number | undefined {
    try {
      return (
        estimateCost(this.options.schema, entry.document, entry.operationName ?? undefined, variables, this.options.maxPageSize) ?? Infinity
      );
    } catch {
      return undefined;
    }
  }

  // Private: answers an `_entities` operation from the entity cache, resolving only the entities it
  // lacks (in one compiled run, so still one batch per type) and storing them. The answer is the
  // same bytes as the whole run's: graphql-js and JSON.stringify serialise each list item alone.
  private async answerEntities(
    entry: Entry,
    field: EntitiesField,
    cache: EntityCache,
    variables: Record<string, unknown>,
    context: Context,
  ): Promise<CompiledAnswer | undefined> {
    const representations = variables[field.variable] as unknown[];
    const { [field.variable]: _, ...others } = variables;
    // The other variables can reach nested fields, so they are part of every entity's key.
    const prefix = `${entry.id}\n${JSON.stringify(others)}\n`;
    const keys = representations.map((representation) => prefix + JSON.stringify(representation));
    const version = context.store.version;
    const parts = cache.lookup(version, keys);
    const missing = parts.flatMap((part, index) => (part === undefined ? [index] : []));
    if (missing.length) {
      const run = entry.compiled.query(undefined, context, { ...others, [field.variable]: missing.map((index) => representations[index]) });
      const result = isPromiseLike(run) ? await run : run;
      const resolved = (result.data as Record<string, unknown[]> | null | undefined)?.[field.responseKey];
      if (result.errors?.length || !Array.isArray(resolved)) return this.handBack();
      missing.forEach((index, i) => {
        const json = JSON.stringify(resolved[i]);
        parts[index] = json;
        cache.store(version, keys[index]!, json);
      });
    }
    this.stats.answered++;
    return {
      body: `{"data":{${JSON.stringify(field.responseKey)}:[${parts.join(",")}]}}\n`,
      operationName: entry.operationName,
      fromEntityCache: true,
    };
  }

  // Private: counts a request Apollo must answer.
  private handBack(): undefined {
    this.stats.handedBack++;
    return undefined;
  }
}

// Private: the key of a document and the operation asked for in it.
function keyOf(query: string, operationName: string | undefined | null): string {
  return `${operationName ?? ""}\n${query}`;
}

// Private: whether a value is a promise (graphql-jit answers synchronously when no resolver awaited).
function isPromiseLike<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as { then?: unknown })?.then === "function";
}

// Private: the `_entities` field of an operation that selects it alone, with its representations in
// a variable and no directive; undefined for any other operation.
function entitiesFieldOf(operation: OperationDefinitionNode): EntitiesField | undefined {
  const [field, ...rest] = operation.selectionSet.selections;
  if (rest.length || field?.kind !== Kind.FIELD || field.name.value !== "_entities" || field.directives?.length) return undefined;
  const [argument, ...more] = field.arguments ?? [];
  if (more.length || argument?.name.value !== "representations" || argument.value.kind !== Kind.VARIABLE) return undefined;
  return { responseKey: field.alias?.value ?? field.name.value, variable: argument.value.name.value };
}
