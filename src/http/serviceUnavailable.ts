// HTTP 503 for an answer the database outage emptied. A query that could serve nothing because the
// database was unreachable (every error SERVICE_UNAVAILABLE-related, no data) is answered 503 with
// `Retry-After`, so balancers, gateways and clients retry instead of caching or showing an empty
// page; an answer that served some fields keeps 200 with its errors beside the data.
import type { ApolloServerPlugin } from "@apollo/server";

/** Seconds a client is asked to wait before retrying an answer refused for a database outage. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * Returns an Apollo plugin that sets HTTP 503 and `Retry-After` on an answer carrying a
 * SERVICE_UNAVAILABLE error and no data (`data` null, or every root field null).
 */
export function serviceUnavailablePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== "single") return;
          const { data, errors } = response.body.singleResult;
          if (!errors?.some((e) => e.extensions?.code === "SERVICE_UNAVAILABLE")) return;
          if (data && Object.values(data).some((value) => value !== null)) return;
          response.http.status = 503;
          response.http.headers.set("retry-after", String(RETRY_AFTER_SECONDS));
        },
      };
    },
  };
}
