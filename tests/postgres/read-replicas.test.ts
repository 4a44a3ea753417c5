// Read replicas for real: a hot standby streaming from the test server (pg_basebackup -R), and
// a PostgresStore given the primary plus two replica URLs, one of them down. Reads go to the
// standby, the dead replica costs no failed lookup, and the answers are the memory store's.
import { beforeAll, describe, expect, inject, it } from "vitest";
import pg from "pg";
import type { CorpusRecord } from "../../src/corpus/format.js";
import { generateCorpus } from "../../tools/generate/generate.js";
import { MemoryStore } from "../../src/store/MemoryStore.js";
import { PostgresStore } from "../../src/store/postgres/PostgresStore.js";
import { databaseUrl, TemporaryCluster } from "../../tools/cluster/TemporaryCluster.js";
import { onCleanup } from "../cleanup.js";
import { importedDatabase } from "./databases.js";

let corpus: CorpusRecord;
let standby: TemporaryCluster;
let store: PostgresStore;
let replicaUrl: string;

beforeAll(async () => {
  corpus = generateCorpus({ articles: 80, seed: 21, people: 40, agreements: 8, tariffs: 8 });
  const primaryUrl = await importedDatabase(corpus);
  // The standby is a copy of the whole server taken now: it holds the imported database.
  standby = await TemporaryCluster.standbyOf(inject("postgresUrl"));
  onCleanup(() => standby.stop());
  const database = new URL(primaryUrl).pathname.slice(1);
  replicaUrl = `${databaseUrl(standby.url, database)}?application_name=news-read-replica`;
  const deadReplica = `postgres://postgres@127.0.0.1:1/${database}`; // nothing listens on port 1
  store = await PostgresStore.open({ primary: primaryUrl, replicas: [replicaUrl, deadReplica] });
  onCleanup(() => store.close());
}, 120_000);

describe("a PostgresStore with read replicas", () => {
  it("reads from a real hot standby, and a replica that is down costs no failed lookup", async () => {
    const memory = new MemoryStore(corpus);
    const ids = corpus.articles.map((a) => a.id);
    // Enough lookups for the round robin to hand several to each replica, the dead one included.
    for (let i = 0; i < 6; i++) {
      expect(await store.articlesById(ids)).toEqual(await memory.articlesById(ids).then((list) => list.map(withoutNulls)));
      expect(await store.listArticles({}, { first: 10 })).toEqual(await memory.listArticles({}, { first: 10 }));
    }
    const check = new pg.Client({ connectionString: replicaUrl.replace("news-read-replica", "news-check") });
    await check.connect();
    const recovery = await check.query("SELECT pg_is_in_recovery() AS standby");
    const readers = await check.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'news-read-replica'");
    await check.end();
    expect(recovery.rows[0].standby).toBe(true); // a read-only replica, not a second primary
    expect(readers.rows[0].n).toBeGreaterThan(0); // the store's read pool is connected to it
  });
});

// Private: a record without its null-valued fields (the database keeps one NULL for absent and null).
function withoutNulls<T extends object>(record: T | null): Partial<T> | null {
  return record && (Object.fromEntries(Object.entries(record).filter(([, v]) => v !== null)) as Partial<T>);
}
