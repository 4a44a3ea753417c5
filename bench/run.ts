// `npm run bench`: drives the service, the ceiling and the peers with autocannon over loopback on
// the same requests, in alternating rounds, after checking every peer answers exactly as the
// service does; prints a table, writes bench/results.json and the tables in BENCHMARKS.md.
//   npm run bench -- [--quick] [--corpus FILE] [--articles N] [--duration S] [--rounds R]
//                    [--connections C] [--targets a,b] [--scale 1000,100000,1000000] [--no-write]
//   npm run bench -- --postgres 1000,100000 [--postgres-server URL]   PostgreSQL vs memory store
//   npm run bench -- --postgres N --database-url URL [--corpus FILE]    the same over a database
//                    db:import filled beforehand (`npm run bench -- --help` says more)
import { mkdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual, parseArgs } from "node:util";
import {
  describeRun,
  markdownTables,
  runInfo,
  scaleTable,
  summarize,
  updateMarkdownBlock,
  type Sample,
  type ScaleRow,
  type Summary,
} from "./report.js";
import { postgresTable, runPostgresBench } from "./postgres.js";
import { drive, settle } from "./sample.js";
import { startTarget, type RunningTarget, type TargetSpec } from "./target.js";
import { pickWorkloads, type Workload } from "./workloads.js";
import type { RecordedAnswer } from "./targets/ceiling.js";
import type { LoadMeasurement } from "./load.js";
import { generatedCorpus, WORK_DIR } from "./workDir.js";

/** Every server the benchmark can drive; `--targets` picks some. The services come first. */
const TARGETS: { key: string; title: string; spec: (corpus: string, answers: string) => Omit<TargetSpec, "name"> }[] = [
  {
    key: "service",
    title: "service",
    spec: (corpus) => ({ script: "targets/service.ts", args: [corpus] }),
  },
  {
    key: "service-uncached",
    title: "service, response cache off",
    spec: (corpus) => ({ script: "targets/service.ts", args: [corpus], env: { RESPONSE_CACHE: "off" } }),
  },
  { key: "ceiling", title: "ceiling", spec: (_, answers) => ({ script: "targets/ceiling.ts", args: [answers] }) },
  { key: "apollo", title: "Apollo Server SDL-first", spec: (corpus) => ({ script: "peers/apollo.ts", args: [corpus] }) },
  { key: "mercurius", title: "Mercurius + graphql-jit", spec: (corpus) => ({ script: "peers/mercurius.ts", args: [corpus] }) },
  { key: "yoga", title: "graphql-yoga + graphql-jit", spec: (corpus) => ({ script: "peers/yoga.ts", args: [corpus] }) },
];
const SERVICES = ["service", "service-uncached"];
/** Every child runs as in production, logging only warnings (a per-request log line is the operator's choice). */
const CHILD_ENV = { NODE_ENV: "production", LOG_LEVEL: "warn" };
const RESULTS_FILE = new URL("results.json", import.meta.url);
const BENCHMARKS_FILE = new URL("../BENCHMARKS.md", import.meta.url);

const USAGE = `Usage: npm run bench -- [options]

Service, ceiling and peers over one corpus (default):
  --quick                one round of 2 s (default: 3 rounds of 8 s)
  --corpus FILE          the corpus (default: a generated one of --articles articles)
  --articles N           size of the generated corpus (default 1000)
  --duration S, --rounds R, --connections C
  --targets a,b          some of: ${TARGETS.map((t) => t.key).join(", ")}
  --scale 1000,100000    also load cost and p99 per corpus size
  --no-write             leave bench/results.json and BENCHMARKS.md alone

PostgreSQL store vs memory store (bench/postgres.ts):
  --postgres 1000,100000 generate each size, import it with db:import into a throwaway cluster
                         (timed), then drive both stores; writes BENCHMARKS.md's postgres block
  --postgres-server URL  create the databases on this server instead (superuser URL)
  --postgres N --database-url URL
                         measure a database db:import already filled with N articles (nothing is
                         imported; the import time is the one its imports log recorded) against the
                         memory store loading --corpus FILE (default: the generated corpus of N
                         articles, ${join(WORK_DIR, "corpus-N.json")}); writes the postgres-reused block
  --corpus FILE          with one --postgres size: the file to import, or that the database holds
`;

const { values: args } = parseArgs({
  options: {
    help: { type: "boolean", short: "h", default: false },
    quick: { type: "boolean", default: false },
    corpus: { type: "string" },
    articles: { type: "string", default: "1000" },
    duration: { type: "string" },
    rounds: { type: "string" },
    connections: { type: "string", default: "10" },
    targets: { type: "string" },
    scale: { type: "string" },
    "no-write": { type: "boolean", default: false },
    postgres: { type: "string" },
    "postgres-server": { type: "string" },
    "database-url": { type: "string" },
  },
});
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
if (args["database-url"] && !args.postgres) {
  console.error(`--database-url needs --postgres N (the number of articles the database holds)\n\n${USAGE}`);
  process.exit(2);
}
const duration = Number(args.duration ?? (args.quick ? 2 : 8));
const rounds = Number(args.rounds ?? (args.quick ? 1 : 3));
const connections = Number(args.connections);

