// Processes for tests: running a node script to its end with its output, and whether a process is
// still running, for tests that check a script or helper leaves nothing
// behind. A process that has exited but not been collected by its parent yet (a zombie, as an
// orphan is until init gets to it) counts as gone: it holds no port, memory or file any more.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { onCleanup } from "./cleanup.js";

/** True while process `pid` exists and has not exited. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
    throw error;
  }
  if (!existsSync("/proc/self/stat")) return true; // no /proc: a zombie cannot be told apart
  try {
    // "pid (command) state …", where the command may itself hold spaces and parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false; // gone between the two looks
  }
}

/** Resolves true once process `pid` is no longer running, or false if it still runs after `timeoutMs`. */
export async function exitsWithin(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isRunning(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

/** Kills (SIGKILL) each of `pids` still running: the last resort of a test's cleanup. */
export function killIfRunning(pids: Iterable<number>): void {
  for (const pid of pids) if (isRunning(pid)) process.kill(pid, "SIGKILL");
}

/** What a node process run to its end printed, and how it exited. */
export interface NodeRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node ARGS` from `cwd` to its end with `env` added to this process's environment, and
 * resolves with its output; killed when the test file ends if it is still running then.
 */
export async function runNode(args: string[], cwd: string, env: Record<string, string> = {}): Promise<NodeRun> {
  const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  onCleanup(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once("close", (c) => resolve(c)));
  return { code, stdout, stderr };
}
