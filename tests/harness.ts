// Test harness: starts the real service on port 0 over a given corpus and speaks GraphQL
// to it over HTTP, the way a client does. Records every DataLoader batch for batching tests.
import { onCleanup } from "./cleanup.js";
import type { CorpusRecord } from "../src/corpus/format.js";
import { loadCorpusFile } from "../src/corpus/load.js";
import type { LoaderName } from "../src/graphql/loaders.js";
import { startServer, type RunningServer, type ServerOptions } from "../src/server.js";
import { testStore } from "./stores.js";

/** A GraphQL answer as a client sees it. */
export interface GraphQLAnswer<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

/** A started server plus what tests need to talk to it. */
export interface TestServer {
  url: string;
  server: RunningServer;
  /** Every loader batch since the last {@link TestServer.resetBatches}, in dispatch order. */
  batches: { loader: LoaderName; size: number }[];
  resetBatches(): void;
  /** POSTs one operation and returns the parsed answer. */
  query<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLAnswer<T>>;
}

/**
 * The hand-made annotation of the seed article alone. The default corpus (data/corpus.json) is
 * this plus later articles ingested into it; tests that compare against the hand annotation read this.
 */
export const SEED_CORPUS_PATH = "data/seed.json";

/** The hand-made seed corpus, loaded and validated as the service loads it. */
export function seedCorpus(): Promise<CorpusRecord> {
  return loadCorpusFile(SEED_CORPUS_PATH);
}

/**
 * Starts the service over `corpus` (the seed corpus by default) on a free port and stops it
 * after the test file. Options override config defaults.
 */
export async function startTestServer(corpus?: CorpusRecord, config: Partial<ServerOptions["config"]> = {}): Promise<TestServer> {
  const batches: TestServer["batches"] = [];
  const server = await startServer({
    // The memory store, or PostgreSQL in the "postgres" vitest project (tests/stores.ts).
    store: await testStore(corpus ?? (await seedCorpus())),
    config: { port: 0, host: "127.0.0.1", production: false, maxPageSize: 100, maxBodyBytes: 1024 * 1024, ...config },
    onBatch: (loader, size) => batches.push({ loader, size }),
  });
  // Registered through onCleanup: vitest 4 drops an afterAll called from inside beforeAll.
  onCleanup(() => server.stop());
  return {
    url: server.url,
    server,
    batches,
    resetBatches: () => void batches.splice(0),
    async query(query, variables) {
      const res = await fetch(server.url, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, ...((await res.json()) as object) };
    },
  };
}
