// `/metrics` as a dashboard reads it: every request counted, the ones the response cache answered
// included, hits and misses as their own series, and every series with known labels exported
// from the first scrape at zero (a rate() or an absent() alert works before the first event).
import { describe, expect, it } from "vitest";
import { cachedOperationName } from "../src/ops/metrics.js";
import { startTestServer } from "./harness.js";

/** Scrapes `/metrics` of the server at `url`. */
async function scrape(url: string): Promise<string> {
  return (await fetch(new URL("/metrics", url))).text();
}

/** The value of one series in Prometheus text, or undefined when it is not exported. */
function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("/metrics", () => {
  it("exports every series with known labels from start, at zero", async () => {
    const { url } = await startTestServer();
    const text = await scrape(url);
    for (const series of [
      'corpus_reloads_total{outcome="applied"}',
      'corpus_reloads_total{outcome="rejected"}',
      'graphql_response_cache_requests_total{result="hit"}',
      'graphql_response_cache_requests_total{result="miss"}',
      'graphql_errors_total{code="BAD_USER_INPUT"}',
      'graphql_errors_total{code="INTERNAL_SERVER_ERROR"}',
      'graphql_errors_total{code="MAX_DEPTH_LIMIT"}',
      'graphql_requests_total{operation="(anonymous)"}',
      'dataloader_batch_size_count{loader="person"}',
      'dataloader_batch_size_count{loader="article"}',
    ]) {
      expect(sample(text, series), series).toBe(0);
    }
  });

  it("counts five identical requests as five, four of them cache hits", async () => {
    const { url } = await startTestServer();
    const before = await scrape(url);
    for (let i = 0; i < 5; i++) {
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: `query CountryName { country(code: "JP") { name } }` }),
      });
      expect(await res.json()).toEqual({ data: { country: { name: "Japan" } } });
    }
    const after = await scrape(url);
    const delta = (series: string) => (sample(after, series) ?? 0) - (sample(before, series) ?? 0);
    expect(delta('graphql_requests_total{operation="CountryName"}')).toBe(5);
    expect(delta('graphql_request_duration_seconds_count{operation="CountryName"}')).toBe(5);
    expect(delta('graphql_response_cache_requests_total{result="hit"}')).toBe(4);
    expect(delta('graphql_response_cache_requests_total{result="miss"}')).toBe(1);
  });

  it("with the response cache off, counts every request and no hit", async () => {
    const { url } = await startTestServer(undefined, { responseCache: false });
    for (let i = 0; i < 3; i++) {
      await fetch(`${url}?query=${encodeURIComponent("{ countries { code } }")}`, { headers: { accept: "application/json" } });
    }
    const text = await scrape(url);
    expect(sample(text, 'graphql_requests_total{operation="(anonymous)"}')).toBe(3);
    expect(sample(text, 'graphql_response_cache_requests_total{result="hit"}')).toBe(0);
  });
});

describe("the operation name of a cached answer", () => {
  const post = (body: unknown) => ({ method: "POST", search: "", body: JSON.stringify(body) });
  it.each([
    [
      "a named operation",
      post({ query: "query ArticlePage($id: ID!) {\n  article(id: $id) { id }\n}", variables: { id: "x" } }),
      "ArticlePage",
    ],
    ["operationName", post({ query: "query A { a } query B { b }", operationName: "B" }), "B"],
    ["a shorthand query", post({ query: "{ countries { code } }" }), null],
    ["an unnamed query", post({ query: "query {\n countries { code } }" }), null],
    ["a GET", { method: "GET", search: `?query=${encodeURIComponent("query Q { a }")}` }, "Q"],
    ["a document opening with a comment", post({ query: "# why\nquery Q { a }" }), "(cached)"],
  ])("is read from %s", (_name, request, expected) => {
    expect(cachedOperationName(request)).toBe(expected);
  });
});
