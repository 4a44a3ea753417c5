// `npm run bench -- --postgres 1000,100000`: the PostgreSQL store against the memory store on
// generated corpora of each size. Imports each corpus with `npm run db:import` (timed), starts
// the service over each store (response cache off, so every request reaches the store), checks
// both answer the article-page and _entities workloads identically, then drives them in
// alternating autocannon rounds and reports p50/p99 and the PostgreSQL/memory ratios.
// With `--database-url URL` it measures a database imported beforehand instead (an hour's
// import at 1,000,000 articles is then paid once), its import time read from its `imports` log.
import { execFile } from "node:child_process";
import { mkdirSync, statSync } from "node:fs";
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { createDatabase, TemporaryCluster } from "../tools/cluster/TemporaryCluster.js";
import { startTarget, type RunningTarget } from "./target.js";
import { pickWorkloads } from "./workloads.js";
import { generatedCorpus, WORK_DIR } from "./workDir.js";

/** What {@link runPostgresBench} measures with. */
export interface PostgresBenchOptions {
  sizes: number[];
  /** Seconds per autocannon run. */
  duration: number;
  rounds: number;
  connections: number;
  /** An existing server to create the databases on (superuser URL); default: a throwaway cluster. */
  serverUrl?: string;
  /**
   * A database `npm run db:import` already filled, measured as it is (one size only, which must
   * be its article count): nothing is imported, the import time is the one its `imports` log
   * recorded. @default a fresh database per size, imported and timed by the benchmark
   */
  databaseUrl?: string;
  /** The corpus file of the (one) size: imported, or what the reused database holds. @default the generated corpus of each size in WORK_DIR */
  corpus?: string;
}

/** Figures for one corpus size. */
export interface PostgresBenchRow {
  articles: number;
  fileMB: number;
  importSeconds: number;
  /** Where importSeconds comes from: timed by this run, or read from a reused database's `imports` log. */
  importTimed: "this run" | "imports log";
  databaseMB: number;
  /** Per workload and store: median p50 and p99 in ms, and requests per second. */
  latency: Record<string, Record<"memory" | "postgres", { p50: number; p99: number; rps: number }>>;
}

const WORKLOADS = ["article-page", "entities"];
const CHILD_ENV = { NODE_ENV: "production", LOG_LEVEL: "warn", RESPONSE_CACHE: "off" };

/** Runs the comparison for every size and returns one row per size. */
export async function runPostgresBench(options: PostgresBenchOptions): Promise<PostgresBenchRow[]> {
  if ((options.databaseUrl || options.corpus) && options.sizes.length !== 1) {
    throw new Error("--database-url and --corpus name one corpus: give --postgres one size (its article count)");
  }
  mkdirSync(WORK_DIR, { recursive: true });
  // A durable server, as in production: fsync and full-page writes on, so import times are honest.
  const cluster =
    options.serverUrl || options.databaseUrl
      ? null
      : await TemporaryCluster.start({
          parentDir: WORK_DIR,
          settings: { fsync: "on", synchronous_commit: "on", full_page_writes: "on", shared_buffers: "1GB", max_wal_size: "8GB" },
        });
  const serverUrl = options.serverUrl ?? cluster?.url;
  const rows: PostgresBenchRow[] = [];
  try {
    for (const n of options.sizes) {
      const file = options.corpus ?? (await generatedCorpus(n));
      let database: string;
      let importSeconds: number;
      if (options.databaseUrl) {
        database = options.databaseUrl;
        const logged = await loggedImport(database, n);
        importSeconds = logged.seconds;
        console.log(
          `  postgres ${n}: reusing the database imported from ${logged.corpus} (${logged.startedAt} to ${logged.finishedAt}: ${importSeconds.toFixed(1)} s)`,
        );
        if (basename(logged.corpus) !== basename(file))
          console.warn(`  note: the memory store loads ${file}; the stores must still answer alike, which is checked below`);
      } else {
        database = await createDatabase(serverUrl!, `bench_${n}_${Date.now().toString(36)}`);
        const started = performance.now();
        await runScript("scripts/db-import.ts", ["--corpus", file, "--database-url", database, "--batch-size", "2000"]);
        importSeconds = (performance.now() - started) / 1000;
      }
      const databaseMB = await databaseSize(database);
      console.log(`  postgres ${n}: import ${importSeconds.toFixed(1)} s, ${databaseMB} MB`);

      const nodeFlags = n > 100_000 ? ["--max-old-space-size=15000"] : [];
      const targets: Record<"memory" | "postgres", RunningTarget> = {
        memory: await startTarget(
          { name: `memory-${n}`, script: "targets/service.ts", args: [file], env: CHILD_ENV, nodeFlags },
          1_800_000,
        ),
        postgres: await startTarget({
          name: `postgres-${n}`,
          script: "targets/service-postgres.ts",
          args: [],
          env: { ...CHILD_ENV, DATABASE_URL: database },
        }),
      };
      try {
        const workloads = (await pickWorkloads(file)).filter((w) => WORKLOADS.includes(w.name));
        for (const w of workloads) {
          const [a, b] = await Promise.all([post(targets.memory.url, w.body), post(targets.postgres.url, w.body)]);
          if (!isDeepStrictEqual(JSON.parse(a), JSON.parse(b)) || JSON.parse(a).errors) {
            throw new Error(`the stores answer ${w.name} differently:\n  memory: ${a.slice(0, 300)}\n  postgres: ${b.slice(0, 300)}`);
          }
          for (const t of Object.values(targets)) await drive(t.url, w.body, 1, options.connections);
        }
        const latency: PostgresBenchRow["latency"] = {};
        for (const w of workloads) {
          const samples: Record<"memory" | "postgres", { p50: number; p99: number; rps: number }[]> = { memory: [], postgres: [] };
          for (let round = 0; round < options.rounds; round++) {
            // Alternate which store goes first, so neither always runs on a warmer machine.
            const order = (round % 2 === 0 ? ["memory", "postgres"] : ["postgres", "memory"]) as ("memory" | "postgres")[];
            for (const store of order) samples[store].push(await drive(targets[store].url, w.body, options.duration, options.connections));
          }
          latency[w.name] = { memory: medians(samples.memory), postgres: medians(samples.postgres) };
          console.log(`  ${n} ${w.name}: ${JSON.stringify(latency[w.name])}`);
        }
        const importTimed = options.databaseUrl ? "imports log" : "this run";
        rows.push({ articles: n, fileMB: Math.round(statSync(file).size / 1e6), importSeconds, importTimed, databaseMB, latency });
      } finally {
        await Promise.all(Object.values(targets).map((t) => t.stop()));
      }
    }
  } finally {
    await cluster?.stop();
  }
  return rows;
}

