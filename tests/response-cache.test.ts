// The whole-response cache's contract (src/http/responseCache.ts): a repeated request gets the same bytes
// without executing, a reload empties it, and answers with errors, traces or another media type are
// never confused with a stored answer.
import { beforeAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../tools/generate/generate.js";
import { MemoryStore } from "../src/store/MemoryStore.js";
import { startTestServer, type TestServer } from "./harness.js";

const corpus = generateCorpus({ articles: 30, seed: 5 });
const ARTICLE = `query($id: ID!) { article(id: $id) { id headline people { name } countries { code } } }`;
const id = corpus.articles[0]!.id;

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer(corpus, { responseCache: true });
});

/** POSTs an operation with extra headers; returns status, content type and body as sent. */
async function post(body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(api.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, type: res.headers.get("content-type"), body: await res.text() };
}

describe("the response cache", () => {
  it("answers a repeated request with the same bytes and without executing it", async () => {
    const first = await post({ query: ARTICLE, variables: { id } });
    api.resetBatches();
    const second = await post({ query: ARTICLE, variables: { id } });
    expect(second).toEqual(first);
    expect(JSON.parse(second.body).data.article.id).toBe(id);
    expect(api.batches).toEqual([]);
  });

  it("executes a request that differs in its variables", async () => {
    await post({ query: ARTICLE, variables: { id } });
    api.resetBatches();
    const other = await post({ query: ARTICLE, variables: { id: corpus.articles[1]!.id } });
    expect(JSON.parse(other.body).data.article.id).toBe(corpus.articles[1]!.id);
    expect(api.batches.length).toBeGreaterThan(0);
  });

  it("forgets everything when the corpus is reloaded", async () => {
    const query = `{ articles(first: 1) { totalCount } }`;
    expect(JSON.parse((await post({ query })).body).data.articles.totalCount).toBe(30);
    const previous = api.server.store();
    api.server.setStore(new MemoryStore(generateCorpus({ articles: 12, seed: 5 })));
    try {
      expect(JSON.parse((await post({ query })).body).data.articles.totalCount).toBe(12);
    } finally {
      api.server.setStore(previous);
    }
    expect(JSON.parse((await post({ query })).body).data.articles.totalCount).toBe(30);
  });

  it("never stores an answer with errors", async () => {
    const query = `{ article(id: "${id}") { id } articles(first: 100000) { totalCount } }`;
    const first = await post({ query });
    expect(JSON.parse(first.body).errors[0].extensions.code).toBe("BAD_USER_INPUT");
    api.resetBatches();
    await post({ query });
    expect(api.batches.filter((b) => b.loader === "article")).toHaveLength(1);
  });

  it("keeps answers apart by the media type the client accepts", async () => {
    const body = { query: ARTICLE, variables: { id } };
    const json = await post(body, { accept: "application/json" });
    const graphqlJson = await post(body, { accept: "application/graphql-response+json" });
    expect(json.type).toContain("application/json");
    expect(graphqlJson.type).toContain("application/graphql-response+json");
    expect((await post(body, { accept: "application/json" })).type).toBe(json.type);
  });

  it("never answers a federated trace request from the cache", async () => {
    const body = { query: ARTICLE, variables: { id } };
    await post(body);
    const traced = JSON.parse((await post(body, { "apollo-federation-include-trace": "ftv1" })).body);
    expect(typeof traced.extensions?.ftv1).toBe("string");
  });
});
