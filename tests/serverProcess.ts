// The real service as a separate process (`src/main.ts`), for tests of what only a process shows:
// signals, exit, memory as the kernel counts it, and sockets held by other clients. It logs JSON
// lines to a pipe the test reads; the `ready` line says which port it bound.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { onCleanup } from "./cleanup.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** One pino line of the server's log. */
export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/** A started server process. */
export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  port: number;
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  /** The GraphQL endpoint. */
  url: string;
  /** Every JSON line logged so far. */
  lines: LogLine[];
  /** Lines that were not JSON (stderr included): a clean run has none. */
  stray: string[];
  /** Settles when the process exits. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts `src/main.ts` on a free port of 127.0.0.1 with `env` added to this process's
 * environment, and resolves once it serves. The process is SIGKILLed after the test file if it
 * is still running.
 */
export async function startServerProcess(env: Record<string, string> = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info", NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  onCleanup(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const lines: LogLine[] = [];
  const stray: string[] = [];
  createInterface({ input: child.stdout! }).on("line", (line) => {
    try {
      lines.push(JSON.parse(line) as LogLine);
    } catch {
      stray.push(line);
    }
  });
  createInterface({ input: child.stderr! }).on("line", (line) => stray.push(line));
  const ready = await Promise.race([
    until(() => lines.find((l) => typeof l.port === "number")),
    exited.then((e) => {
      throw new Error(`main.ts exited before serving (${JSON.stringify(e)}): ${stray.join("\n")}`);
    }),
  ]);
  const port = ready.port as number;
  const origin = `http://127.0.0.1:${port}`;
  return { child, pid: child.pid!, port, origin, url: `${origin}/graphql`, lines, stray, exited };
}

/** Given a process id, returns its resident set size in bytes, read from `/proc/<pid>/status` (VmRSS). */
export function residentBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  if (!kb) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(kb[1]) * 1024;
}

/** Polls `probe` every 25 ms until it returns something truthy; the test's timeout bounds the wait. */
export async function until<T>(probe: () => T | undefined | null | false | Promise<T | undefined | null | false>): Promise<T> {
  for (;;) {
    const value = await probe();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
