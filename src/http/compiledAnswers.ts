// Answers GraphQL requests from compiled plans (src/graphql/compiledOperations.ts) before Apollo
// Server sees them: reads the GraphQL-over-HTTP parameters of a GET or JSON POST, picks the
// response type as Apollo would, and runs the plan. Anything it does not plainly handle (an unknown
// document, persisted-query extensions, a trace request, an error) is left to Apollo, which answers
// exactly as it would without this file.
import type { IncomingMessage } from "node:http";
import Negotiator from "negotiator";
import type { CompiledOperations, OperationRequest } from "../graphql/compiledOperations.js";
import type { Context } from "../graphql/context.js";

/** What {@link createCompiledAnswers} needs. */
export interface CompiledAnswersOptions {
  operations: CompiledOperations;
  /** Builds the GraphQL context for one request, as for Apollo. */
  context: (req: IncomingMessage) => Promise<Context>;
  /** Hears of every request answered here, with its operation name and the seconds it took (metrics, logs). */
  onAnswer?: (req: IncomingMessage, context: object, operationName: string | null, seconds: number) => void;
}

/** An answer ready to write. */
export interface CompiledHttpAnswer {
  contentType: string;
  body: string;
  /** True when joined from cached entities: the whole-response cache need not hold it too. */
  fromEntityCache: boolean;
}

/** A GraphQL request as the HTTP handler has read it. */
export interface GraphQLHttpRequest {
  method: string;
  /** The URL's query string, `?` included (GET parameters). */
  search: string;
  /** The POST body as text; undefined for GET. */
  body: string | undefined;
}

/** The JSON media types Apollo Server answers a single result with, in its order of preference. */
const JSON_TYPES = ["application/json; charset=utf-8", "application/graphql-response+json; charset=utf-8"];

/**
 * Returns a function that answers a request from its compiled plan, or resolves undefined when
 * Apollo Server must answer it.
 */
export function createCompiledAnswers(options: CompiledAnswersOptions) {
  // Accept headers repeat (a router or a browser sends the same one each time): negotiate each once.
  const negotiated = new Map<string, string | undefined>();
  const contentTypeFor = (accept: string | undefined): string | undefined => {
    if (!accept) return JSON_TYPES[0];
    if (!negotiated.has(accept)) {
      if (negotiated.size >= 100) negotiated.clear();
      // Apollo also offers its JSONP-like callback type; a client preferring that is left to Apollo.
      const preferred = new Negotiator({ headers: { accept } }).mediaType([...JSON_TYPES, "application/json; callback"]);
      negotiated.set(accept, JSON_TYPES.includes(preferred ?? "") ? preferred : undefined);
    }
    return negotiated.get(accept);
  };

  return async (request: GraphQLHttpRequest, req: IncomingMessage): Promise<CompiledHttpAnswer | undefined> => {
    // A trace is timing data Apollo's inline-trace plugin builds field by field.
    if (req.headers["apollo-federation-include-trace"] !== undefined) return undefined;
    const contentType = contentTypeFor(req.headers.accept);
    if (contentType === undefined) return undefined;
    const operation = request.method === "POST" ? fromBody(request.body) : request.method === "GET" ? fromSearch(request.search) : undefined;
    if (!operation) return undefined;
    const started = performance.now();
    const context = await options.context(req);
    const answer = await options.operations.answer(operation, context);
    if (!answer) return undefined;
    options.onAnswer?.(req, context, answer.operationName, (performance.now() - started) / 1000);
    return { contentType, body: answer.body, fromEntityCache: answer.fromEntityCache };
  };
}

// Private: the operation of a JSON POST body, or undefined when it is not one this path runs.
function fromBody(text: string | undefined): OperationRequest | undefined {
  if (!text) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined; // the handler answers the parse error
  }
  return operationOf(body as Record<string, unknown>);
}

// Private: the operation of GET parameters, or undefined when they are not one this path runs.
function fromSearch(search: string): OperationRequest | undefined {
  const params = new URLSearchParams(search);
  const variables = params.get("variables");
  let parsed: unknown;
  try {
    parsed = variables === null ? undefined : JSON.parse(variables);
  } catch {
    return undefined;
  }
  return operationOf({ query: params.get("query"), operationName: params.get("operationName") ?? undefined, variables: parsed, extensions: params.get("extensions") ?? undefined });
}

// Private: checks the parameters' shapes; extensions (persisted queries and the like) are Apollo's to read.
function operationOf(body: Record<string, unknown> | null): OperationRequest | undefined {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return undefined;
  const { query, operationName, variables, extensions } = body;
  if (typeof query !== "string" || extensions !== undefined) return undefined;
  if (operationName !== undefined && operationName !== null && typeof operationName !== "string") return undefined;
  if (variables !== undefined && variables !== null && (typeof variables !== "object" || Array.isArray(variables))) return undefined;
  return { query, operationName, variables: variables as Record<string, unknown> | null | undefined };
}
