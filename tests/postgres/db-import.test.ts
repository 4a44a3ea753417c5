// `npm run db:import` against a real PostgreSQL: it imports a corpus file whole, a second run
// changes nothing and duplicates nothing, a bad file writes nothing, and a batch that fails
// midway leaves no article without its links (counts stay true); a rerun then completes it.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDbImport } from "../../scripts/db-import.js";
import type { CorpusRecord } from "../../src/corpus/format.js";
import { writeCorpusFile } from "../../tools/generate/generate.js";
import { loadCorpusFile } from "../../src/corpus/load.js";
import { FileChangedError } from "../../src/corpus/fileVersion.js";
import { checkCorpusFileVersion, checkedCorpusFileItems, corpusFileItems, importCorpus } from "../../tools/import/importCorpus.js";
import { freshDatabase } from "./databases.js";

let dir: string;
let corpusFile: string;
let corpus: CorpusRecord;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "db-import-"));
  corpusFile = join(dir, "corpus.json");
  await writeCorpusFile(corpusFile, { articles: 150, seed: 5, people: 60, agreements: 12, tariffs: 12 });
  corpus = await loadCorpusFile(corpusFile);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Runs the command as `npm run db:import -- …args` would, capturing what it prints. */
async function importCommand(databaseUrl: string, ...args: string[]) {
  let stdout = "";
  let stderr = "";
  const sink = (append: (s: string) => void) => ({ write: (s: string | Uint8Array) => (append(String(s)), true) });
  const code = await runDbImport(
    ["--corpus", corpusFile, "--database-url", databaseUrl, ...args],
    {},
    {
      stdout: sink((s) => (stdout += s)),
      stderr: Object.assign(
        sink((s) => (stderr += s)),
        { isTTY: false },
      ) as unknown as NodeJS.WritableStream,
    },
  );
  return { code, stdout, stderr };
}

/** What the database holds, and whether its counters agree with its rows. */
async function inventory(url: string) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const one = async (sql: string) => Number((await db.query(sql)).rows[0].n);
    const expectedLinks = corpus.articles.reduce((n, a) => n + new Set(a.mentions.map((m) => `${m.entityType}:${m.entityId}`)).size, 0);
    return {
      articles: await one("SELECT count(*) AS n FROM articles"),
      people: await one("SELECT count(*) AS n FROM people"),
      links: await one("SELECT count(*) AS n FROM article_entities"),
      expectedLinks,
      articlesWithoutLinks: await one(
        "SELECT count(*) AS n FROM articles a WHERE jsonb_array_length(a.mentions) > 0 AND NOT EXISTS (SELECT 1 FROM article_entities e WHERE e.article_id = a.id)",
      ),
      articleCounter: await one("SELECT articles AS n FROM article_count"),
      wrongEntityCounters: await one(
        `SELECT count(*) AS n FROM (SELECT entity_type, entity_id, count(*) AS c FROM article_entities GROUP BY 1, 2) t
           FULL JOIN entity_article_counts c USING (entity_type, entity_id) WHERE t.c IS DISTINCT FROM c.articles`,
      ),
      imports: await one("SELECT count(*) AS n FROM imports"),
    };
  } finally {
    await db.end();
  }
}

describe("npm run db:import", () => {
  it("imports every record, and a second run changes and duplicates nothing", async () => {
    const url = await freshDatabase();
    const first = await importCommand(url, "--batch-size", "40");
    expect(first.stderr).not.toMatch(/failed|Invalid/);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/150 articles, 60 people/);
    const after1 = await inventory(url);
    expect(after1).toMatchObject({
      articles: 150,
      people: 60,
      articlesWithoutLinks: 0,
      articleCounter: 150,
      wrongEntityCounters: 0,
      imports: 1,
    });
    expect(after1.links).toBe(after1.expectedLinks);

    const second = await importCommand(url, "--batch-size", "40");
    expect(second.code).toBe(0);
    expect(second.stdout).toContain("0 records new or changed");
    expect(await inventory(url)).toEqual({ ...after1, imports: 2 });
  });

  it("writes nothing from an invalid file and prints the loader's own CorpusError", async () => {
    const url = await freshDatabase();
    const broken = structuredClone(corpus);
    broken.articles[120]!.mentions[0]!.entityId = "nobody-at-all";
    await writeFile(`${corpusFile}.bad.json`, JSON.stringify(broken));
    const loaderMessage = await loadCorpusFile(`${corpusFile}.bad.json`).then(
      () => "accepted",
      (error: Error) => error.message,
    );
    expect(loaderMessage).toContain("does not exist");
    let stderr = "";
    const code = await runDbImport(
      ["--corpus", `${corpusFile}.bad.json`, "--database-url", url],
      {},
      {
        stdout: { write: () => true },
        stderr: Object.assign({ write: (s: string) => ((stderr += s), true) }, { isTTY: false }) as unknown as NodeJS.WritableStream,
      },
    );
    expect(code).toBe(1);
    expect(stderr).toContain(loaderMessage);
    expect(stderr).toContain("Nothing was imported.");
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    const tables = await db.query("SELECT to_regclass('articles') AS t");
    await db.end();
    expect(tables.rows[0].t).toBeNull(); // not even migrated: the check runs before any write
  });

  it("refuses a file that gives a section twice, writing nothing (JSON.parse would keep the last)", async () => {
    const url = await freshDatabase();
    const file = `${corpusFile}.twice.json`;
    await writeFile(file, `{"articles":[${JSON.stringify(corpus.articles[0])}],${JSON.stringify(corpus).slice(1)}`);
    expect((await loadCorpusFile(file)).articles).toHaveLength(150); // valid to the loader
    let stderr = "";
    const code = await runDbImport(
      ["--corpus", file, "--database-url", url],
      {},
      {
        stdout: { write: () => true },
        stderr: Object.assign({ write: (s: string) => ((stderr += s), true) }, { isTTY: false }) as unknown as NodeJS.WritableStream,
      },
    );
    expect(code).toBe(1);
    expect(stderr).toContain("at $.articles: the key appears more than once; db:import needs each section once");
    expect(stderr).toContain("Nothing was imported.");
  });

  it("refuses bad arguments with the usage and exit code 2", async () => {
    const code = await runDbImport(
      ["--batch-size", "0"],
      {},
      { stdout: { write: () => true }, stderr: { write: () => true } as unknown as NodeJS.WritableStream },
    );
    expect(code).toBe(2);
  });
});

