// Subscriptions: the service has none (it serves a corpus that changes only by reload), so a
// subscription operation is the client's mistake. graphql-js would fail it during execution as a
// server fault (INTERNAL_SERVER_ERROR); this refuses it before execution as a bad request.
import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError } from "graphql";

/** The message a subscription operation is refused with. */
export const NO_SUBSCRIPTIONS_MESSAGE =
  "This service has no subscriptions: it serves queries only (over GET or POST). Poll with a query instead, or reload when the corpus version changes.";

/** Returns an Apollo plugin that refuses subscription operations with BAD_REQUEST (HTTP 400). */
export function noSubscriptionsPlugin(): ApolloServerPlugin {
  return {
    requestDidStart: async () => ({
      didResolveOperation: async ({ operation }) => {
        if (operation?.operation !== "subscription") return;
        throw new GraphQLError(NO_SUBSCRIPTIONS_MESSAGE, {
          extensions: { code: "BAD_REQUEST", http: { status: 400 } },
        });
      },
    }),
  };
}
