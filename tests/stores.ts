// Which store a test server reads: the memory store, or, in the vitest "postgres" project, a
// PostgreSQL database filled from the same corpus by the real importer. Same tests, both stores.
import { inject } from "vitest";
import type { CorpusRecord } from "../src/corpus/format.js";
import { MemoryStore } from "../src/store/MemoryStore.js";
import type { Store } from "../src/store/Store.js";
import { postgresStoreOf } from "./postgres/databases.js";

/** The kinds of store the suite runs against. */
export type TestStoreKind = "memory" | "postgres";

declare module "vitest" {
  export interface ProvidedContext {
    /** Set per vitest project in vitest.config.ts; absent means "memory". */
    testStore: TestStoreKind;
  }
}

/** The store kind of the running vitest project. */
export function testStoreKind(): TestStoreKind {
  return inject("testStore") ?? "memory";
}

/** Given a validated corpus, returns a store over it of the running project's kind (closed after the file). */
export async function testStore(corpus: CorpusRecord): Promise<Store> {
  return testStoreKind() === "postgres" ? postgresStoreOf(corpus) : new MemoryStore(corpus);
}
