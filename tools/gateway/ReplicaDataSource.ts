// How the gateway reaches one subgraph: plain Apollo HTTP, spread over the subgraph's replicas
// in turn (one URL is the common case; a launcher with replicas passes several), moving a
// request on to the next replica when one cannot be reached.
import { RemoteGraphQLDataSource, type GraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";

/** One request the gateway sends to a subgraph: the operation and its variables. */
export type SubgraphRequest = GraphQLDataSourceProcessOptions["request"];

/** Hears of every request the gateway sends to a subgraph (tests count `_entities` fetches). */
export type SubgraphRequestObserver = (subgraph: string, request: SubgraphRequest, url: string) => void;

/** A subgraph data source that sends each request to the next of its replica URLs, failing over. */
export class ReplicaDataSource implements GraphQLDataSource {
  private readonly replicas: { url: string; source: RemoteGraphQLDataSource; downUntil: number }[];
  private next = 0;

  /**
   * @param subgraph the subgraph's name in the supergraph
   * @param urls its replicas' GraphQL endpoints, at least one
   * @param observe hears of every request sent, with the URL it went to
   */
  constructor(
    private readonly subgraph: string,
    urls: readonly string[],
    private readonly observe?: SubgraphRequestObserver,
  ) {
    if (urls.length === 0) throw new Error(`Subgraph "${subgraph}" needs at least one URL.`);
    this.replicas = urls.map((url) => ({ url, source: new RemoteGraphQLDataSource({ url }), downUntil: 0 }));
  }

  /**
   * Sends the request to the next replica in turn. A replica that cannot be reached (connection
   * refused or reset, or it answered 502/503/504 while going away) is skipped for
   * {@link REPLICA_COOLDOWN_MS}, and the same request goes to the next one: a stopped replica
   * costs no failed query while another one is up. Only when every replica fails does it throw.
   */
  async process(options: GraphQLDataSourceProcessOptions) {
    const count = this.replicas.length;
    const start = this.next;
    this.next = (this.next + 1) % count;
    const now = Date.now();
    const order = Array.from({ length: count }, (_, i) => this.replicas[(start + i) % count]!);
    // Healthy replicas first, in turn; ones in cooldown only as a last resort.
    order.sort((x, y) => Number(x.downUntil > now) - Number(y.downUntil > now));
    let lastError: unknown;
    for (const replica of order) {
      this.observe?.(this.subgraph, options.request, replica.url);
      try {
        return await replica.source.process(options);
      } catch (error) {
        if (!isUnreachable(error)) throw error;
        replica.downUntil = Date.now() + REPLICA_COOLDOWN_MS;
        lastError = error;
      }
    }
    throw lastError;
  }
}

/** How long a replica that could not be reached is tried only after the others. */
export const REPLICA_COOLDOWN_MS = 5_000;

// Private: whether a subgraph request failed before any replica processed it, so sending it to
// another replica cannot run it twice: no connection, or a gateway-level refusal.
function isUnreachable(error: unknown): boolean {
  const e = error as { code?: string; errno?: string; cause?: { code?: string }; extensions?: { response?: { status?: number } } };
  const code = e.code ?? e.errno ?? e.cause?.code;
  if (code && ["ECONNREFUSED", "ECONNRESET", "EHOSTUNREACH", "ENETUNREACH", "EPIPE", "ETIMEDOUT", "ENOTFOUND"].includes(code)) return true;
  const status = e.extensions?.response?.status;
  return status === 502 || status === 503 || status === 504;
}
