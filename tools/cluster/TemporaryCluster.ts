// A throwaway PostgreSQL server for tests and benchmarks: initdb into a temporary directory,
// start on a free port bound to 127.0.0.1, hand out fresh databases, stop and delete it all.
// Uses Debian's real PostgreSQL binaries; nothing here is a stand-in for the database.
//
// The postmaster is this process's own child (not daemonised by pg_ctl), so it never outlives
// the process that started it: stop() ends it, an exit without stop() ends it too, and the
// kernel ends it (parent-death signal, set by setpriv) when that process is killed outright.
import { execFile as execFileCallback, spawn, type ChildProcess } from "node:child_process";
import { chownSync, closeSync, existsSync, openSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const execFile = promisify(execFileCallback);

/** Thrown when the PostgreSQL server binaries cannot be found. */
export class PostgresNotInstalledError extends Error {
  override readonly name = "PostgresNotInstalledError";
  constructor() {
    super(
      "PostgreSQL server binaries (initdb, pg_ctl) were not found in /usr/lib/postgresql/*/bin or on PATH; " +
        "install them with `apt-get install -y postgresql` (bash .ci/run does this)",
    );
  }
}

/**
 * Returns the directory holding initdb and pg_ctl (Debian keeps them out of PATH, under
 * /usr/lib/postgresql/<major>/bin; the newest major wins), or null when PostgreSQL is not installed.
 */
export function findPostgresBinaries(): string | null {
  const root = "/usr/lib/postgresql";
  if (existsSync(root)) {
    const majors = readdirSync(root)
      .filter((v) => existsSync(join(root, v, "bin", "initdb")))
      .sort((a, b) => Number(b) - Number(a));
    if (majors.length > 0) return join(root, majors[0]!, "bin");
  }
  for (const dir of (process.env.PATH ?? "").split(":")) {
    if (dir && existsSync(join(dir, "initdb")) && existsSync(join(dir, "pg_ctl"))) return dir;
  }
  return null;
}

/** Thrown when, running as root, setpriv (util-linux) is missing: it runs the server as `postgres`. */
export class SetprivNotInstalledError extends Error {
  override readonly name = "SetprivNotInstalledError";
  constructor() {
    super(
      "setpriv (util-linux) was not found on PATH; it runs PostgreSQL as the postgres user when the tests run as root: `apt-get install -y util-linux`",
    );
  }
}

/** Options of a {@link TemporaryCluster}. */
export interface TemporaryClusterOptions {
  /** Extra `postgres -c name=value` settings, e.g. `{ shared_buffers: "1GB" }` for a benchmark. */
  settings?: Record<string, string>;
  /** Where the data directory goes. @default the OS temp directory */
  parentDir?: string;
}

/** A running throwaway PostgreSQL server; {@link TemporaryCluster.stop} deletes every byte of it. */
export class TemporaryCluster {
  private constructor(
    /** Superuser URL of the `postgres` database, e.g. `postgres://postgres@127.0.0.1:5433/postgres`. */
    readonly url: string,
    readonly port: number,
    private readonly dir: string,
    private server: ChildProcess,
    private readonly bin: string,
    private readonly settings: Record<string, string>,
  ) {}

  /**
   * Creates and starts a cluster (about 1-3 s). Throws {@link PostgresNotInstalledError} when
   * the binaries are missing. Run as root, the server runs as the `postgres` user, since
   * PostgreSQL refuses to run as root.
   */
  static async start(options: TemporaryClusterOptions = {}): Promise<TemporaryCluster> {
    const bin = findPostgresBinaries();
    if (!bin) throw new PostgresNotInstalledError();
    const dir = await clusterDirectory(options.parentDir, "news-pg-");
    // Durability is pointless for a throwaway server: skip fsync at init and at run time.
    await withDirectoryRemovedOnFailure(dir, () =>
      runAsPostgres(bin, dir, "initdb", [
        "-D",
        join(dir, "data"),
        "-U",
        "postgres",
        "--auth=trust",
        "-E",
        "UTF8",
        "--locale=C.UTF-8",
        "-N",
      ]),
    );
    return TemporaryCluster.launch(bin, dir, { fsync: "off", synchronous_commit: "off", full_page_writes: "off", ...options.settings });
  }

  /**
   * Starts a hot standby of the server at `primaryUrl` (a streaming read replica made with
   * pg_basebackup -R) in its own temporary directory, on a free port; it serves reads of every
   * database of the primary and follows its writes. It is a cluster like any other: stop() it.
   */
  static async standbyOf(primaryUrl: string, options: TemporaryClusterOptions = {}): Promise<TemporaryCluster> {
    const bin = findPostgresBinaries();
    if (!bin) throw new PostgresNotInstalledError();
    const dir = await clusterDirectory(options.parentDir, "news-pg-standby-");
    const primary = new URL(primaryUrl);
    await withDirectoryRemovedOnFailure(dir, () =>
      runAsPostgres(bin, dir, "pg_basebackup", [
        "-D",
        join(dir, "data"),
        "-R",
        "-X",
        "stream",
        "-c",
        "fast",
        "-h",
        primary.hostname,
        "-p",
        primary.port,
        "-U",
        primary.username || "postgres",
      ]),
    );
    return TemporaryCluster.launch(bin, dir, { fsync: "off", hot_standby: "on", ...options.settings });
  }

  /** The postmaster's process id (its own processes are its children). */
  get pid(): number {
    return this.server.pid!;
  }

  /** Returns the URL of a database on this server, creating it empty when it does not exist. */
  createDatabase(name: string): Promise<string> {
    return createDatabase(this.url, name);
  }

  /**
   * Stops the server at once (immediate shutdown: nothing in it is worth keeping), resolves
   * once the postmaster and all its processes have exited, and deletes its directory.
   */
  async stop(): Promise<void> {
    running.delete(this.server);
    const server = this.server;
    if (server.exitCode === null && server.signalCode === null) {
      // A frozen server (freeze()) handles no signal until it is resumed.
      for (const child of childrenOf(server.pid!)) signalIfAlive(child, "SIGCONT");
      signalIfAlive(server.pid!, "SIGCONT");
      server.ref(); // a pending promise alone would not keep this process alive to see the exit
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGQUIT");
      // The postmaster waits for its children (and SIGKILLs them after 5 s); this bounds the rest.
      const timer = setTimeout(() => server.kill("SIGKILL"), 30_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(this.dir, { recursive: true, force: true });
  }

  /**
   * Shuts the server down (fast shutdown: sessions are ended, data kept) and resolves once it has
   * exited; {@link TemporaryCluster.restart} brings it back on the same port. For outage tests.
   */
  async halt(): Promise<void> {
    const server = this.server;
    if (server.exitCode !== null || server.signalCode !== null) return;
    running.delete(server);
    server.ref();
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGINT");
    await exited;
  }

  /** Starts a halted server again on the same port and data, and resolves once it accepts connections. */
  async restart(): Promise<void> {
    const next = await TemporaryCluster.launch(this.bin, this.dir, this.settings, this.port);
    this.server = next.server;
  }

  /**
   * Freezes the server and every process of it (SIGSTOP to the postmaster, then to each of its
   * children, which PostgreSQL puts in process groups of their own): connections are accepted by
   * the kernel and never answered, as with a hung host. {@link TemporaryCluster.thaw} resumes it. Linux only.
   */
  freeze(): void {
    process.kill(this.server.pid!, "SIGSTOP");
    for (const child of childrenOf(this.server.pid!)) signalIfAlive(child, "SIGSTOP");
  }

  /** Resumes a frozen server: its children first, then the postmaster. */
  thaw(): void {
    for (const child of childrenOf(this.server.pid!)) signalIfAlive(child, "SIGCONT");
    signalIfAlive(this.server.pid!, "SIGCONT");
  }

  // Private: spawns the postmaster on a free port (or `fixedPort`) in `dir` and resolves once it accepts connections.
  private static async launch(bin: string, dir: string, settings: Record<string, string>, fixedPort?: number): Promise<TemporaryCluster> {
    const port = fixedPort ?? (await freePort());
    const args = ["-D", join(dir, "data"), "-p", String(port), "-k", dir];
    for (const [name, value] of Object.entries({ listen_addresses: "127.0.0.1", ...settings })) args.push("-c", `${name}=${value}`);
    const log = openSync(join(dir, "server.log"), "a");
    let server: ChildProcess;
    try {
      const [file, argv] = asPostgres(join(bin, "postgres"), args, { exitWithParent: true });
      // Its own session, as pg_ctl would: a Ctrl-C meant for this process is not a shutdown
      // request to the server, which this process may still need (to drop databases, say).
      server = spawn(file, argv, { cwd: dir, stdio: ["ignore", log, log], detached: true });
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      throw error;
    } finally {
      closeSync(log);
    }
    // Not what keeps this process alive: one that ends without stop() takes the server with it.
    server.unref();
    const cluster = new TemporaryCluster(`postgres://postgres@127.0.0.1:${port}/postgres`, port, dir, server, bin, settings);
    running.set(server, dir);
    stopAllOnExit();
    try {
      await cluster.ready();
    } catch (error) {
      await cluster.stop();
      throw error;
    }
    return cluster;
  }

  // Private: resolves once the postmaster says, in postmaster.pid, that it accepts connections
  // ("ready", or "standby" for a hot standby), as `pg_ctl start -w` waits; rejects if it exits first.
  private async ready(timeoutMs = 60_000): Promise<void> {
    const lockFile = join(this.dir, "data", "postmaster.pid");
    const deadline = Date.now() + timeoutMs;
    let spawnError: Error | undefined;
    this.server.once("error", (error) => (spawnError = error));
    for (;;) {
      if (spawnError) throw new Error(`postgres could not be started: ${spawnError.message}`);
      if (this.server.exitCode !== null || this.server.signalCode !== null) {
        throw new Error(
          `postgres exited (${this.server.signalCode ?? `code ${this.server.exitCode}`}) before accepting connections:\n${await this.logTail()}`,
        );
      }
      const lines = (await readFile(lockFile, "utf8").catch(() => "")).split("\n");
      if (lines[0] === String(this.server.pid) && ["ready", "standby"].includes(lines[7]?.trim() ?? "")) return;
      if (Date.now() > deadline) throw new Error(`postgres did not accept connections within ${timeoutMs} ms:\n${await this.logTail()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  // Private: the end of the server's log, for an error message.
  private async logTail(): Promise<string> {
    return (await readFile(join(this.dir, "server.log"), "utf8").catch(() => "")).slice(-2000);
  }
}

// Private: the postmaster of every cluster this process started and has not stopped, with its directory.
const running = new Map<ChildProcess, string>();
let exitHookInstalled = false;

// Private: stops, when this process exits, every cluster it did not stop itself: synchronously,
// as an exit hook must. (A process killed outright runs no exit hook: the parent-death signal
// asPostgres sets covers that, though the directory then stays behind.)
function stopAllOnExit(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on("exit", () => {
    for (const [server, dir] of running) {
      if (server.exitCode === null && server.signalCode === null) server.kill("SIGQUIT");
      try {
        rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
      } catch {
        // The server may still be writing while it shuts down; a stray directory is all that is left.
      }
    }
  });
}

// Private: a new temporary directory for a cluster, owned by the postgres user when we are root.
async function clusterDirectory(parentDir: string | undefined, prefix: string): Promise<string> {
  const dir = await mkdtemp(join(parentDir ?? tmpdir(), prefix));
  if (process.getuid?.() === 0) {
    const { stdout: uid } = await execFile("id", ["-u", "postgres"]);
    const { stdout: gid } = await execFile("id", ["-g", "postgres"]);
    chownSync(dir, Number(uid.trim()), Number(gid.trim()));
  }
  return dir;
}

// Private: runs `step`, deleting `dir` if it fails (a half-made cluster is of no use to anyone).
async function withDirectoryRemovedOnFailure(dir: string, step: () => Promise<void>): Promise<void> {
  try {
    await step();
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

// Private: runs a PostgreSQL binary to completion, as the postgres user when we are root.
async function runAsPostgres(bin: string, dir: string, program: string, args: string[]): Promise<void> {
  const [file, argv] = asPostgres(join(bin, program), args, { exitWithParent: false });
  try {
    await execFile(file, argv, { cwd: dir });
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`${program} failed: ${e.stderr?.trim() || e.message}`);
  }
}

// Private: the command line that runs `path` as the postgres user when we are root (PostgreSQL
// refuses to run as root). With `exitWithParent`, setpriv also asks the kernel to send it SIGQUIT
// (PostgreSQL's immediate shutdown) when this process dies. setpriv sets that after switching
// user, which would clear it, and execs the program itself, so the signal reaches the postmaster.
function asPostgres(path: string, args: string[], options: { exitWithParent: boolean }): [string, string[]] {
  const asRoot = process.getuid?.() === 0;
  const setpriv = findOnPath("setpriv");
  if (!setpriv) {
    if (asRoot) throw new SetprivNotInstalledError();
    return [path, args]; // not Linux: the exit hook still stops the server
  }
  const user = asRoot ? ["--reuid=postgres", "--regid=postgres", "--init-groups"] : [];
  const parentDeath = options.exitWithParent ? ["--pdeathsig=SIGQUIT"] : [];
  if (user.length === 0 && parentDeath.length === 0) return [path, args];
  return [setpriv, [...user, ...parentDeath, "--", path, ...args]];
}

// Private: the ids of the processes whose parent is `pid`, read from /proc (empty where there is none).
function childrenOf(pid: number): number[] {
  if (!existsSync("/proc/self/stat")) return [];
  const children: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // "pid (command) state ppid …": the command may hold spaces and parentheses.
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) children.push(Number(entry));
    } catch {
      // Exited while listed.
    }
  }
  return children;
}

// Private: sends `signal` to `pid`, ignoring a process that has already exited.
function signalIfAlive(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

// Private: the full path of `program` on PATH (or in /usr/bin, /bin), or null.
function findOnPath(program: string): string | null {
  for (const dir of [...(process.env.PATH ?? "").split(":"), "/usr/bin", "/bin"]) {
    if (dir && existsSync(join(dir, program))) return join(dir, program);
  }
  return null;
}

/**
 * Given the URL of a database on a server (with the right to create databases) and a name,
 * creates that database empty unless it exists, and returns its URL.
 */
export async function createDatabase(serverUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${name.replaceAll('"', '""')}" TEMPLATE template0 ENCODING 'UTF8'`);
  } finally {
    await admin.end();
  }
  return databaseUrl(serverUrl, name);
}

/** Given a server URL and a database name, returns the URL of that database on the same server. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

// Private: a TCP port nothing listens on right now (the OS picks it; the server binds it next).
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
