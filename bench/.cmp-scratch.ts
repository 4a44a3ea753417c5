// scratch (not committed): CPU/request of targets on one body, alternating rounds
import { readFileSync } from "node:fs";
import autocannon from "autocannon";
import { startTarget, type RunningTarget } from "./target.js";
import { pickWorkloads } from "./workloads.js";
import { generatedCorpus } from "./workDir.js";
const [targetsArg, bodyArg, seconds, rounds] = process.argv.slice(2);
const corpus = await generatedCorpus(1000);
const workloads = await pickWorkloads(corpus);
const body = workloads.find((w) => w.name === bodyArg)?.body ?? bodyArg!;
const cpu = (pid: number) => { const s = readFileSync(`/proc/${pid}/stat`, "utf8"); const f = s.slice(s.lastIndexOf(")") + 2).split(" "); return (Number(f[11]) + Number(f[12])) / 100; };
const ts: RunningTarget[] = [];
for (const spec of targetsArg!.split(",")) {
  const [script, envs] = spec.split("@");
  const env: Record<string, string> = { NODE_ENV: "production", LOG_LEVEL: "warn" };
  for (const kv of (envs ?? "").split("+").filter(Boolean)) { const [k, v] = kv.split("="); env[k!] = v!; }
  ts.push(await startTarget({ name: spec, script: script!, args: [corpus], env }));
}
const opts = (t: RunningTarget, d: number) => ({ url: t.url, method: "POST" as const, headers: { "content-type": "application/json" }, body, connections: 10, duration: d });
for (const t of ts) { const r = await autocannon(opts(t, 2)); if (r.non2xx) console.log(t.name, "non2xx", r.non2xx); }
const res: Record<string, number[]> = {};
for (let i = 0; i < Number(rounds ?? 3); i++) for (const t of (i % 2 ? [...ts].reverse() : ts)) {
  const b = cpu(t.pid); const r = await autocannon(opts(t, Number(seconds ?? 3))); const us = Math.round(((cpu(t.pid) - b) * 1e6) / r.requests.total);
  (res[t.name] ??= []).push(us);
}
for (const [k, v] of Object.entries(res)) console.log(k.padEnd(50), v.join(" "), "median", [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]);
for (const t of ts) await t.stop();
