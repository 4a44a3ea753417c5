// What an error looks like on the wire: every error, however it arose, has an extensions.code;
// in production (NODE_ENV=production) none carries a stack trace or a file path, and unexpected
// errors are reduced to "Internal server error" (the log keeps the cause).
import { beforeAll, describe, expect, it } from "vitest";
import { FAULT_MESSAGE, withFault } from "./faultyStore.js";
import { startTestServer, type TestServer } from "./harness.js";

let production: TestServer;
let development: TestServer;

beforeAll(async () => {
  // The developer who asks for stack traces on the wire (DEBUG_ERRORS=on); without it they stay in the logs (error-debug.test.ts).
  [production, development] = await Promise.all([
    startTestServer(undefined, { production: true }),
    startTestServer(undefined, { debugErrors: true }),
  ]);
  // The tariff list fails as a lost file would: the one way a request meets a fault of the service.
  for (const { server } of [production, development]) server.setStore(withFault(server.store(), "listTariffs"));
});

// Requests that fail at every stage: HTTP, parse, validation, limits, variables, execution.
const FAILING: [string, string | object, Record<string, string>?][] = [
  ["malformed JSON", `{"query": `],
  ["a batch", [{ query: "{ __typename }" }]],
  ["a syntax error", { query: "{ countries { " }],
  ["an unknown field", { query: "{ countries { capital } }" }],
  ["a depth limit", { query: `{ __type(name: "Article") { ${"ofType { ".repeat(20)}name${" }".repeat(20)} } }` }],
  ["a token limit", { query: `{ ${"__typename ".repeat(5000)}}` }],
  ["a cost limit", { query: `{ articles(first: 100) { nodes { people { articles(first: 100) { nodes { id } } } } } }` }],
  ["a wrong variable type", { query: `query($first: Int) { articles(first: $first) { totalCount } }`, variables: { first: "ten" } }],
  ["a page size out of range", { query: `{ articles(first: 1000) { totalCount } }` }],
  [
    "an unknown entity type from a gateway",
    { query: `query($r: [_Any!]!) { _entities(representations: $r) { __typename } }`, variables: { r: [{ __typename: "Nope", id: "x" }] } },
  ],
  ["a fault of the service", { query: "{ tariffs { id } }" }],
  ["a form post", "query=%7B__typename%7D", { "content-type": "application/x-www-form-urlencoded" }],
];

async function errorsOf(server: TestServer, body: string | object, headers: Record<string, string> = {}) {
  const res = await fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const answer = (await res.json()) as { errors?: { message: string; extensions?: Record<string, unknown> }[] };
  expect(answer.errors?.length).toBeGreaterThan(0);
  return answer.errors!;
}

describe("errors in production", () => {
  it.each(FAILING)("%s: has a code, and no stack trace or file path", async (_name, body, headers) => {
    for (const error of await errorsOf(production, body, headers)) {
      expect(typeof error.extensions?.code).toBe("string");
      expect(error.extensions).not.toHaveProperty("stacktrace");
      const wire = JSON.stringify(error);
      expect(wire).not.toMatch(/node_modules|\/work\/|\/src\/|\.ts:\d|\.js:\d|\n\s+at /);
    }
  });

  it("reduces an unexpected error to its code and a generic message", async () => {
    const [error] = await errorsOf(production, FAILING.find(([name]) => name === "a fault of the service")![1]);
    expect(error).toMatchObject({ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } });
  });
});

describe("errors in development", () => {
  it.each(FAILING)("%s: has a code", async (_name, body, headers) => {
    for (const error of await errorsOf(development, body, headers)) expect(typeof error.extensions?.code).toBe("string");
  });

  it("keeps the stack trace and the real message, for the developer", async () => {
    const [error] = await errorsOf(development, FAILING.find(([name]) => name === "a fault of the service")![1]);
    expect(error).toMatchObject({ message: FAULT_MESSAGE, extensions: { code: "INTERNAL_SERVER_ERROR" } });
    expect(error!.extensions).toHaveProperty("stacktrace");
  });
});
