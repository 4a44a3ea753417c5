// How the gateway reaches one subgraph: plain Apollo HTTP, spread over the subgraph's replicas
// in turn (one URL is the common case; a launcher with replicas passes several).
import {
  RemoteGraphQLDataSource,
  type GraphQLDataSource,
  type GraphQLDataSourceProcessOptions,
} from "@apollo/gateway";

/** One request the gateway sends to a subgraph: the operation and its variables. */
export type SubgraphRequest = GraphQLDataSourceProcessOptions["request"];

/** Hears of every request the gateway sends to a subgraph (tests count `_entities` fetches). */
export type SubgraphRequestObserver = (subgraph: string, request: SubgraphRequest, url: string) => void;

/** A subgraph data source that sends each request to the next of its replica URLs. */
export class ReplicaDataSource implements GraphQLDataSource {
  private readonly replicas: { url: string; source: RemoteGraphQLDataSource }[];
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
    this.replicas = urls.map((url) => ({ url, source: new RemoteGraphQLDataSource({ url }) }));
  }

  process(options: GraphQLDataSourceProcessOptions) {
    const replica = this.replicas[this.next]!;
    this.next = (this.next + 1) % this.replicas.length;
    this.observe?.(this.subgraph, options.request, replica.url);
    return replica.source.process(options);
  }
}