// `--postgres 1000,100000`: only the store comparison (bench/postgres.ts), then stop.
if (args.postgres) {
  const reused = args["database-url"];
  const rows = await runPostgresBench({
    sizes: args.postgres.split(",").map(Number),
    duration,
    rounds,
    connections,
    serverUrl: args["postgres-server"],
    databaseUrl: reused,
    corpus: args.corpus,
  });
  const table = postgresTable(rows);
  console.log(`\n${table}\n`);
  if (!args["no-write"]) {
    const where = reused
      ? "PostgreSQL: a database imported beforehand with `npm run db:import`, its import time read from its imports log"
      : "PostgreSQL in a throwaway cluster (fsync on) on the same machine";
    const settings = `service with its response cache off over each store; ${where}; ${rounds} alternating round(s) of ${duration} s, ${connections} connections, medians`;
    // A reused database's row has its own block, so it never replaces the generated sizes' table.
    updateMarkdownBlock(
      BENCHMARKS_FILE.pathname,
      reused ? "postgres-reused" : "postgres",
      `${describeRun(runInfo(), settings)}\n\n${table}`,
    );
    console.log("wrote BENCHMARKS.md");
  }
  process.exit(0);
}
const chosen = args.targets ? args.targets.split(",") : TARGETS.map((t) => t.key);
const targets = TARGETS.filter((t) => chosen.includes(t.key));

mkdirSync(WORK_DIR, { recursive: true });
const info = runInfo();
const corpus = args.corpus ?? (await generatedCorpus(Number(args.articles)));
const workloads = await pickWorkloads(corpus);
console.log(`corpus ${corpus}; ${workloads.length} workloads; ${rounds} round(s) of ${duration} s, ${connections} connections`);

// 1. The service's answers: what every other target must match, and what the ceiling replays.
const answers = await serviceAnswers(corpus, workloads);
const answersFile = join(WORK_DIR, "answers.json");
writeFileSync(answersFile, JSON.stringify(workloads.map((w): RecordedAnswer => ({ request: w.body, response: answers.get(w.name)! }))));

// 2. Start every target, check its answers, warm it up.
const running = new Map<string, RunningTarget>();
try {
  for (const t of targets) {
    const target = await startTarget({ name: t.key, env: CHILD_ENV, ...t.spec(corpus, answersFile) });
    running.set(t.key, target);
    for (const w of workloadsOf(t.key)) {
      const got = await post(target.url, w.body);
      if (got.status !== 200 || !isDeepStrictEqual(JSON.parse(got.body), JSON.parse(answers.get(w.name)!))) {
        throw new Error(
          `${t.key} answers ${w.name} differently from the service:\n  service: ${answers.get(w.name)!.slice(0, 300)}\n  ${t.key}: ${got.body.slice(0, 300)}`,
        );
      }
    }
    for (const w of workloadsOf(t.key)) await drive(target, w.body, 1, connections, w.draw);
    await settle(target);
    console.log(`  ${t.key} ready (answers equal the service's on every workload)`);
  }

  // 3. Alternating rounds: each round visits every workload, and the targets in a rotated order.
  const samples: Record<string, Record<string, Sample[]>> = {};
  for (let round = 0; round < rounds; round++) {
    for (const w of workloads) {
      const order = rotate(targets, round + workloads.indexOf(w)).filter((t) => workloadsOf(t.key).includes(w));
      for (const t of order) {
        const sample = await drive(running.get(t.key)!, w.body, duration, connections, w.draw);
        ((samples[w.name] ??= {})[t.key] ??= []).push(sample);
        process.stdout.write(
          `  round ${round + 1}/${rounds} ${w.name.padEnd(14)} ${t.key.padEnd(17)} ${Math.round(sample.rps).toString().padStart(6)} req/s  p99 ${sample.p99} ms  ${sample.cpuUs} µs CPU/req\n`,
        );
      }
    }
  }
  const results: Record<string, Record<string, Summary>> = {};
  for (const [w, byTarget] of Object.entries(samples)) {
    for (const [t, list] of Object.entries(byTarget)) (results[w] ??= {})[t] = summarize(list);
  }
  for (const t of running.values()) await t.stop();
  running.clear();

  // 4. Corpus sizes: load cost, and p99 of the key lookups without the response cache.
  const scale = args.scale ? await measureScale(args.scale.split(",").map(Number)) : [];

  const sizes = workloads.map((w) => ({ name: w.name, title: w.title, bytes: Buffer.byteLength(answers.get(w.name)!) }));
  const tables = markdownTables(
    sizes,
    targets,
    results,
    SERVICES.filter((s) => chosen.includes(s)),
  );
  const settings = `corpus of ${Number(args.articles).toLocaleString("en-US")} generated articles unless --corpus; ${rounds} alternating round(s) of ${duration} s per target and workload, ${connections} connections, medians`;
  console.log(`\n${tables}\n`);
  if (scale.length) console.log(`${scaleTable(scale)}\n`);

  if (!args["no-write"]) {
    writeFileSync(
      RESULTS_FILE,
      `${JSON.stringify({ ...info, settings: { corpus, duration, rounds, connections }, workloads: sizes, results, scale }, null, 2)}\n`,
    );
    updateMarkdownBlock(BENCHMARKS_FILE.pathname, "throughput", `${describeRun(info, settings)}\n\n${tables}`);
    if (scale.length)
      updateMarkdownBlock(
        BENCHMARKS_FILE.pathname,
        "scale",
        `${describeRun(info, "service without its response cache")}\n\n${scaleTable(scale)}`,
      );
    console.log("wrote bench/results.json and BENCHMARKS.md");
  }
} finally {
  for (const t of running.values()) await t.stop();
}

