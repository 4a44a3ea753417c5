// The throwaway PostgreSQL server of the tests and benchmarks leaves nothing behind: stop() ends
// every process of it and deletes its files, and a process that ends without stop(), or is killed
// outright, takes its servers (hot standbys too) with it. Runs real servers of its own.
import { execFile as execFileCallback, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { TemporaryCluster } from "../../tools/cluster/TemporaryCluster.js";
import { onCleanup } from "../cleanup.js";
import { exitsWithin, isRunning, killIfRunning } from "../processes.js";
import { serverDirectory } from "./serverDirectory.js";

const execFile = promisify(execFileCallback);
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** How long a server may take to shut down once the process that started it is gone. */
const SHUTDOWN_MS = 15_000;

interface StartedCluster {
  pid: number;
  directory: string;
}

/** Runs tests/postgres/clusterProcess.ts with `args`; resolves once it printed its servers. */
async function clusterProcess(args: string[]) {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/postgres/clusterProcess.ts", ...args], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let output = "";
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const clusters = await new Promise<StartedCluster[]>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split("\n").find((l) => l.startsWith("["));
      if (line && output.includes("]\n")) resolve(JSON.parse(line) as StartedCluster[]);
    });
    void exited.then((code) => reject(new Error(`clusterProcess.ts exited (${code}) before starting its servers:\n${output}`)));
  });
  onCleanup(async () => {
    killIfRunning([child.pid!, ...clusters.map((c) => c.pid)]);
    await Promise.all(clusters.map((c) => rm(c.directory, { recursive: true, force: true })));
  });
  return { child, exited, clusters };
}

describe("TemporaryCluster", () => {
  it("stop() ends the server and every process of it, and deletes its directory", async () => {
    const cluster = await TemporaryCluster.start();
    onCleanup(() => cluster.stop());
    const { stdout } = await execFile("pgrep", ["-P", String(cluster.pid)]);
    const processes = [cluster.pid, ...stdout.trim().split("\n").map(Number)];
    expect(processes.length).toBeGreaterThan(2); // the postmaster, its checkpointer, its writers…
    const directory = await serverDirectory(cluster.url);
    expect(existsSync(directory)).toBe(true);

    await cluster.stop();
    expect(processes.filter(isRunning)).toEqual([]);
    expect(existsSync(directory)).toBe(false);
  }, 60_000);

  it("a process killed outright (SIGKILL) takes its server and the server's hot standby with it", async () => {
    const { child, exited, clusters } = await clusterProcess(["standby", "wait"]);
    expect(clusters).toHaveLength(2);
    expect(clusters.every((c) => isRunning(c.pid))).toBe(true);

    child.kill("SIGKILL");
    await exited;
    for (const cluster of clusters) expect(await exitsWithin(cluster.pid, SHUTDOWN_MS), `postgres ${cluster.pid}`).toBe(true);
  }, 120_000);

  it("a process that ends without calling stop() ends its server and deletes its directory", async () => {
    const { exited, clusters } = await clusterProcess([]);
    // It ends by itself: a running server does not keep the process that started it alive.
    expect(await exited).toBe(0);
    expect(await exitsWithin(clusters[0]!.pid, SHUTDOWN_MS)).toBe(true);
    expect(existsSync(clusters[0]!.directory)).toBe(false);
  }, 120_000);
});
