// What operators see: `/metrics` in Prometheus format (requests and latency by operation name,
// errors by code, DataLoader batch sizes), `/health` and `/ready`, and JSON log lines that
// carry the request id (the client's `x-request-id` when usable, echoed back) on every line of a request.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CORPUS_PATH } from "../src/ops/config.js";
import { loadCorpusFile } from "../src/corpus/load.js";
import { createLogger } from "../src/ops/logging.js";
import { startServer, type RunningServer } from "../src/server.js";
import { MemoryStore } from "../src/store/MemoryStore.js";
import { FAULT_MESSAGE, withFault } from "./faultyStore.js";

const ARTICLE = "kyodo-20251028-takaichi-trump-summit";
const lines: { level: number; msg: string; reqId?: string; [key: string]: unknown }[] = [];
let server: RunningServer;

beforeAll(async () => {
  server = await startServer({
    // The tariff list fails as a lost file would, so a request can meet a fault of the service.
    store: withFault(new MemoryStore(await loadCorpusFile(DEFAULT_CORPUS_PATH)), "listTariffs"),
    config: { port: 0, host: "127.0.0.1", production: true, maxPageSize: 100, maxBodyBytes: 64 * 1024 },
    logger: createLogger("info", { write: (line: string) => void lines.push(JSON.parse(line)) }),
  });
});

afterAll(() => server.stop());

async function post(body: unknown, headers: Record<string, string> = {}) {
  return fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

async function metrics(): Promise<string> {
  const res = await fetch(new URL("/metrics", server.url));
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/plain");
  return res.text();
}

/** The value of one sample in Prometheus text, 0 when absent. */
function sample(text: string, series: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe("/metrics", () => {
  it("counts requests and their latency by operation name, and DataLoader batch sizes", async () => {
    const before = await metrics();
    for (let i = 0; i < 3; i++) {
      // A comment makes each request distinct, so each one executes (a repeat may come from the response cache).
      const query = `query ArticlePage($id: ID!) { article(id: $id) { people { name } countries { name } } } # ${i} ${Date.now()}`;
      const res = await post({ query, variables: { id: ARTICLE } });
      expect(res.status).toBe(200);
    }
    await post({ query: `{ countries { code } }` });
    const after = await metrics();
    const delta = (series: string) => sample(after, series) - sample(before, series);
    expect(delta('graphql_requests_total{operation="ArticlePage"}')).toBe(3);
    expect(delta('graphql_request_duration_seconds_count{operation="ArticlePage"}')).toBe(3);
    expect(delta('graphql_request_duration_seconds_sum{operation="ArticlePage"}')).toBeGreaterThan(0);
    expect(delta('graphql_requests_total{operation="(anonymous)"}')).toBe(1);
    // Each ArticlePage loads the article's people (4 in the seed) in one batch of 4 keys.
    expect(delta('dataloader_batch_size_count{loader="person"}')).toBe(3);
    expect(delta('dataloader_batch_size_sum{loader="person"}')).toBe(12);
  });

  it("counts errors by their final code, limit codes and HTTP refusals included", async () => {
    const before = await metrics();
    await post({ query: `{ __type(name: "Article") { ${"ofType { ".repeat(20)}name${" }".repeat(20)} } }` });
    await post({ query: "{ countries { capital } }" });
    await post([{ query: "{ __typename }" }]);
    await post(JSON.stringify({ query: `{ ${"__typename ".repeat(40_000)}}` }));
    const after = await metrics();
    const delta = (code: string) =>
      sample(after, `graphql_errors_total{code="${code}"}`) - sample(before, `graphql_errors_total{code="${code}"}`);
    expect(delta("MAX_DEPTH_LIMIT")).toBe(1);
    expect(delta("GRAPHQL_VALIDATION_FAILED")).toBe(1);
    expect(delta("BAD_REQUEST")).toBe(1);
    expect(delta("PAYLOAD_TOO_LARGE")).toBe(1);
    expect(sample(after, 'graphql_requests_total{operation="(invalid)"}')).toBeGreaterThanOrEqual(2);
  });
});

describe("/health and /ready", () => {
  it("answers alive and ready while serving", async () => {
    expect(await (await fetch(new URL("/health", server.url))).json()).toEqual({ status: "ok" });
    expect(await (await fetch(new URL("/ready", server.url))).json()).toEqual({ status: "ready" });
  });
});

describe("request logs", () => {
  it("echoes a usable x-request-id and stamps it on every line of that request", async () => {
    lines.splice(0);
    // A fault of the service inside execution: the request logs an error line too.
    const res = await post({ query: `query Broken { tariffs { id } }` }, { "x-request-id": "trace-42" });
    expect(res.headers.get("x-request-id")).toBe("trace-42");
    await res.text();
    await new Promise((r) => setImmediate(r));
    const ofRequest = lines.filter((l) => l.reqId === "trace-42");
    expect(ofRequest.map((l) => l.msg)).toEqual(["unexpected error in a GraphQL request", "request completed"]);
    expect(ofRequest[0]).toMatchObject({ level: 50, operation: "Broken", err: { message: FAULT_MESSAGE } });
    expect(ofRequest[1]).toMatchObject({ level: 30, method: "POST", path: "/graphql", status: 200, operation: "Broken" });
    expect(lines.filter((l) => l.reqId !== "trace-42")).toEqual([]);
  });

  it("replaces an unusable x-request-id with a fresh one", async () => {
    const res = await post({ query: "{ __typename }" }, { "x-request-id": "x".repeat(500) });
    const id = res.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await res.text();
    await new Promise((r) => setImmediate(r));
    expect(lines.some((l) => l.reqId === id && l.msg === "request completed")).toBe(true);
  });
});
