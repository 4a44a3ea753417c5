// Replicas of the news subgraph as separate processes, the way a platform runs them: each is
// `src/main.ts` on its own free port with the environment it inherits (so STORE=postgres
// replicas share one database), started together and stopped one by one or all at once.
// A replica never outlives the process that started it, however that process ends: each watches
// its stdin, a pipe from this process, and drains and exits when it closes (exitWithParent.ts).
// That one mechanism covers process.exit, a crash, a signal and SIGKILL alike; an exit hook here
// that signalled them too would cut their drain short (a second SIGTERM makes main.ts exit at once).
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const EXIT_WITH_PARENT = new URL("./exitWithParent.ts", import.meta.url).href;

/** One running replica process. */
export interface NewsReplica {
  /** Its GraphQL endpoint, e.g. `http://127.0.0.1:40123/graphql`. */
  url: string;
  process: ChildProcess;
  /**
   * Sends SIGTERM (the service drains, then exits) and resolves once the process has exited;
   * a replica still running once its drain time (SHUTDOWN_TIMEOUT_MS) is well past is killed.
   */
  stop(): Promise<void>;
}

/** Options of {@link startNewsReplicas}. */
export interface NewsReplicaOptions {
  /** Interface every replica binds. @default "127.0.0.1" */
  host?: string;
  /** Variables for the replicas on top of this process's environment (STORE, DATABASE_URL, CORPUS_PATH …). */
  env?: NodeJS.ProcessEnv;
  /** How long one replica may take to print that it is ready. @default 120000 */
  startTimeoutMs?: number;
  /** Receives every line the replicas log, prefixed with the replica's number. */
  onLog?: (line: string) => void;
}

/**
 * Starts `count` news subgraph processes at once, each on a free port, and resolves when all
 * are ready. If any fails to start, the others are stopped and the error names its output.
 */
export async function startNewsReplicas(count: number, options: NewsReplicaOptions = {}): Promise<NewsReplica[]> {
  const started = await Promise.allSettled(Array.from({ length: count }, (_, i) => startReplica(i + 1, options)));
  const replicas = started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  const failed = started.find((s) => s.status === "rejected");
  if (failed) {
    await Promise.all(replicas.map((r) => r.stop()));
    throw (failed as PromiseRejectedResult).reason;
  }
  return replicas;
}

// Private: starts one replica and waits for the log line that carries its bound port.
function startReplica(n: number, options: NewsReplicaOptions): Promise<NewsReplica> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    EXPLORER: "off", // browsers use the gateway; replicas serve machines
    ...options.env,
    // The "ready" line (info) carries the bound port: the only way to learn it with PORT=0.
    LOG_LEVEL: "info",
    PORT: "0",
    HOST: options.host ?? "127.0.0.1",
  };
  // stdin is the pipe exitWithParent.ts watches: never written, it closes when this process ends.
  const child = spawn(process.execPath, ["--import", "tsx", "--import", EXIT_WITH_PARENT, "src/main.ts"], {
    cwd: PROJECT_ROOT,
    env,
    stdio: ["pipe", "pipe", "pipe"],
    // Its own process group: Ctrl-C in a terminal reaches this process alone, which stops the
    // replicas once (scripts/gateway.ts), instead of each draining and then being signalled again.
    detached: true,
  });
  child.stdin!.on("error", () => undefined); // never written; a reset when the replica exits is no news
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const drainMs = Number(env.SHUTDOWN_TIMEOUT_MS) || 10_000; // main.ts's default drain time
  let stopping: Promise<void> | undefined;
  // Once only: a second SIGTERM would make the replica skip its drain.
  const stop = () =>
    (stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), drainMs + 10_000);
      await exited;
      clearTimeout(timer);
    })());
  return new Promise((resolve, reject) => {
    let output = "";
    let settled = false;
    const timer = setTimeout(
      () => fail(`did not become ready within ${options.startTimeoutMs ?? 120_000} ms`),
      options.startTimeoutMs ?? 120_000,
    );
    const fail = (why: string) => {
      clearTimeout(timer);
      void stop();
      reject(new Error(`news replica ${n} ${why}:\n${output.slice(-2000)}`));
    };
    // Lines are read for as long as the replica runs: an unread pipe would block its logging.
    let pending = "";
    const onData = (chunk: Buffer) => {
      pending += chunk.toString();
      let newline: number;
      while ((newline = pending.indexOf("\n")) >= 0) {
        const line = pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        options.onLog?.(`[news ${n}] ${line}`);
        if (settled) continue;
        output = `${output + line}\n`.slice(-4000);
        const ready = readyUrl(line);
        if (ready) {
          settled = true;
          clearTimeout(timer);
          resolve({ url: ready, process: child, stop });
        }
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (chunk: Buffer) => {
      if (!settled) output = (output + chunk.toString()).slice(-4000);
      else options.onLog?.(`[news ${n}] ${chunk.toString().trimEnd()}`);
    });
    child.once("exit", (code, signal) => {
      if (!settled) fail(`exited (${signal ?? `code ${code}`}) before it was ready`);
    });
  });
}

// Private: the GraphQL URL from main.ts's "ready" log line, or null for any other line.
function readyUrl(line: string): string | null {
  if (!line.startsWith("{")) return null;
  try {
    const entry = JSON.parse(line) as { url?: string; port?: number; msg?: string };
    if (!entry.port || !entry.msg?.includes("ready")) return null;
    const url = new URL(entry.url ?? "http://localhost/graphql");
    url.hostname = "127.0.0.1";
    url.port = String(entry.port);
    return url.toString();
  } catch {
    return null;
  }
}
