// `npm run gateway -- --replicas 1` leaves no process behind. Stopped by a supervisor (SIGTERM)
// it stops its news replica and then exits 0; killed outright (SIGKILL), or failing to start
// after its replica is up, it leaves a replica that ends by itself within seconds.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { writeCorpusFile } from "../tools/generate/generate.js";
import { onCleanup } from "./cleanup.js";
import { exitsWithin, isRunning, killIfRunning } from "./processes.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
/** How long an orphaned replica may take to notice and end. */
const ORPHAN_EXIT_MS = 10_000;

let corpusPath: string;

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), "gateway-stop-"));
  onCleanup(() => rm(dir, { recursive: true, force: true }));
  corpusPath = join(dir, "corpus.json");
  await writeCorpusFile(corpusPath, { articles: 20, seed: 5, people: 12, agreements: 2, tariffs: 2 });
});

interface GatewayScript {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Everything the script printed so far. */
  output(): string;
}

/** Runs `scripts/gateway.ts --replicas 1` on free ports, plus `args`; killed after the file if still running. */
function runGatewayScript(args: string[] = []): GatewayScript {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "scripts/gateway.ts", "--replicas", "1", "--port", "0", "--reader-port", "0", ...args],
    {
      cwd: ROOT,
      env: { ...process.env, STORE: "memory", CORPUS_PATH: corpusPath },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  onCleanup(() => killIfRunning([child.pid!, ...replicaPids(output)]));
  return { child, exited, output: () => output };
}

/** Resolves once the script has printed a line matching `pattern`; fails if it exits first. */
async function printed(script: GatewayScript, pattern: RegExp): Promise<void> {
  let running = true;
  void script.exited.then(() => (running = false));
  while (!pattern.test(script.output())) {
    if (!running) throw new Error(`gateway.ts exited before printing ${pattern}:\n${script.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// Private: the pids of "news replica N (pid P) ready at URL" lines.
function replicaPids(output: string): number[] {
  return [...output.matchAll(/news replica \d+ \(pid (\d+)\)/g)].map((m) => Number(m[1]));
}

describe("npm run gateway -- --replicas 1 leaves no process behind", () => {
  it("on SIGTERM stops its replica, then exits 0", async () => {
    const script = runGatewayScript();
    await printed(script, /Supergraph ready at/);
    const [replica] = replicaPids(script.output());
    expect(isRunning(replica!)).toBe(true);

    script.child.kill("SIGTERM");
    expect(await script.exited).toEqual({ code: 0, signal: null });
    expect(isRunning(replica!)).toBe(false); // stopped and collected before the script exited
  }, 60_000);

  it("killed with SIGKILL (no handler runs), its replica ends by itself", async () => {
    const script = runGatewayScript();
    await printed(script, /Supergraph ready at/);
    const [replica] = replicaPids(script.output());
    expect(isRunning(replica!)).toBe(true);

    script.child.kill("SIGKILL");
    await script.exited;
    expect(await exitsWithin(replica!, ORPHAN_EXIT_MS)).toBe(true);
  }, 60_000);

  it("failing to start (its port is taken) after its replica is up, exits non-zero and the replica ends", async () => {
    const taken = await listeningServer();
    onCleanup(() => new Promise((resolve) => taken.close(resolve)));
    const script = runGatewayScript(["--port", String((taken.address() as { port: number }).port)]);
    const { code } = await script.exited;
    const [replica] = replicaPids(script.output());
    expect(code, script.output()).not.toBe(0);
    expect(script.output()).toContain("EADDRINUSE");
    expect(replica, script.output()).toBeTypeOf("number");
    expect(await exitsWithin(replica!, ORPHAN_EXIT_MS)).toBe(true);
  }, 60_000);
});

// Private: a TCP server on a free port of 127.0.0.1, so that port is taken.
function listeningServer(): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve(server));
  });
}
