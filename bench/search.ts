// `npm run bench:search`: does search stay fast as the corpus grows? For each size, generates a
// corpus, builds the search index, times the search engine in process (median and p95 over a
// set of reader-like queries) and the whole service over HTTP with autocannon, and prints a table.
// With `--store postgres` the same queries go to the PostgreSQL store instead: each corpus is
// imported (timed) into a fresh database on a throwaway cluster, or on `--server-url`'s server;
// `--database-url` measures a database `npm run db:import` already filled (the 1,000,000-article
// one takes an hour to import), its queries chosen from its own entities the same way.
//   npm run bench:search -- [--sizes 1000,10000,50000] [--duration S] [--connections C]
//                           [--store memory|postgres] [--server-url postgres://…] [--database-url postgres://…]
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { generateCorpus } from "../tools/generate/generate.js";
import type { CorpusRecord } from "../src/corpus/format.js";
import { startServer } from "../src/server.js";
import { MemoryStore } from "../src/store/MemoryStore.js";
import { corpusItems, importCorpus } from "../tools/import/importCorpus.js";
import { PostgresStore } from "../src/store/postgres/PostgresStore.js";
import { createDatabase, TemporaryCluster } from "../tools/cluster/TemporaryCluster.js";
import type { Store } from "../src/store/Store.js";
import pg from "pg";

const { values: args } = parseArgs({
  options: {
    sizes: { type: "string", default: "1000,10000,50000" },
    duration: { type: "string", default: "5" },
    connections: { type: "string", default: "10" },
    seed: { type: "string", default: "7" },
    store: { type: "string", default: "memory" },
    "server-url": { type: "string" },
    "database-url": { type: "string" },
  },
});
if (args.store !== "memory" && args.store !== "postgres") throw new Error(`--store must be memory or postgres, got ${args.store}`);

/** What one corpus size measured. */
interface Row {
  articles: number;
  /** Seconds to build the search index (tokenising every headline and body); PostgreSQL: the whole import. */
  indexSeconds: number;
  /** MB of typed arrays (postings) after the build; PostgreSQL: the text index and vocabulary on disk. */
  indexMB: number;
  /** The search engine alone, over every query of the set, repeated. */
  inProcessP50: number;
  inProcessP95: number;
  /** `search(query:, first: 10)` over HTTP, queries taken in turn. */
  httpP50: number;
  httpP99: number;
  requestsPerSecond: number;
  /** How many distinct queries were sent. */
  queries: number;
}

/**
 * Given a corpus's entities (in corpus order), returns the queries a reader types, chosen the same
 * way at every size: surnames, "tariffs on <product>", "<A> <B> trade deal", a prefix, a typo, a
 * common word.
 */
function readerQueries(corpus: Pick<CorpusRecord, "people" | "tariffs" | "countries" | "agreements">): string[] {
  const queries: string[] = [];
  for (const p of corpus.people.slice(0, 8)) queries.push(p.aliases[0] ?? p.name);
  for (const product of [...new Set(corpus.tariffs.map((t) => t.product))].slice(0, 8)) queries.push(`tariffs on ${product}`);
  const names = new Map(corpus.countries.map((c) => [c.code, c.name]));
  for (const a of corpus.agreements.slice(0, 8)) queries.push(`${names.get(a.parties[0]!)} ${names.get(a.parties[1]!)} trade deal`);
  for (const p of corpus.people.slice(8, 12)) queries.push(p.name.split(" ").at(-1)!.slice(0, 4));
  for (const p of corpus.people.slice(12, 16)) queries.push(p.name.replace(/(\w)(\w)(\w*)$/, "$2$1$3"));
  queries.push("semiconductors exports", "United States", "steel", "wine tariff", "Washington");
  return queries;
}

// Private: the value at quantile q of a sorted list.
function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** Given a corpus, returns a memory store with its search index built, and what the build took. */
async function memoryStore(corpus: CorpusRecord): Promise<{ store: Store; indexSeconds: number; indexMB: number; close(): Promise<void> }> {
  const store = new MemoryStore(corpus);
  const before = process.memoryUsage().arrayBuffers;
  const started = performance.now();
  await store.prepareSearch();
  const indexSeconds = (performance.now() - started) / 1000;
  return { store, indexSeconds, indexMB: (process.memoryUsage().arrayBuffers - before) / 2 ** 20, close: async () => undefined };
}

/** Given a corpus and a server, imports it into a fresh database and returns a store over it, and what the import took. */
async function postgresStore(
  corpus: CorpusRecord,
  serverUrl: string,
): Promise<{ store: Store; indexSeconds: number; indexMB: number; close(): Promise<void> }> {
  const url = await createDatabase(serverUrl, `bench_search_${corpus.articles.length}_${Date.now().toString(36)}`);
  const pool = new pg.Pool({ connectionString: url });
  const started = performance.now();
  let indexMB: number;
  try {
    await importCorpus(pool, corpusItems(corpus), { batchSize: 2000 });
    await pool.query("VACUUM ANALYZE");
    const size = await pool.query<{ bytes: string }>(
      "SELECT (pg_relation_size('articles_search') + pg_total_relation_size('search_terms'))::text AS bytes",
    );
    indexMB = Number(size.rows[0]!.bytes) / 2 ** 20;
  } finally {
    await pool.end();
  }
  const indexSeconds = (performance.now() - started) / 1000;
  const store = await PostgresStore.open({ primary: url });
  return { store, indexSeconds, indexMB, close: () => store.close() };
}

/** A store to measure, the queries to send it, and what building its index took. */
interface Subject {
  articles: number;
  store: Store;
  queries: string[];
  indexSeconds: number;
  indexMB: number;
  close(): Promise<void>;
}

