// Caching headers for routers and CDNs (src/http/cacheHeaders.ts): clean answers may be shared for
// the configured time and GET answers carry an ETag that a conditional GET turns into 304 until a
// reload changes the store; answers with errors or to trace requests are never shared.
import { beforeAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../tools/generate/generate.js";
import { startTestServer, type TestServer } from "./harness.js";
import { testStore } from "./stores.js";

const corpus = generateCorpus({ articles: 20, seed: 4 });
const QUERY = `{ country(code: "JP") { name leaders { name } } }`;

let api: TestServer;
let uncached: TestServer;
beforeAll(async () => {
  [api, uncached] = await Promise.all([startTestServer(corpus, { cacheMaxAge: 30 }), startTestServer(corpus, { responseCache: false })]);
});

/** GETs an operation, with extra headers. */
function get(server: TestServer, query: string, headers: Record<string, string> = {}) {
  return fetch(`${server.url}?query=${encodeURIComponent(query)}`, { headers: { accept: "application/json", ...headers } });
}

describe("caching headers", () => {
  it("let a clean GET answer be shared for the configured time, with an ETag", async () => {
    const res = await get(api, QUERY);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=30");
    expect(res.headers.get("etag")).toMatch(/^W\/"[\w-]+"$/);
    expect(res.headers.get("vary")).toMatch(/Accept/);
    // The same on the next answer, whichever path (cache, compiled plan, Apollo) gave it.
    for (let i = 0; i < 3; i++) {
      const again = await get(api, QUERY);
      expect([again.headers.get("cache-control"), again.headers.get("etag")]).toEqual(["public, max-age=30", res.headers.get("etag")]);
    }
  });

  it("answer If-None-Match with 304 and no body, without executing", async () => {
    for (const server of [api, uncached]) {
      const etag = (await get(server, QUERY)).headers.get("etag")!;
      server.resetBatches();
      const res = await get(server, QUERY, { "if-none-match": etag });
      expect(res.status).toBe(304);
      expect(await res.text()).toBe("");
      expect(res.headers.get("etag")).toBe(etag);
      expect(server.batches).toEqual([]);
      // A tag of something else is not a match.
      expect((await get(server, QUERY, { "if-none-match": 'W/"other"' })).status).toBe(200);
    }
  });

  it("change the ETag when a reload changes the store", async () => {
    const etag = (await get(api, QUERY)).headers.get("etag")!;
    const previous = api.server.store();
    api.server.setStore(await testStore(corpus));
    try {
      const res = await get(api, QUERY, { "if-none-match": etag });
      expect(res.status).toBe(200);
      expect(res.headers.get("etag")).not.toBe(etag);
    } finally {
      api.server.setStore(previous);
    }
  });

  it("never let an answer with errors be shared", async () => {
    for (const query of [`{ articles(first: 1000) { totalCount } }`, `{ nope }`]) {
      const res = await get(api, query);
      expect(((await res.json()) as { errors?: unknown[] }).errors?.length).toBeGreaterThan(0);
      expect(res.headers.get("cache-control")).toBe("private, no-store");
      expect(res.headers.get("etag")).toBeNull();
    }
  });

  it("never let a traced answer be shared: its timings belong to one request", async () => {
    const res = await get(api, QUERY, { "apollo-federation-include-trace": "ftv1" });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.headers.get("etag")).toBeNull();
  });

  it("give POST answers a Cache-Control a router's entity cache can read", async () => {
    for (let i = 0; i < 2; i++) {
      const res = await fetch(api.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: QUERY }) });
      expect(res.headers.get("cache-control")).toBe("public, max-age=30");
    }
  });
});
