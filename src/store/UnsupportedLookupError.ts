// A store that does not offer a lookup of the contract yet says so with this error, rather than
// answering wrongly (an article filter it ignores would return every article).

/** Thrown by a store for a lookup it does not implement; the API reports it as NOT_IMPLEMENTED. */
export class UnsupportedLookupError extends Error {
  override readonly name = "UnsupportedLookupError";
  constructor(
    readonly store: string,
    readonly lookup: string,
  ) {
    super(`The ${store} store does not support ${lookup} yet; serve the corpus from the memory store for it.`);
  }
}