/** Given a size, generates a corpus of it and returns the store to measure over it. */
async function generatedSubject(articles: number, serverUrl: string | null): Promise<Subject> {
  const corpus = generateCorpus({ articles, seed: Number(args.seed) });
  const built = serverUrl ? await postgresStore(corpus, serverUrl) : await memoryStore(corpus);
  return { articles, queries: readerQueries(corpus), ...built };
}

/**
 * Given a database `npm run db:import` filled, returns the PostgreSQL store over it; the import
 * time is the one its `imports` log holds (the latest import), the queries come from its entities.
 */
async function importedSubject(url: string): Promise<Subject> {
  const pool = new pg.Pool({ connectionString: url });
  try {
    const { rows } = await pool.query<
      { articles: string; seconds: number; bytes: string } & Record<"people" | "tariffs" | "countries" | "agreements", never[]>
    >(
      `SELECT (SELECT articles FROM article_count)::text AS articles,
              (SELECT extract(epoch FROM finished_at - started_at)::float8 FROM imports ORDER BY id DESC LIMIT 1) AS seconds,
              (pg_relation_size('articles_search') + pg_total_relation_size('search_terms'))::text AS bytes,
              (SELECT json_agg(record ORDER BY ord, id) FROM (SELECT * FROM people ORDER BY ord, id LIMIT 16) x) AS people,
              (SELECT json_agg(record ORDER BY ord, id) FROM (SELECT * FROM tariffs ORDER BY ord, id LIMIT 200) x) AS tariffs,
              (SELECT json_agg(record ORDER BY ord, id) FROM (SELECT * FROM agreements ORDER BY ord, id LIMIT 8) x) AS agreements,
              (SELECT json_agg(record ORDER BY ord, code) FROM countries) AS countries`,
    );
    const r = rows[0]!;
    const store = await PostgresStore.open({ primary: url });
    return {
      articles: Number(r.articles),
      store,
      queries: readerQueries(r),
      indexSeconds: r.seconds ?? NaN,
      indexMB: Number(r.bytes) / 2 ** 20,
      close: () => store.close(),
    };
  } finally {
    await pool.end();
  }
}

async function measure(subject: Subject): Promise<Row> {
  const { articles, store, queries, indexSeconds, indexMB, close } = subject;
  let started: number;

  for (const query of queries) await store.search({ query, first: 10 }); // warm the JIT
  const times: number[] = [];
  for (let round = 0; round < 20; round++) {
    for (const query of queries) {
      started = performance.now();
      await store.search({ query, first: 10 });
      times.push(performance.now() - started);
    }
  }
  times.sort((x, y) => x - y);

  const server = await startServer({
    store,
    // The response cache off: the reader queries repeat, and a cached answer would time the cache, not search.
    config: { port: 0, host: "127.0.0.1", production: true, maxPageSize: 100, maxBodyBytes: 1 << 20, responseCache: false },
  });
  const query =
    "query Search($q: String!) { search(query: $q, first: 10) { score highlights { field text start end } entity { __typename ... on Article { id headline } ... on Person { id name } ... on Country { code name } ... on Agreement { id name } ... on Tariff { id product } } } }";
  // `requests` (sent in turn on each connection) is autocannon's, missing from bench/autocannon.d.ts.
  const options = {
    url: server.url,
    connections: Number(args.connections),
    duration: Number(args.duration),
    requests: queries.map((q) => ({
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query, variables: { q } }),
    })),
  };
  // A first, unmeasured round warms the HTTP path and the JIT, so the first size is not penalised.
  await autocannon({ ...options, duration: 2 } as Parameters<typeof autocannon>[0]);
  const result = await autocannon(options as Parameters<typeof autocannon>[0]);
  await server.stop();
  await close();
  if (result.errors || result.non2xx || result.timeouts)
    throw new Error(`HTTP run failed: ${result.errors} errors, ${result.non2xx} non-2xx, ${result.timeouts} timeouts`);
  return {
    articles,
    indexSeconds,
    indexMB,
    inProcessP50: quantile(times, 0.5),
    inProcessP95: quantile(times, 0.95),
    httpP50: result.latency.p50,
    httpP99: result.latency.p99,
    requestsPerSecond: result.requests.average,
    queries: queries.length,
  };
}

const rows: Row[] = [];
if (args["database-url"]) {
  if (args.store !== "postgres") throw new Error("--database-url measures the PostgreSQL store: add --store postgres");
  rows.push(await measure(await importedSubject(args["database-url"])));
} else {
  const cluster =
    args.store === "postgres" && !args["server-url"] ? await TemporaryCluster.start({ settings: { shared_buffers: "1GB" } }) : null;
  try {
    const serverUrl = args.store === "postgres" ? (args["server-url"] ?? cluster!.url) : null;
    for (const size of args.sizes.split(",").map(Number)) {
      rows.push(await measure(await generatedSubject(size, serverUrl)));
      console.error(`measured ${size} articles`);
    }
  } finally {
    await cluster?.stop();
  }
}
const fixed = (x: number, digits: number) => x.toFixed(digits);
console.log(
  `\n${args.store} store: search latency by corpus size (${rows[0]?.queries} reader queries, first: 10; HTTP: ${args.connections} connections, ${args.duration} s)\n`,
);
console.log("| articles | index build s | index MB | search p50 ms | search p95 ms | HTTP p50 ms | HTTP p99 ms | HTTP req/s |");
console.log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const r of rows) {
  console.log(
    `| ${r.articles} | ${fixed(r.indexSeconds, 1)} | ${fixed(r.indexMB, 0)} | ${fixed(r.inProcessP50, 2)} | ${fixed(r.inProcessP95, 2)} | ${fixed(r.httpP50, 0)} | ${fixed(r.httpP99, 0)} | ${fixed(r.requestsPerSecond, 0)} |`,
  );
}
