// Errors as a frontend meets them: an out-of-range argument fails only its own field and the rest
// of the answer is kept; a subscription is the client's mistake, said plainly; and stack traces
// stay in the server's log unless DEBUG_ERRORS=on asks for them on the wire.
import { beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../src/ops/config.js";
import { NO_SUBSCRIPTIONS_MESSAGE } from "../src/graphql/subscriptions.js";
import { startTestServer, type TestServer } from "./harness.js";

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer();
});

describe("an argument out of range", () => {
  it.each([
    ["a root list's page size", `{ countries { code } people(first: 1000) { totalCount } }`, ["people"], "first"],
    [
      "a nested list's page size",
      `{ countries { code } person(id: "sanae-takaichi") { name articles(first: 0) { totalCount } } }`,
      ["person", "articles"],
      "first",
    ],
    ["a search's page size", `{ countries { code } search(query: "Japan", first: 500) { score } }`, ["search"], "first"],
    [
      "a related list's page size",
      `{ countries { code } related(entity: { type: COUNTRY, id: "JP" }, first: 0) { score } }`,
      ["related"],
      "first",
    ],
    [
      "a timeline's range",
      `{ countries { code } country(code: "JP") { name timeline(from: "2000-01-01", to: "2025-12-31") { count } } }`,
      ["country", "timeline"],
      "to",
    ],
  ])(
    "in %s fails that field alone: null there, BAD_USER_INPUT naming the argument, the rest kept",
    async (_name, query, path, argument) => {
      const { status, data, errors } = await api.query(query);
      expect(status).toBe(200);
      expect(errors).toHaveLength(1);
      expect(errors![0]).toMatchObject({ path, extensions: { code: "BAD_USER_INPUT", argument } });
      expect(data.countries.length).toBeGreaterThan(0);
      // The failed field is null; its parent, when it has one, keeps its other fields.
      const parent = path.slice(0, -1).reduce((value: any, key) => value[key], data);
      expect(parent[path.at(-1)!]).toBeNull();
      if (path.length > 1) expect(parent.name).toEqual(expect.any(String));
    },
  );
});

describe("a subscription", () => {
  it("is refused before execution with BAD_REQUEST saying the service has none", async () => {
    const res = await fetch(api.url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
      body: JSON.stringify({ query: "subscription { articles { totalCount } }" }),
    });
    expect(res.status).toBe(400);
    const { errors, data } = await res.json();
    expect(data).toBeUndefined();
    expect(errors).toEqual([{ message: NO_SUBSCRIPTIONS_MESSAGE, extensions: { code: "BAD_REQUEST" } }]);
  });
});

describe("stack traces", () => {
  const failing = `{ articles(first: 1000) { totalCount } }`;

  it("are not sent in development by default", async () => {
    expect(readConfig({}).debugErrors).toBe(false);
    const { errors } = await api.query(failing);
    expect(errors![0]!.extensions).not.toHaveProperty("stacktrace");
    expect(JSON.stringify(errors)).not.toMatch(/\.ts:\d|node_modules/);
  });

  it("are sent with DEBUG_ERRORS=on", async () => {
    expect(readConfig({ DEBUG_ERRORS: "on" }).debugErrors).toBe(true);
    const debugging = await startTestServer(undefined, { debugErrors: true });
    const { errors } = await debugging.query(failing);
    expect(errors![0]!.extensions!.stacktrace).toEqual(expect.arrayContaining([expect.stringMatching(/pagination\.ts/)]));
  });
});