// Private: the workloads a target can serve: the ceiling replays recorded answers, so not drawn ones.
function workloadsOf(target: string): Workload[] {
  return target === "ceiling" ? workloads.filter((w) => !w.draw) : workloads;
}

// Private: starts the service once and records its answer to every workload.
async function serviceAnswers(corpusFile: string, list: Workload[]): Promise<Map<string, string>> {
  const service = await startTarget({ name: "service", env: CHILD_ENV, ...TARGETS[0]!.spec(corpusFile, "") });
  try {
    const result = new Map<string, string>();
    for (const w of list) {
      const got = await post(service.url, w.body);
      const parsed = JSON.parse(got.body) as { errors?: unknown };
      if (got.status !== 200 || parsed.errors) throw new Error(`the service failed ${w.name}: ${got.status} ${got.body.slice(0, 500)}`);
      result.set(w.name, got.body);
    }
    return result;
  } finally {
    await service.stop();
  }
}

// Private: one POST, as the benchmark sends it.
async function post(url: string, body: string): Promise<{ status: number; body: string }> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
  return { status: res.status, body: await res.text() };
}

// Private: the list rotated left by n.
function rotate<T>(list: T[], n: number): T[] {
  const k = n % list.length;
  return [...list.slice(k), ...list.slice(0, k)];
}

// Private: for each corpus size, the load figures (in a fresh process) and the key lookups' p99.
async function measureScale(sizes: number[]): Promise<ScaleRow[]> {
  const rows: ScaleRow[] = [];
  for (const n of sizes) {
    const file = await generatedCorpus(n);
    const fileMB = Math.round(statSync(file).size / 1e6);
    // Big corpora need more heap than Node's default; the flag is what an operator would set.
    const nodeFlags = n > 100_000 ? ["--max-old-space-size=15000"] : [];
    try {
      const load = await measureLoad(file, nodeFlags);
      const service = await startTarget(
        { name: `service-${n}`, env: { ...CHILD_ENV, RESPONSE_CACHE: "off" }, nodeFlags, ...TARGETS[0]!.spec(file, "") },
        1_800_000,
      );
      const p99: Record<string, number> = {};
      try {
        const list = (await pickWorkloads(file)).filter((w) => w.name === "article-page" || w.name === "entities");
        for (const w of list) {
          await drive(service, w.body, 1, connections);
          await settle(service);
          p99[w.name] = (await drive(service, w.body, duration, connections)).p99;
        }
      } finally {
        await service.stop();
      }
      rows.push({
        articles: n,
        fileMB,
        loadSeconds: load.loadSeconds,
        indexSeconds: load.indexSeconds,
        cpuSeconds: load.cpuSeconds,
        peakRssMB: load.peakRssMB,
        p99,
      });
    } catch (error) {
      rows.push({
        articles: n,
        fileMB,
        loadSeconds: 0,
        indexSeconds: 0,
        cpuSeconds: 0,
        peakRssMB: 0,
        p99: {},
        failed: (error as Error).message.split("\n")[0]!,
      });
    }
    console.log(`  scale ${n}: ${JSON.stringify(rows.at(-1))}`);
  }
  return rows;
}

// Private: runs bench/load.ts on a corpus in a fresh process and returns what it measured.
async function measureLoad(file: string, nodeFlags: string[]): Promise<LoadMeasurement> {
  const { execFile } = await import("node:child_process");
  const script = new URL("load.ts", import.meta.url).pathname;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [...nodeFlags, "--import", "tsx", script, file], { maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`loading ${file} failed: ${stderr.split("\n").find((l) => l.trim()) ?? error.message}`));
      resolve(JSON.parse(stdout.trim().split("\n").at(-1)!) as LoadMeasurement);
    });
  });
}
