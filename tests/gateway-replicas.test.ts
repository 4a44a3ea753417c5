// Replicas behind the gateway, as `npm run gateway -- --replicas 2` runs them: two news
// subgraph processes (over the memory store, or one shared PostgreSQL database in the postgres
// project) behind @apollo/gateway. Queries are spread over both, and every query keeps
// succeeding, with the same answers, after one replica is stopped.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { CorpusRecord } from "../src/corpus/format.js";
import { writeCorpusFile } from "../tools/generate/generate.js";
import { loadCorpusFile } from "../src/corpus/load.js";
import { startNewsReplicas, type NewsReplica } from "../tools/gateway/newsReplicas.js";
import { startGateway } from "../tools/gateway/startGateway.js";
import { SUPERGRAPH_FILE } from "../tools/gateway/subgraphs.js";
import { onCleanup } from "./cleanup.js";
import { importedDatabase } from "./postgres/databases.js";
import { isRunning } from "./processes.js";
import { testStoreKind } from "./stores.js";

const ARTICLE = `query($id: ID!) { article(id: $id) { id headline publishedAt people { id name } countries { code name } } }`;

let corpus: CorpusRecord;
let replicas: NewsReplica[];
let gatewayUrl: string;
const sentTo: string[] = [];

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), "replicas-"));
  onCleanup(() => rm(dir, { recursive: true, force: true }));
  const corpusPath = join(dir, "corpus.json");
  await writeCorpusFile(corpusPath, { articles: 40, seed: 9, people: 30, agreements: 5, tariffs: 5 });
  corpus = await loadCorpusFile(corpusPath);
  const env: NodeJS.ProcessEnv =
    testStoreKind() === "postgres"
      ? { STORE: "postgres", DATABASE_URL: await importedDatabase(corpus) }
      : { STORE: "memory", CORPUS_PATH: corpusPath };
  replicas = await startNewsReplicas(2, { env });
  onCleanup(() => Promise.all(replicas.map((r) => r.stop())));
  const gateway = await startGateway({
    supergraphSdl: await readFile(SUPERGRAPH_FILE, "utf8"),
    subgraphUrls: { news: replicas.map((r) => r.url) },
    onSubgraphRequest: (_subgraph, _request, url) => sentTo.push(url),
  });
  onCleanup(() => gateway.stop());
  gatewayUrl = gateway.url;
}, 180_000);

/** Asks the gateway for article `i` of the corpus; returns the HTTP status and the parsed answer. */
async function askForArticle(i: number) {
  const res = await fetch(gatewayUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: ARTICLE, variables: { id: corpus.articles[i % corpus.articles.length]!.id } }),
  });
  return { status: res.status, body: (await res.json()) as { data?: any; errors?: unknown[] } };
}

describe("npm run gateway -- --replicas 2", () => {
  it("starts two replica processes on their own ports and spreads queries over both", async () => {
    expect(new Set(replicas.map((r) => r.url)).size).toBe(2);
    expect(new Set(replicas.map((r) => r.process.pid)).size).toBe(2);
    sentTo.splice(0);
    for (let i = 0; i < 6; i++) {
      const { status, body } = await askForArticle(i);
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      expect(body.data.article.id).toBe(corpus.articles[i]!.id);
    }
    expect(new Set(sentTo)).toEqual(new Set(replicas.map((r) => r.url)));
  });

  it("keeps answering every query, identically, while one replica is stopped", async () => {
    const before = await Promise.all(Array.from({ length: 10 }, (_, i) => askForArticle(i)));
    await replicas[0]!.stop();
    expect(replicas[0]!.process.exitCode ?? replicas[0]!.process.signalCode).not.toBeNull();
    expect(isRunning(replicas[0]!.process.pid!)).toBe(false); // gone, not left behind
    sentTo.splice(0);
    for (let i = 0; i < 10; i++) {
      const after = await askForArticle(i);
      expect(after.status).toBe(200);
      expect(after.body.errors).toBeUndefined();
      expect(after.body.data).toEqual(before[i]!.body.data);
    }
    // Every query was answered by the replica still up (the stopped one is only retried after its cooldown).
    expect(sentTo.filter((url) => url === replicas[1]!.url).length).toBeGreaterThanOrEqual(10);
  });
});
