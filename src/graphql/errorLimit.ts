// A bound on the errors one answer carries. An operation can fail item by item (10,000 invalid
// `_entities` representations gave a 3 MB answer of errors); past the bound the rest are summed up
// in one last error that says how many were left out and of which codes, so the answer stays small.
import type { ApolloServerPlugin } from "@apollo/server";
import type { GraphQLFormattedError } from "graphql";

/**
 * Given the errors of one answer and the most it may carry, returns them unchanged when within the
 * bound, else the first `max - 1` and one `TOO_MANY_ERRORS` error counting the rest by code
 * (`extensions.omitted`, `extensions.codes`).
 */
export function boundErrors(errors: readonly GraphQLFormattedError[], max: number): readonly GraphQLFormattedError[] {
  if (errors.length <= max) return errors;
  const kept = errors.slice(0, Math.max(0, max - 1));
  const rest = errors.slice(kept.length);
  const codes: Record<string, number> = {};
  for (const error of rest) {
    const code = String(error.extensions?.code ?? "INTERNAL_SERVER_ERROR");
    codes[code] = (codes[code] ?? 0) + 1;
  }
  const summary = Object.entries(codes)
    .map(([code, n]) => `${n} ${code}`)
    .join(", ");
  return [
    ...kept,
    {
      message: `${rest.length} more errors were left out of this answer, which carries at most ${max} (${summary}). Fix the ones shown and send it again.`,
      extensions: { code: "TOO_MANY_ERRORS", omitted: rest.length, codes },
    },
  ];
}

/** Returns an Apollo plugin that bounds every answer's errors to `maxErrors` ({@link boundErrors}). */
export function errorLimitPlugin(maxErrors: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== "single") return;
          const result = response.body.singleResult;
          if (result.errors && result.errors.length > maxErrors) result.errors = boundErrors(result.errors, maxErrors);
        },
      };
    },
  };
}