describe("a batch that fails midway", () => {
  it("leaves no article without its links, and a rerun completes the import", async () => {
    const url = await freshDatabase();
    // The importer gives up on a lock after 200 ms; another session holds the link table.
    const importer = new pg.Pool({ connectionString: url, options: "-c lock_timeout=200", max: 2 });
    await importCorpus(importer, []); // migrate
    const blocker = new pg.Client({ connectionString: url });
    await blocker.connect();
    // Once two article batches have committed, another session locks the link table: the third
    // batch writes its articles, then stalls on their links and fails. A real server error.
    const failure = await importCorpus(importer, corpusFileItems(corpusFile), {
      batchSize: 50,
      onBatch: async (s) => {
        if (s.read.articles === 100) {
          await blocker.query("BEGIN");
          await blocker.query("LOCK TABLE article_entities IN ACCESS EXCLUSIVE MODE");
        }
      },
    }).then(
      () => null,
      (error: Error) => error,
    );
    await blocker.query("ROLLBACK");
    await blocker.end();
    expect(failure?.message).toMatch(/lock timeout/);
    const halfway = await inventory(url);
    expect(halfway).toMatchObject({ articles: 100, articlesWithoutLinks: 0, articleCounter: 100, wrongEntityCounters: 0, people: 60 });

    await importCorpus(importer, corpusFileItems(corpusFile), { batchSize: 50 });
    await importer.end();
    const done = await inventory(url);
    expect(done).toMatchObject({ articles: 150, articlesWithoutLinks: 0, articleCounter: 150, wrongEntityCounters: 0 });
    expect(done.links).toBe(done.expectedLinks);
  });
});

describe("a file changed after its check", () => {
  it("writes none of its records and says the file changed", async () => {
    const url = await freshDatabase();
    const file = join(dir, "changing.json");
    await writeFile(file, JSON.stringify(corpus));
    const checked = await checkCorpusFileVersion(file);
    expect(checked.counts.articles).toBe(150);
    // The same length, one byte different: only the file's times tell the versions apart.
    const changed = JSON.stringify(corpus).replace(`"${corpus.articles[0]!.id}"`, `"${corpus.articles[0]!.id.replace(/.$/, "Z")}"`);
    expect(changed.length).toBe(JSON.stringify(corpus).length);
    // Linux before 6.13 stamps files in clock ticks (a few ms): step past the check's tick, as
    // any real edit after a check would be.
    await new Promise((resolve) => setTimeout(resolve, 20));
    await writeFile(file, changed);
    const pool = new pg.Pool({ connectionString: url });
    const failure = await importCorpus(pool, checkedCorpusFileItems(checked)).then(
      () => null,
      (error: Error) => error,
    );
    await pool.end();
    expect(failure).toBeInstanceOf(FileChangedError);
    expect(failure?.message).toBe(`${file} changed since it was checked (it was written to)`);
    expect(await inventory(url)).toMatchObject({ articles: 0, people: 0, links: 0, imports: 0 });
  });
});

it("keeps text with tabs, newlines, backslashes and quotes exact through COPY", async () => {
  // Guards the COPY encoding: tabs, newlines, backslashes and quotes in text survive.
  const url = await freshDatabase();
  const tiny = JSON.parse(readFileSync("tests/fixtures/tiny-corpus.json", "utf8"));
  tiny.articles[0].headline = 'Tabs\tand\nnewlines, a back\\slash and "quotes"';
  const file = join(dir, "tiny.json");
  await writeFile(file, JSON.stringify(tiny));
  const pool = new pg.Pool({ connectionString: url });
  await importCorpus(pool, corpusFileItems(file));
  const { rows } = await pool.query("SELECT headline, mentions FROM articles WHERE id = $1", [tiny.articles[0].id]);
  await pool.end();
  expect(rows[0].headline).toBe(tiny.articles[0].headline);
  expect(rows[0].mentions).toEqual(tiny.articles[0].mentions);
});
