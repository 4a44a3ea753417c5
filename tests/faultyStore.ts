// A store with one broken lookup, failing as a lost file or database would: the way tests reach a
// fault of the service (INTERNAL_SERVER_ERROR), now that no request can cause one by itself.
import type { Store } from "../src/store/Store.js";

/** The message of the injected fault; it names an internal path, which production must not show. */
export const FAULT_MESSAGE = "ENOENT: no such file or directory, open '/work/data/tariffs.json'";

/**
 * Given a store and one of its lookups, returns a store that answers everything as `store` does
 * except `method`, which rejects with an Error of {@link FAULT_MESSAGE}.
 */
export function withFault(store: Store, method: keyof Store): Store {
  return new Proxy(store, {
    get(target, property) {
      if (property === method) return () => Promise.reject(new Error(FAULT_MESSAGE));
      const value: unknown = Reflect.get(target, property, target);
      // Bound to the real store, so its methods keep their own `this` (private fields included).
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