/** Given the rows, returns the markdown table of BENCHMARKS.md's postgres block. */
export function postgresTable(rows: PostgresBenchRow[]): string {
  const head =
    "| articles | corpus file | `db:import` | database size | article page p50 / p99, memory | article page p50 / p99, PostgreSQL | p99 ratio | `_entities` ×100 p50 / p99, memory | `_entities` p50 / p99, PostgreSQL | p99 ratio |\n" +
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |";
  const cell = (x: { p50: number; p99: number } | undefined) => (x ? `${x.p50} / ${x.p99} ms` : "—");
  const ratio = (r: PostgresBenchRow, w: string) => {
    const l = r.latency[w];
    return l ? `${(l.postgres.p99 / Math.max(l.memory.p99, 1)).toFixed(1)}×` : "—";
  };
  const lines = rows.map(
    (r) =>
      `| ${r.articles.toLocaleString("en-US")} | ${r.fileMB} MB | ${r.importSeconds.toFixed(1)} s${r.importTimed === "imports log" ? " (its imports log)" : ""} | ${r.databaseMB} MB | ` +
      `${cell(r.latency["article-page"]?.memory)} | ${cell(r.latency["article-page"]?.postgres)} | ${ratio(r, "article-page")} | ` +
      `${cell(r.latency.entities?.memory)} | ${cell(r.latency.entities?.postgres)} | ${ratio(r, "entities")} |`,
  );
  return [head, ...lines].join("\n");
}

// Private: the logged import that filled a reused database (the first whose article count is
// the one the database holds, which must be n), with its duration; throws when there is none.
async function loggedImport(url: string, n: number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const held = await client.query<{ articles: string }>("SELECT articles FROM article_count").catch((error: Error) => {
      throw new Error(`${url} is not a database db:import filled (${error.message})`);
    });
    const articles = Number(held.rows[0]!.articles);
    if (articles !== n)
      throw new Error(`${url} holds ${articles} articles, not ${n}: give --postgres ${articles}, or import the ${n}-article corpus`);
    const { rows } = await client.query<{ corpus: string; started_at: Date; finished_at: Date; seconds: number }>(
      `SELECT corpus, started_at, finished_at, extract(epoch FROM finished_at - started_at)::float8 AS seconds
         FROM imports WHERE articles = $1 ORDER BY id LIMIT 1`,
      [articles],
    );
    const row = rows[0];
    if (!row) throw new Error(`${url} logs no import of its ${articles} articles, so its import time is unknown`);
    return { corpus: row.corpus, startedAt: row.started_at.toISOString(), finishedAt: row.finished_at.toISOString(), seconds: row.seconds };
  } finally {
    await client.end();
  }
}

// Private: runs a project script with tsx and rejects with its stderr when it fails.
function runScript(script: string, args: string[]): Promise<string> {
  const path = fileURLToPath(new URL(`../${script}`, import.meta.url));
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ["--import", "tsx", path, ...args], { maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${script} failed: ${stderr.slice(-2000) || error.message}`));
      else resolve(stdout);
    });
  });
}

// Private: the size of a database in MB.
async function databaseSize(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ bytes: string }>("SELECT pg_database_size(current_database()) AS bytes");
    return Math.round(Number(rows[0]!.bytes) / 1e6);
  } finally {
    await client.end();
  }
}

// Private: one POST; returns the body.
async function post(url: string, body: string): Promise<string> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
  return res.text();
}

// Private: one autocannon run; any error or non-2xx answer fails the benchmark.
async function drive(url: string, body: string, seconds: number, connections: number) {
  const result = await autocannon({
    url,
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
    connections,
    duration: seconds,
  });
  if (result.errors || result.timeouts || result.non2xx)
    throw new Error(`${url}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx`);
  return { p50: result.latency.p50, p99: result.latency.p99, rps: result.requests.average };
}

// Private: the per-field medians of a list of samples.
function medians(samples: { p50: number; p99: number; rps: number }[]) {
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  };
  return {
    p50: median(samples.map((s) => s.p50)),
    p99: median(samples.map((s) => s.p99)),
    rps: Math.round(median(samples.map((s) => s.rps))),
  };
}
