// A PostgreSQL outage as clients see it, on a throwaway cluster of its own and a spawned server:
// while the database is stopped, or frozen (SIGSTOP, a hung host), a query that needs it fails
// within the configured timeouts as SERVICE_UNAVAILABLE with HTTP 503 and Retry-After, `/ready`
// answers 503 and `/metrics` counts the failures; once the database is back, service resumes by itself.
import { beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { corpusItems, importCorpus } from "../../tools/import/importCorpus.js";
import { TemporaryCluster } from "../../tools/cluster/TemporaryCluster.js";
import { onCleanup } from "../cleanup.js";
import { seedCorpus } from "../harness.js";
import { startServerProcess, until, type ServerProcess } from "../serverProcess.js";

const CONNECT_TIMEOUT_MS = 1000;
const STATEMENT_TIMEOUT_MS = 1500;
/** The longest a failing query may take by the configuration: connect, then the client's statement bound. */
const FAILS_WITHIN_MS = CONNECT_TIMEOUT_MS + STATEMENT_TIMEOUT_MS + 1000;
/** Allowance for a loaded machine. */
const MARGIN_MS = 4000;

let cluster: TemporaryCluster;
let server: ServerProcess;

beforeAll(async () => {
  cluster = await TemporaryCluster.start();
  onCleanup(() => cluster.stop());
  const url = await cluster.createDatabase("news");
  const pool = new pg.Pool({ connectionString: url });
  try {
    await importCorpus(pool, corpusItems(await seedCorpus()), { batchSize: 250 });
  } finally {
    await pool.end();
  }
  server = await startServerProcess({
    STORE: "postgres",
    DATABASE_URL: url,
    DATABASE_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
    DATABASE_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
    RESPONSE_CACHE: "off",
  });
}, 120_000);

/** Asks for the countries; returns status, Retry-After, the body and how long it took. */
async function countries() {
  const started = Date.now();
  const res = await fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ countries { code } }" }),
  });
  const body = (await res.json()) as {
    data?: { countries: unknown[] } | null;
    errors?: { message: string; extensions: Record<string, unknown> }[];
  };
  return { status: res.status, retryAfter: res.headers.get("retry-after"), body, tookMs: Date.now() - started };
}

const readyStatus = async () => (await fetch(`${server.origin}/ready`)).status;

async function unavailableCount(): Promise<number> {
  const text = await (await fetch(`${server.origin}/metrics`)).text();
  return Number(/^graphql_errors_total\{code="SERVICE_UNAVAILABLE"\} (\d+)/m.exec(text)?.[1] ?? 0);
}

/** Waits until queries and `/ready` succeed again, with no restart of the service. */
async function recovered() {
  const answer = await until(async () => {
    const a = await countries();
    return a.status === 200 && !a.body.errors ? a : undefined;
  });
  expect(answer.body.data!.countries.length).toBeGreaterThan(0);
  await until(async () => (await readyStatus()) === 200);
}

describe("a PostgreSQL outage", () => {
  it("stopped: 503 with Retry-After and SERVICE_UNAVAILABLE, /ready 503, counted; back by itself after a restart", async () => {
    expect((await countries()).status).toBe(200);
    expect(await readyStatus()).toBe(200);
    const before = await unavailableCount();

    await cluster.halt();
    const answer = await countries();
    expect(answer.status).toBe(503);
    expect(answer.retryAfter).toBe("5");
    expect(answer.body.data ?? null).toBeNull();
    expect(answer.body.errors![0]!.extensions).toMatchObject({ code: "SERVICE_UNAVAILABLE", reason: "unreachable" });
    expect(answer.body.errors![0]!.message).not.toMatch(/127\.0\.0\.1|ECONN|postgres/i); // no internals
    expect(answer.tookMs).toBeLessThan(FAILS_WITHIN_MS + MARGIN_MS);
    await until(async () => (await readyStatus()) === 503);
    expect(await unavailableCount()).toBeGreaterThan(before);

    await cluster.restart();
    await recovered();
  }, 90_000);

  it("frozen (SIGSTOP): fails within the configured timeouts instead of hanging, /ready 503; back by itself after SIGCONT", async () => {
    cluster.freeze();
    try {
      const answer = await countries();
      expect(answer.status).toBe(503);
      expect(answer.retryAfter).toBe("5");
      expect(answer.body.errors![0]!.extensions!.code).toBe("SERVICE_UNAVAILABLE");
      expect(answer.tookMs).toBeLessThan(FAILS_WITHIN_MS + MARGIN_MS);
      await until(async () => (await readyStatus()) === 503);
    } finally {
      cluster.thaw();
    }
    await recovered();
  }, 90_000);
});
