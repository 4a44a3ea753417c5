// Where `npm run gateway` listens by default, and where it starts the subgraphs this repository
// runs (the routing URLs in supergraph.yaml say the same). A module of its own so that a command
// line can read its defaults before it loads anything heavy.

/** Where each subgraph listens under `npm run gateway`, and the gateway itself. */
export const DEV_PORTS = { gateway: 4000, news: 4001, reader: 4002 } as const;
