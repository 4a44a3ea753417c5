// What every resolver receives: the request's loaders and the store snapshot it started on.
// A reload swaps the server's store, but a request keeps the one it was given.
import type { Loaders } from "./loaders.js";
import type { Store } from "../store/Store.js";

/** The GraphQL context of one request. */
export interface Context {
  /** The store snapshot this request reads, fixed for its whole life. */
  store: Store;
  /** Fresh per request, so caching never leaks between requests or across a reload. */
  loaders: Loaders;
  /** The largest `first` a list accepts; larger asks are refused, never clamped. */
  maxPageSize: number;
}
