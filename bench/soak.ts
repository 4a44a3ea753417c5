// `npm run soak`: a short soak of the real process under distinct requests, reporting its resident
// memory over time. Every request is new to the service (a unique unused variable padded to
// --pad-kb), so each one misses every cache and leaves whatever the service keeps per request:
// memory that is bounded by bytes plateaus, memory that is not grows with the request count.
//   npm run soak -- [--seconds 60] [--clients 8] [--pad-kb 200] [--sample-seconds 5] [--response-cache-mb 64]
// Outside `npm test`: it takes minutes and its figures are measurements, not assertions.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "60" },
    clients: { type: "string", default: "8" },
    "pad-kb": { type: "string", default: "200" },
    "sample-seconds": { type: "string", default: "5" },
    "response-cache-mb": { type: "string", default: "64" },
    help: { type: "boolean", default: false },
  },
});
if (values.help) {
  console.log("npm run soak -- [--seconds 60] [--clients 8] [--pad-kb 200] [--sample-seconds 5] [--response-cache-mb 64]");
  process.exit(0);
}
const seconds = positive("seconds");
const clients = positive("clients");
const padBytes = positive("pad-kb") * 1024;
const sampleMs = positive("sample-seconds") * 1000;

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const server = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
  cwd: ROOT,
  env: {
    ...process.env,
    PORT: "0",
    HOST: "127.0.0.1",
    NODE_ENV: "production",
    LOG_LEVEL: "info",
    RESPONSE_CACHE_MB: values["response-cache-mb"],
    // The soak is about memory, not the variables limit: let the padded variables through.
    MAX_VARIABLES_BYTES: String(Math.max(padBytes * 2, 256 * 1024)),
    MAX_BODY_BYTES: String(Math.max(padBytes * 2, 1024 * 1024)),
  },
  stdio: ["ignore", "pipe", "inherit"],
});
const stopServer = () => {
  if (server.exitCode === null && server.signalCode === null) server.kill("SIGKILL");
};
process.on("exit", stopServer);

const port = await new Promise<number>((resolve, reject) => {
  server.once("exit", (code) => reject(new Error(`the service exited before serving (code ${code})`)));
  createInterface({ input: server.stdout! }).on("line", (line) => {
    try {
      const parsed = JSON.parse(line) as { port?: number };
      if (typeof parsed.port === "number") resolve(parsed.port);
    } catch {
      // not a log line
    }
  });
});
const url = `http://127.0.0.1:${port}/graphql`;
const pad = "x".repeat(padBytes);
const QUERY = "query Soak($id: ID!) { article(id: $id) { id headline people { name } } }";
const ids = (await post({ query: "{ articles(first: 50) { nodes { id } } }" })).data.articles.nodes.map(
  (a: { id: string }) => a.id,
) as string[];

let sent = 0;
let failed = 0;
const started = Date.now();
const deadline = started + seconds * 1000;
const samples: { at: number; rssMB: number; requests: number }[] = [{ at: 0, rssMB: rssMB(), requests: 0 }];
const sampler = setInterval(() => samples.push({ at: Date.now() - started, rssMB: rssMB(), requests: sent }), sampleMs);

console.log(
  `soak: ${seconds} s, ${clients} clients, every request distinct with an unused ${padBytes / 1024} KB variable, RESPONSE_CACHE_MB=${values["response-cache-mb"]}, pid ${server.pid}`,
);
await Promise.all(
  Array.from({ length: clients }, async () => {
    while (Date.now() < deadline) {
      const n = sent++;
      try {
        const answer = await post({ query: QUERY, variables: { id: ids[n % ids.length], nonce: `${n}:${pad}` } });
        if (answer.errors || !answer.data?.article) failed++;
      } catch {
        failed++;
      }
    }
  }),
);
clearInterval(sampler);
samples.push({ at: Date.now() - started, rssMB: rssMB(), requests: sent });

console.log("\n| seconds | requests | RSS (MB) |\n| ---: | ---: | ---: |");
for (const s of samples) console.log(`| ${(s.at / 1000).toFixed(0)} | ${s.requests} | ${s.rssMB.toFixed(0)} |`);
const peak = Math.max(...samples.map((s) => s.rssMB));
console.log(
  `\n${sent} requests (${(sent / seconds).toFixed(0)}/s), ${failed} failed; RSS ${samples[0]!.rssMB.toFixed(0)} MB at start, peak ${peak.toFixed(0)} MB, ${samples.at(-1)!.rssMB.toFixed(0)} MB at the end`,
);
stopServer();
process.exit(failed > 0 ? 1 : 0);

// Private: POSTs one GraphQL request and returns the parsed answer.
async function post(body: unknown): Promise<any> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return res.json();
}

// Private: the service's resident set size in MB, from /proc/<pid>/status.
function rssMB(): number {
  const kb = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${server.pid}/status`, "utf8"));
  return kb ? Number(kb[1]) / 1024 : NaN;
}

// Private: a positive integer option.
function positive(name: keyof typeof values): number {
  const value = Number(values[name]);
  if (!Number.isInteger(value) || value <= 0) {
    console.error(`--${name} must be a positive whole number; got "${values[name]}"`);
    process.exit(2);
  }
  return value;
}
