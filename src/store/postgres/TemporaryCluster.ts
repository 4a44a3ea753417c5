// A throwaway PostgreSQL server for tests and benchmarks: initdb into a temporary directory,
// start on a free port bound to 127.0.0.1, hand out fresh databases, stop and delete it all.
// Uses Debian's real PostgreSQL binaries; nothing here is a stand-in for the database.
import { execFile as execFileCallback } from "node:child_process";
import { chownSync, existsSync, readdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
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
    private readonly bin: string,
  ) {}

  /**
   * Creates and starts a cluster (about 1-3 s). Throws {@link PostgresNotInstalledError} when
   * the binaries are missing. Run as root, the server runs as the `postgres` user, since
   * PostgreSQL refuses to run as root.
   */
  static async start(options: TemporaryClusterOptions = {}): Promise<TemporaryCluster> {
    const bin = findPostgresBinaries();
    if (!bin) throw new PostgresNotInstalledError();
    const dir = await mkdtemp(join(options.parentDir ?? tmpdir(), "news-pg-"));
    const asRoot = process.getuid?.() === 0;
    if (asRoot) {
      const { stdout } = await execFile("id", ["-u", "postgres"]);
      const { stdout: gid } = await execFile("id", ["-g", "postgres"]);
      chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
    }
    const cluster = new TemporaryCluster("", 0, dir, bin);
    const data = join(dir, "data");
    // Durability is pointless for a throwaway server: skip fsync at init and at run time.
    await cluster.run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "-N"]);
    const port = await freePort();
    const settings: Record<string, string> = {
      listen_addresses: "127.0.0.1",
      fsync: "off",
      synchronous_commit: "off",
      full_page_writes: "off",
      ...options.settings,
    };
    const serverArgs = [`-p ${port}`, `-k ${dir}`, ...Object.entries(settings).map(([k, v]) => `-c ${k}=${v}`)].join(" ");
    await cluster.run("pg_ctl", ["-D", data, "-l", join(dir, "server.log"), "-o", serverArgs, "-w", "-t", "60", "start"]);
    return new TemporaryCluster(`postgres://postgres@127.0.0.1:${port}/postgres`, port, dir, bin);
  }

  /**
   * Starts a hot standby of the server at `primaryUrl` (a streaming read replica made with
   * pg_basebackup -R) in its own temporary directory, on a free port; it serves reads of every
   * database of the primary and follows its writes.
   */
  static async standbyOf(primaryUrl: string, options: TemporaryClusterOptions = {}): Promise<TemporaryCluster> {
    const bin = findPostgresBinaries();
    if (!bin) throw new PostgresNotInstalledError();
    const dir = await mkdtemp(join(options.parentDir ?? tmpdir(), "news-pg-standby-"));
    if (process.getuid?.() === 0) {
      const { stdout } = await execFile("id", ["-u", "postgres"]);
      const { stdout: gid } = await execFile("id", ["-g", "postgres"]);
      chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
    }
    const standby = new TemporaryCluster("", 0, dir, bin);
    const primary = new URL(primaryUrl);
    await standby.run("pg_basebackup", ["-D", join(dir, "data"), "-R", "-X", "stream", "-c", "fast", "-h", primary.hostname, "-p", primary.port, "-U", primary.username || "postgres"]);
    const port = await freePort();
    const serverArgs = [`-p ${port}`, `-k ${dir}`, "-c listen_addresses=127.0.0.1", "-c fsync=off", "-c hot_standby=on"].join(" ");
    await standby.run("pg_ctl", ["-D", join(dir, "data"), "-l", join(dir, "server.log"), "-o", serverArgs, "-w", "-t", "60", "start"]);
    return new TemporaryCluster(`postgres://postgres@127.0.0.1:${port}/postgres`, port, dir, bin);
  }

  /** Returns the URL of a database on this server, creating it empty when it does not exist. */
  createDatabase(name: string): Promise<string> {
    return createDatabase(this.url, name);
  }

  /** Stops the server at once (nothing in it is worth keeping) and deletes its directory. */
  async stop(): Promise<void> {
    await this.run("pg_ctl", ["-D", join(this.dir, "data"), "-m", "immediate", "-w", "stop"]).catch(() => undefined);
    await rm(this.dir, { recursive: true, force: true });
  }

  // Private: runs a PostgreSQL binary, as the postgres user when we are root.
  private async run(program: string, args: string[]): Promise<void> {
    const path = join(this.bin, program);
    const [file, argv] = process.getuid?.() === 0 ? ["runuser", ["-u", "postgres", "--", path, ...args]] : [path, args];
    try {
      await execFile(file, argv, { cwd: this.dir });
    } catch (error) {
      const e = error as { stderr?: string; message: string };
      throw new Error(`${program} failed: ${e.stderr?.trim() || e.message}`);
    }
  }
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
