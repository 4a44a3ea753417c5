// Histories in PostgreSQL: importing a corpus whose tariff gained an observation rewrites that
// tariff's rows without duplicating any, importing it again writes nothing, and a database
// imported before the histories migration gets its rows from the records when it migrates.
import pg from "pg";
import { describe, expect, it } from "vitest";
import type { CorpusRecord } from "../../src/corpus/format.js";
import { MemoryStore } from "../../src/store/MemoryStore.js";
import { PostgresStore } from "../../src/store/postgres/PostgresStore.js";
import { migrate } from "../../src/store/postgres/migrate.js";
import { corpusItems, importCorpus } from "../../tools/import/importCorpus.js";
import { emptyCorpus, ingestTexts } from "../../tools/ingest/pipeline.js";
import { seedCorpus } from "../harness.js";
import { freshDatabase } from "./databases.js";

const text = (dateline: string, body: string) => `Copyright Tiny Wire\n\n${dateline} - ${body}\n`;
const APRIL = text(
  "WASHINGTON",
  "The United States raised its tariff on Japanese automobiles to 27.5 percent from 2.5 percent on Thursday. Carmakers in Japan warned of lost sales.",
);
const SEPTEMBER = text(
  "TOKYO",
  "The United States cut its tariff on Japanese automobiles to 15 percent from 27.5 percent on Tuesday. Toyota welcomed the cut.",
);

/** Imports a corpus into the database with the real importer; returns how many records were new or changed. */
async function importInto(url: string, corpus: CorpusRecord): Promise<number> {
  const pool = new pg.Pool({ connectionString: url });
  try {
    return (await importCorpus(pool, corpusItems(corpus), { batchSize: 50 })).changed;
  } finally {
    await pool.end();
  }
}

/** Rows of a table, as JSON lines sorted, for comparing whole tables. */
async function rowsOf(url: string, sql: string): Promise<unknown[]> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    return (await db.query(sql)).rows;
  } finally {
    await db.end();
  }
}

describe("db:import and histories", () => {
  it("rewrites a tariff's observations when its history grows, never duplicating one, and a rerun writes nothing", async () => {
    const url = await freshDatabase();
    const april = ingestTexts(emptyCorpus(), [{ file: "april.txt", text: APRIL }], { published: "2025-04-03" }).corpus;
    const both = ingestTexts(april, [{ file: "september.txt", text: SEPTEMBER }], { published: "2025-09-16" }).corpus;
    const count = "SELECT tariff_id, count(*)::int AS n FROM tariff_changes GROUP BY tariff_id ORDER BY tariff_id";

    await importInto(url, april);
    expect(await rowsOf(url, count)).toEqual([{ tariff_id: "us-tariff-japan-automobiles", n: 1 }]);
    await importInto(url, both);
    expect(await rowsOf(url, count)).toEqual([{ tariff_id: "us-tariff-japan-automobiles", n: 2 }]);
    const before = await rowsOf(url, "SELECT * FROM tariff_changes ORDER BY tariff_id, ord");
    expect(await importInto(url, both)).toBe(0);
    expect(await rowsOf(url, "SELECT * FROM tariff_changes ORDER BY tariff_id, ord")).toEqual(before);

    const store = await PostgresStore.open({ primary: url });
    try {
      const ids = both.tariffs.map((t) => t.id);
      expect(await store.tariffHistories(ids)).toEqual(await new MemoryStore(both).tariffHistories(ids));
    } finally {
      await store.close();
    }
  });

  it("gives entities imported before the histories migration their rows when it runs", async () => {
    const url = await freshDatabase();
    const corpus = await seedCorpus();
    // The seed's auto tariff has no history: its rate fields stand for one step. Give the
    // agreement a status step too, so both tables have something to fill.
    corpus.agreements[0]!.history = [{ status: "FRAMEWORK", effective: "2025-07", evidence: corpus.agreements[0]!.evidence[0]! }];
    await importInto(url, corpus);
    const tariffRows = "SELECT * FROM tariff_changes ORDER BY tariff_id, ord";
    const agreementRows = "SELECT * FROM agreement_status_changes ORDER BY agreement_id, ord";
    const imported = { tariffs: await rowsOf(url, tariffRows), agreements: await rowsOf(url, agreementRows) };
    expect(imported.tariffs).toHaveLength(1);
    expect(imported.agreements).toHaveLength(1);

    // Back to the schema before the migration, the records as the older importer left them.
    await rowsOf(
      url,
      `DROP TABLE tariff_changes, agreement_status_changes; ALTER TABLE articles DROP COLUMN unresolved;
       DELETE FROM schema_migrations WHERE version = '004_histories'`,
    );
    const pool = new pg.Pool({ connectionString: url });
    try {
      expect(await migrate(pool)).toEqual(["004_histories"]);
    } finally {
      await pool.end();
    }
    expect({ tariffs: await rowsOf(url, tariffRows), agreements: await rowsOf(url, agreementRows) }).toEqual(imported);
  });
});
