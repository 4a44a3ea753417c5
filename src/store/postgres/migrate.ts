// Schema migrations for the PostgreSQL store: the plain .sql files in migrations/, applied in
// file-name order, each once, each in its own transaction, recorded in schema_migrations.
import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Pool } from "pg";

/** The folder of migration files shipped with the project. */
export const MIGRATIONS_DIR = fileURLToPath(new URL("../../../migrations/", import.meta.url));

/** Thrown when a database's schema is not the one this code reads: it names the fix. */
export class SchemaVersionError extends Error {
  override readonly name = "SchemaVersionError";
}

/** One migration file: its version is the file name without `.sql`, e.g. `001_corpus_tables`. */
export interface Migration {
  version: string;
  sql: string;
}

// Any fixed 64-bit number: every runner takes this advisory lock, so two processes migrating
// the same database at once (replicas starting together) apply each file exactly once.
const MIGRATION_LOCK = 4_207_715_001;

/** Returns every migration in `dir`, in the order they apply (by file name). */
export async function readMigrations(dir: string = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith(".sql")).sort();
  return Promise.all(files.map(async (f) => ({ version: f.slice(0, -4), sql: await readFile(`${dir}/${f}`, "utf8") })));
}

/**
 * Applies every migration the database has not seen, in order, and returns the versions it
 * applied (empty when the schema was already current). Needs the primary: it writes.
 */
export async function migrate(pool: Pool, dir: string = MIGRATIONS_DIR): Promise<string[]> {
  const migrations = await readMigrations(dir);
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await client.query(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
    );
    const done = new Set((await client.query<{ version: string }>("SELECT version FROM schema_migrations")).rows.map((r) => r.version));
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      // A failing file rolls back whole, so a database is never left between two versions.
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query("INSERT INTO schema_migrations (version) VALUES ($1)", [m.version]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new SchemaVersionError(`migration ${m.version} failed: ${(error as Error).message}`);
      }
      applied.push(m.version);
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
  return applied;
}

/**
 * Resolves when the database has exactly the migrations this code ships; otherwise throws a
 * {@link SchemaVersionError} saying which are missing (or unknown) and how to fix it. Read-only,
 * so it runs against a replica too.
 */
export async function assertSchemaCurrent(pool: Pool, dir: string = MIGRATIONS_DIR): Promise<void> {
  const expected = (await readMigrations(dir)).map((m) => m.version);
  const table = await pool.query<{ exists: boolean }>("SELECT to_regclass('schema_migrations') IS NOT NULL AS exists");
  const found = table.rows[0]!.exists
    ? (await pool.query<{ version: string }>("SELECT version FROM schema_migrations ORDER BY version")).rows.map((r) => r.version)
    : [];
  const missing = expected.filter((v) => !found.includes(v));
  const unknown = found.filter((v) => !expected.includes(v));
  if (missing.length > 0) {
    throw new SchemaVersionError(
      `the database lacks migration(s) ${missing.join(", ")}; run \`npm run db:migrate\` (or \`npm run db:import\`) against the primary`,
    );
  }
  if (unknown.length > 0) {
    throw new SchemaVersionError(
      `the database has migration(s) ${unknown.join(", ")} that this version does not know; deploy the newer code`,
    );
  }
}
