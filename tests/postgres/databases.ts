// Fresh PostgreSQL databases for tests: each caller gets its own database on the run's server
// (test files run in parallel), filled by the real import path and dropped after the file.
import { inject } from "vitest";
import pg from "pg";
import type { CorpusRecord } from "../../src/corpus/format.js";
import { corpusItems, importCorpus } from "../../tools/import/importCorpus.js";
import { PostgresStore } from "../../src/store/postgres/PostgresStore.js";
import { createDatabase } from "../../tools/cluster/TemporaryCluster.js";
import { onCleanup } from "../cleanup.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** URL of a database on the run's PostgreSQL server, as a superuser; set by globalSetup.ts. */
    postgresUrl: string;
  }
}

let created = 0;

/** Creates an empty database for this test file and drops it after the file; returns its URL. */
export async function freshDatabase(): Promise<string> {
  const server = inject("postgresUrl");
  const name = `test_${process.pid}_${++created}_${Math.random().toString(36).slice(2, 8)}`;
  const url = await createDatabase(server, name);
  onCleanup(async () => {
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });
  return url;
}

/** Imports `corpus` into a fresh database with the real importer and returns the URL. */
export async function importedDatabase(corpus: CorpusRecord): Promise<string> {
  const url = await freshDatabase();
  const pool = new pg.Pool({ connectionString: url });
  try {
    await importCorpus(pool, corpusItems(corpus), { batchSize: 250 });
  } finally {
    await pool.end();
  }
  return url;
}

/** A PostgresStore over `corpus` in a fresh database, closed after the test file. */
export async function postgresStoreOf(corpus: CorpusRecord): Promise<PostgresStore> {
  const store = await PostgresStore.open({ primary: await importedDatabase(corpus) });
  onCleanup(() => store.close());
  return store;
}
