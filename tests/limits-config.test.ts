// Every limit is configurable: each environment variable is read (and a bad value refused at
// start-up), and a server started with tighter limits refuses what the defaults allow.
import { beforeAll, describe, expect, it } from "vitest";
import { ConfigError, readConfig, type Config } from "../src/ops/config.js";
import { startTestServer, type TestServer } from "./harness.js";

describe("limit variables", () => {
  it.each([
    ["MAX_DEPTH", "maxDepth", 9],
    ["MAX_ALIASES", "maxAliases", 5],
    ["MAX_DIRECTIVES", "maxDirectives", 7],
    ["MAX_TOKENS", "maxTokens", 500],
    ["MAX_ROOT_FIELDS", "maxRootFields", 3],
    ["MAX_COST", "maxCost", 1234],
    ["MAX_PAGE_SIZE", "maxPageSize", 50],
    ["MAX_BODY_BYTES", "maxBodyBytes", 4096],
    ["SHUTDOWN_TIMEOUT_MS", "shutdownTimeoutMs", 2500],
  ] as const)("reads %s into %s, and refuses a value that is not a whole number", (variable, key, value) => {
    expect(readConfig({ [variable]: String(value) })[key as keyof Config]).toBe(value);
    expect(() => readConfig({ [variable]: "lots" })).toThrow(ConfigError);
    expect(() => readConfig({ [variable]: "lots" })).toThrow(variable);
  });

  it("reads CORPUS_WATCH as a yes/no flag", () => {
    expect(readConfig({}).corpusWatch).toBe(false);
    expect(readConfig({ CORPUS_WATCH: "1" }).corpusWatch).toBe(true);
    expect(readConfig({ CORPUS_WATCH: "0" }).corpusWatch).toBe(false);
    expect(() => readConfig({ CORPUS_WATCH: "sometimes" })).toThrow("CORPUS_WATCH");
  });
});

describe("a server with tighter limits", () => {
  const tight = { maxDepth: 3, maxAliases: 1, maxDirectives: 1, maxTokens: 100, maxRootFields: 2, maxCost: 50 };
  let api: TestServer;
  let defaults: TestServer;

  beforeAll(async () => {
    [api, defaults] = await Promise.all([startTestServer(undefined, tight), startTestServer()]);
  });

  it.each([
    ["MAX_DEPTH_LIMIT", tight.maxDepth, `{ countries { leaders { nationality { code } } } }`],
    ["MAX_ALIASES_LIMIT", tight.maxAliases, `{ countries { a: code b: name } }`],
    ["MAX_DIRECTIVES_LIMIT", tight.maxDirectives, `{ countries { code @include(if: true) name @include(if: true) } }`],
    ["MAX_TOKENS_LIMIT", tight.maxTokens, `{ countries { ${"code ".repeat(100)}} }`],
    ["MAX_ROOT_FIELDS_LIMIT", tight.maxRootFields, `{ countries { code } tariffs { id } agreements { id } }`],
    ["COST_ESTIMATED_TOO_EXPENSIVE", tight.maxCost, `{ countries { leaders { name } } }`],
  ])("refuses with %s at its configured maximum (%d) what the defaults allow", async (code, max, query) => {
    const allowed = await defaults.query(query);
    expect(allowed.errors).toBeUndefined();
    const refused = await api.query(query);
    expect(refused.status).toBe(400);
    expect(refused.errors).toHaveLength(1);
    expect(refused.errors![0]!.extensions).toMatchObject({ code, max });
  });
});
