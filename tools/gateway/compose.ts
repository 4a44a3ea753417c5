// Supergraph composition: subgraph SDLs in, the supergraph SDL out (the file Apollo Router and
// @apollo/gateway load), or composition's own errors. Wraps @apollo/composition.
import { composeServices } from "@apollo/composition";
import type { DocumentNode, GraphQLError } from "graphql";

/** One subgraph to compose: its name, the URL the supergraph routes to, and its SDL. */
export interface SubgraphDefinition {
  name: string;
  url: string;
  typeDefs: DocumentNode;
}

/** Composition refused the subgraphs; `errors` are composition's own, in its order. */
export class CompositionError extends Error {
  override readonly name = "CompositionError";

  constructor(readonly errors: readonly GraphQLError[]) {
    super(
      `Composition failed with ${errors.length} error${errors.length === 1 ? "" : "s"}:\n${errors.map(formatCompositionError).join("\n")}`,
    );
  }
}

/** What a successful composition gives. */
export interface Supergraph {
  supergraphSdl: string;
  /** Composition's hints (inconsistent descriptions and the like), one line each; not errors. */
  hints: string[];
}

/**
 * Given subgraphs, returns the supergraph SDL, or throws CompositionError. Subgraphs are composed
 * in name order, so the same subgraphs give the same file byte for byte.
 */
export function composeSupergraph(subgraphs: readonly SubgraphDefinition[]): Supergraph {
  const sorted = [...subgraphs].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const result = composeServices(sorted);
  if (result.errors) throw new CompositionError(result.errors);
  return { supergraphSdl: result.supergraphSdl, hints: result.hints.map((hint) => hint.toString()) };
}

/** Given one composition error, returns it as composition states it, with its code. */
export function formatCompositionError(error: GraphQLError): string {
  const code = error.extensions?.code;
  return `  ${code ? `[${String(code)}] ` : ""}${error.message}`;
}
