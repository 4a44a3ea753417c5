// Memory is bounded by bytes wherever a request can add to it. The pattern that crashed the
// service (distinct requests, each carrying a large unused variable) is sent to a real process,
// whose resident memory is read from /proc; and variables too large or too deep are refused with
// BAD_USER_INPUT naming the limit, never a 500.
import { beforeAll, describe, expect, it } from "vitest";
import { residentBytes, startServerProcess, type ServerProcess } from "./serverProcess.js";
import { startTestServer, type TestServer } from "./harness.js";

/** Size of the unused variable each request carries: the fault run's ~900 KB. */
const PAD_BYTES = 900 * 1024;
/** Distinct requests sent: before the fix each left ~1.8 MB behind (cache key + cost memo key), 270 MB in all. */
const REQUESTS = 150;
/**
 * The bound the test holds the process to: its RSS may grow by at most this much over the RSS it
 * had after a warm-up of the same requests. The cache is capped at 1 MB and every memo holds
 * digests, so what remains is garbage the collector has not returned yet.
 */
const GROWTH_BOUND_BYTES = 128 * 2 ** 20;

describe("distinct requests with large unused variables", () => {
  let server: ServerProcess;
  beforeAll(async () => {
    // Variables up to 2 MiB accepted, so the requests reach the cache and the cost memo (the
    // default variables limit would refuse them before either).
    server = await startServerProcess({
      RESPONSE_CACHE_MB: "1",
      MAX_VARIABLES_BYTES: String(2 * 2 ** 20),
      MAX_BODY_BYTES: String(2 * 2 ** 20),
    });
  }, 60_000);

  it(`keep the process's RSS within ${GROWTH_BOUND_BYTES / 2 ** 20} MB of its warmed-up size`, async () => {
    let sent = 0;
    const send = async () => {
      const n = sent++;
      const res = await fetch(server.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ countries { code } }", variables: { pad: `${n}:`.padEnd(PAD_BYTES, "x") } }),
      });
      const body = (await res.json()) as { data?: { countries: unknown[] } };
      expect(res.status).toBe(200);
      expect(body.data?.countries.length).toBeGreaterThan(0);
    };
    const run = async (count: number, clients: number) => {
      const until = sent + count;
      await Promise.all(
        Array.from({ length: clients }, async () => {
          while (sent < until) await send();
        }),
      );
    };
    await run(30, 4);
    const warmed = residentBytes(server.pid);
    let peak = warmed;
    const sampler = setInterval(() => (peak = Math.max(peak, residentBytes(server.pid))), 50);
    try {
      await run(REQUESTS, 4);
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, residentBytes(server.pid));
    console.log(`RSS after warm-up ${(warmed / 2 ** 20).toFixed(0)} MB, peak over ${REQUESTS} requests ${(peak / 2 ** 20).toFixed(0)} MB`);
    expect(peak - warmed).toBeLessThan(GROWTH_BOUND_BYTES);
    expect(server.child.exitCode).toBeNull();
  }, 600_000);
});

describe("the variables limits", () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer(undefined, { maxVariablesBytes: 4096, maxVariablesDepth: 8 });
  });

  // Written as text: JSON.stringify itself overflows the stack on such values.
  const nested = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;
  const post = async (variablesJson: string) => {
    const res = await fetch(api.url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
      body: `{"query": "{ countries { code } }", "variables": ${variablesJson}}`,
    });
    return { status: res.status, ...((await res.json()) as { data?: any; errors?: { message: string; extensions: object }[] }) };
  };

  it.each([
    ["5,000 levels deep", 5_000],
    ["100,000 levels deep", 100_000],
    ["one level over the limit (the variables object is the first)", 8],
  ])("refuse variables %s with BAD_USER_INPUT naming the depth limit", async (_, depth) => {
    const answer = await post(`{"x": ${nested(depth)}}`);
    expect(answer.status).toBe(400);
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", limit: "variablesDepth", max: 8 });
    expect(answer.errors![0]!.message).toContain("limit of 8 levels");
  });

  it("refuse an unused variable over the size limit with BAD_USER_INPUT naming it", async () => {
    const answer = await api.query(`{ countries { code } }`, { pad: "x".repeat(5000) });
    expect(answer.status).toBe(400);
    expect(answer.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", limit: "variablesBytes", max: 4096 });
    expect(answer.errors![0]!.message).toContain("4096 bytes");
  });

  it("let variables at the limits through", async () => {
    const answer = await post(`{"pad": "${"x".repeat(4000)}", "deep": ${nested(7)}}`);
    expect(answer.errors).toBeUndefined();
    expect(answer.data.countries.length).toBeGreaterThan(0);
  });
});
