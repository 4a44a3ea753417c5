// `npm run bench:pair`: what one change buys, measured in paired rounds. Starts the service of two
// checkouts side by side (say, main before and after a change: `git worktree add /tmp/before
// <commit>` plus its node_modules), checks they answer every workload alike, then drives them in
// alternating order round after round and prints, per workload, the median CPU per request of each
// and their ratio. Both run at once on the same machine, so load from elsewhere falls on both.
//
//   npm run bench:pair -- --before DIR --after DIR [--workloads a,b] [--rounds 6] [--duration 3]
//                         [--articles 1000 | --corpus FILE] [--env K=V …] [--connections 10]
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { isDeepStrictEqual, parseArgs } from "node:util";
import { median } from "./report.js";
import { drive, settle } from "./sample.js";
import { startTarget, type RunningTarget } from "./target.js";
import { pickWorkloads } from "./workloads.js";
import { generatedCorpus } from "./workDir.js";

const USAGE = `usage: npm run bench:pair -- --before DIR --after DIR [--workloads a,b] [--rounds 6] [--duration 3]
                      [--articles 1000 | --corpus FILE] [--env K=V ...] [--connections 10]
Each DIR is a checkout of this project with its node_modules. --env is given to both services
(default RESPONSE_CACHE=off: the uncached path).`;

let args: ReturnType<typeof parse>;
try {
  args = parse();
} catch (error) {
  console.error(`npm run bench:pair: ${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (!args.before || !args.after) {
  console.error(`npm run bench:pair: --before and --after are required\n${USAGE}`);
  process.exit(2);
}

const rounds = Number(args.rounds);
const duration = Number(args.duration);
const connections = Number(args.connections);
const corpus = args.corpus ?? (await generatedCorpus(Number(args.articles)));
const env: Record<string, string> = {
  NODE_ENV: "production",
  LOG_LEVEL: "warn",
  RESPONSE_CACHE: "off",
  ...Object.fromEntries(args.env.map((pair) => pair.split(/=(.*)/s).slice(0, 2) as [string, string])),
};

let workloads = await pickWorkloads(corpus);
if (args.workloads) {
  const wanted = args.workloads.split(",");
  const unknown = wanted.filter((name) => !workloads.some((w) => w.name === name));
  if (unknown.length > 0) {
    console.error(`npm run bench:pair: no workload named ${unknown.join(", ")}; there are ${workloads.map((w) => w.name).join(", ")}`);
    process.exit(2);
  }
  workloads = workloads.filter((w) => wanted.includes(w.name));
}

const sides: { key: "before" | "after"; target: RunningTarget }[] = [];
try {
  for (const key of ["before", "after"] as const) {
    const dir = resolve(args[key]!);
    // The service script of that checkout, run with that checkout's TypeScript settings.
    const script = pathToFileURL(join(dir, "bench/targets/service.ts")).href;
    const target = await startTarget({ name: key, script, args: [corpus], env: { ...env, TSX_TSCONFIG_PATH: join(dir, "tsconfig.json") } });
    sides.push({ key, target });
  }
  // Same answers first: a change that answers differently is not measured, it is a bug.
  for (const w of workloads) {
    const [a, b] = await Promise.all(sides.map(({ target }) => post(target.url, w.body)));
    if (!isDeepStrictEqual(JSON.parse(a!), JSON.parse(b!))) throw new Error(`before and after answer ${w.name} differently`);
    for (const { target } of sides) await drive(target, w.body, 1, connections, w.draw);
  }
  for (const { target } of sides) await settle(target);

  const cpu: Record<string, { before: number[]; after: number[] }> = {};
  for (let round = 0; round < rounds; round++) {
    for (const w of workloads) {
      // Alternate who goes first, so warming and drift fall on both alike.
      const order = round % 2 === 0 ? sides : [...sides].reverse();
      for (const { key, target } of order) {
        const sample = await drive(target, w.body, duration, connections, w.draw);
        (cpu[w.name] ??= { before: [], after: [] })[key].push(sample.cpuUs);
        console.log(
          `round ${round + 1} ${w.name.padEnd(18)} ${key.padEnd(6)} ${Math.round(sample.rps)} req/s, ${sample.cpuUs} µs CPU/request`,
        );
      }
    }
  }
  console.log(`\n${rounds} alternating round(s) of ${duration} s, ${connections} connections; ${JSON.stringify(env)}`);
  console.log("| workload | before µs CPU/request | after µs CPU/request | after ÷ before |\n| --- | ---: | ---: | ---: |");
  for (const w of workloads) {
    const before = median(cpu[w.name]!.before);
    const after = median(cpu[w.name]!.after);
    console.log(`| ${w.name} | ${before} | ${after} | ${(after / before).toFixed(2)} |`);
  }
} finally {
  for (const { target } of sides) await target.stop();
}

// Private: the command line, strictly (an unknown option is an error).
function parse() {
  return parseArgs({
    options: {
      before: { type: "string" },
      after: { type: "string" },
      workloads: { type: "string" },
      rounds: { type: "string", default: "6" },
      duration: { type: "string", default: "3" },
      articles: { type: "string", default: "1000" },
      corpus: { type: "string" },
      connections: { type: "string", default: "10" },
      env: { type: "string", multiple: true, default: [] },
    },
    strict: true,
  }).values;
}

// Private: one POST, returning the answer's text.
async function post(url: string, body: string): Promise<string> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
  return res.text();
}
