// scratch (not committed): profile one target on one workload
import autocannon from "autocannon";
import { startTarget } from "./target.js";
import { pickWorkloads } from "./workloads.js";
import { generatedCorpus } from "./workDir.js";
const [script, workloadName, seconds, envs, tag] = process.argv.slice(2);
const corpus = await generatedCorpus(1000);
const workloads = await pickWorkloads(corpus);
const w = workloads.find((x) => x.name === workloadName)!;
const env: Record<string, string> = { NODE_ENV: "production", LOG_LEVEL: "warn" };
for (const kv of (envs ?? "").split(",").filter(Boolean)) { const [k, v] = kv.split("="); env[k!] = v!; }
const t = await startTarget({ name: "p", script: script!, args: [corpus], env,
  nodeFlags: ["--cpu-prof", `--cpu-prof-dir=/tmp/perf-work/prof/${tag}`, "--import", "/tmp/perf-work/exit-on-term.mjs"] });
const opts = { url: t.url, method: "POST" as const, headers: { "content-type": "application/json" }, body: w.body, connections: 10, ...(w.draw ? { requests: [{ setupRequest: (r: any) => ({ ...r, body: w.draw!(Math.random) }) }] } : {}) };
await autocannon({ ...opts, duration: 2 });
const r = await autocannon({ ...opts, duration: Number(seconds) });
console.log(workloadName, r.requests.average, "req/s", r.non2xx, "non2xx");
await t.stop();
