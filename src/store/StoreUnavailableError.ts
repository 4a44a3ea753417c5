// The store could not answer in time: its database was unreachable, refused the connection, or did
// not reply within the configured timeouts. The data layer says only that; the GraphQL layer
// answers it as SERVICE_UNAVAILABLE (and HTTP 503 when nothing could be served).

/** Why the store could not answer. */
export type UnavailableReason = "unreachable" | "timeout";

/** Thrown by a store read that no database server could answer in time. */
export class StoreUnavailableError extends Error {
  constructor(
    readonly reason: UnavailableReason,
    options?: { cause?: unknown },
  ) {
    super(
      reason === "timeout" ? "The database did not answer in time; retry shortly." : "The database cannot be reached; retry shortly.",
      options,
    );
    this.name = "StoreUnavailableError";
  }
}

/** Given any error, returns the StoreUnavailableError it is or wraps (through `originalError`/`cause`), or undefined. */
export function storeUnavailableErrorOf(error: unknown): StoreUnavailableError | undefined {
  let e: unknown = error;
  for (let hops = 0; e instanceof Error && hops < 5; hops++) {
    if (e instanceof StoreUnavailableError) return e;
    e = (e as { originalError?: unknown }).originalError ?? e.cause;
  }
  return undefined;
}
