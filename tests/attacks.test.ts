// The attack suite: hostile requests against a started server with the shipped default limits.
// Each is refused with the right HTTP status and error code, before anything runs, and the
// server answers an ordinary query right after it.
import { request as httpRequest } from "node:http";
import { Lexer, Source, TokenKind, getIntrospectionQuery } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../src/ops/config.js";
import { startTestServer, type TestServer } from "./harness.js";

const ARTICLE = "kyodo-20251028-takaichi-trump-summit";
const DEFAULTS = readConfig({});

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer();
});

/** A raw answer: status, parsed body, headers. */
interface RawAnswer {
  status: number;
  body: any;
  headers: Headers;
}

/** POSTs a body as given (string bodies are sent verbatim) with GraphQL-over-HTTP headers. */
async function post(body: unknown, headers: Record<string, string> = {}): Promise<RawAnswer> {
  const res = await fetch(api.url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}

let ordinaryRuns = 0;

/** The ordinary query every case runs afterwards: the server must still execute it. */
async function expectStillServing() {
  // The comment makes each run distinct, so it is executed rather than answered from the response cache.
  const res = await api.query(`query Ordinary($id: ID!) { article(id: $id) { id people { name } } } # ${++ordinaryRuns}`, { id: ARTICLE });
  expect(res.status).toBe(200);
  expect(res.errors).toBeUndefined();
  expect(res.data.article.id).toBe(ARTICLE);
  expect(res.data.article.people.length).toBeGreaterThan(0);
}

// Private: `open` nested `levels` times around `inner`, e.g. nest(2, "a {", "}", "x") = "a { a { x } }".
function nest(levels: number, open: string, close: string, inner: string): string {
  return `${open} `.repeat(levels) + inner + ` ${close}`.repeat(levels);
}

// A selection exactly `depth` levels deep through real fields: article > people > nationality > leaders > nationality…
function deepQuery(depth: number): string {
  const chain = ["people"];
  while (chain.length < depth - 2) chain.push(chain.at(-1) === "nationality" ? "leaders" : "nationality");
  const leaf = chain.at(-1) === "nationality" ? "code" : "name";
  return `{ article(id: "${ARTICLE}") { ${chain.map((f) => `${f} {`).join(" ")} ${leaf} ${"} ".repeat(chain.length)}} }`;
}

// An ordinary-looking document of exactly `count` tokens: an _entities fetch with inline
// representations (8 tokens each), padded with __typename selections.
function queryOfTokens(count: number): string {
  const fixed = 12; // { _entities ( representations : [ ] ) { __typename } }
  const representations = Math.floor((count - fixed) / 8);
  const padding = count - fixed - representations * 8;
  const query = `{ _entities(representations: [${'{ __typename: "Country", code: "JP" } '.repeat(representations)}]) { ${"__typename ".repeat(1 + padding)}} }`;
  expect(countTokens(query)).toBe(count);
  return query;
}

// Private: the tokens in a document, as graphql-js's lexer (and so the parser's limit) counts them.
function countTokens(query: string): number {
  const lexer = new Lexer(new Source(query));
  let tokens = 0;
  while (lexer.advance().kind !== TokenKind.EOF) tokens++;
  return tokens;
}

describe("operation limits, at their defaults", () => {
  const cases: { limit: string; code: string; max: number; value: number; query: string; variables?: object }[] = [
    {
      limit: "depth",
      code: "MAX_DEPTH_LIMIT",
      max: DEFAULTS.maxDepth,
      value: DEFAULTS.maxDepth + 1,
      query: deepQuery(DEFAULTS.maxDepth + 1),
    },
    {
      limit: "depth",
      code: "MAX_DEPTH_LIMIT",
      max: DEFAULTS.maxDepth,
      value: DEFAULTS.maxDepth + 1,
      // Introspection is on, and held to the same depth limit.
      query: `{ __type(name: "Article") ${nest(DEFAULTS.maxDepth - 1, "{ ofType", "}", "{ name }")} }`,
    },
    {
      limit: "aliases",
      code: "MAX_ALIASES_LIMIT",
      max: DEFAULTS.maxAliases,
      value: DEFAULTS.maxAliases + 1,
      query: `{ article(id: "${ARTICLE}") { ${Array.from({ length: DEFAULTS.maxAliases + 1 }, (_, i) => `a${i}: id`).join(" ")} } }`,
    },
    {
      limit: "directives",
      code: "MAX_DIRECTIVES_LIMIT",
      max: DEFAULTS.maxDirectives,
      value: DEFAULTS.maxDirectives + 1,
      query: `{ article(id: "${ARTICLE}") { ${"id @skip(if: false) ".repeat(DEFAULTS.maxDirectives + 1)}} }`,
    },
    {
      limit: "rootFields",
      code: "MAX_ROOT_FIELDS_LIMIT",
      max: DEFAULTS.maxRootFields,
      value: DEFAULTS.maxRootFields + 1,
      query: `{ ${Array.from({ length: DEFAULTS.maxRootFields + 1 }, (_, i) => `c${i}: countries { code }`).join(" ")} }`,
    },
    {
      limit: "tokens",
      code: "MAX_TOKENS_LIMIT",
      max: DEFAULTS.maxTokens,
      // "{", the fields, "}": the count is the real one, not "more than".
      value: DEFAULTS.maxTokens + 100 + 2,
      query: `{ ${"__typename ".repeat(DEFAULTS.maxTokens + 100)}}`,
    },
    {
      limit: "cost",
      code: "COST_ESTIMATED_TOO_EXPENSIVE",
      max: DEFAULTS.maxCost,
      // 100 articles × (1 + people 10 × (1 + 100 articles × 2)): the page size comes from a variable.
      value: 201_200,
      query: `query Nested($n: Int) { articles(first: $n) { nodes { people { articles(first: $n) { nodes { id } } } } } }`,
      variables: { n: 100 },
    },
  ];

  it.each(cases)("refuses an operation over the $limit limit with $code, naming the limit and the value", async (c) => {
    const res = await post({ query: c.query, variables: c.variables });
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors).toHaveLength(1);
    const [error] = res.body.errors;
    expect(error.extensions).toMatchObject({ code: c.code, limit: c.limit, max: c.max, value: c.value });
    expect(error.message).toContain(String(c.max));
    expect(error.message).toContain(String(c.value));
    await expectStillServing();
  });

  it("accepts an operation exactly at each limit", async () => {
    const atLimits = [
      // Through introspection: a domain query this deep nests lists and is over the cost limit.
      `{ __type(name: "Article") ${nest(DEFAULTS.maxDepth - 2, "{ ofType", "}", "{ name }")} }`,
      `{ article(id: "${ARTICLE}") { ${Array.from({ length: DEFAULTS.maxAliases }, (_, i) => `a${i}: id`).join(" ")} } }`,
      `{ article(id: "${ARTICLE}") { ${"id @skip(if: false) ".repeat(DEFAULTS.maxDirectives)}} }`,
      `{ ${Array.from({ length: DEFAULTS.maxRootFields }, (_, i) => `c${i}: countries { code }`).join(" ")} }`,
      queryOfTokens(DEFAULTS.maxTokens),
    ];
    for (const query of atLimits) {
      const res = await post({ query });
      expect(res.body.errors, query.slice(0, 80)).toBeUndefined();
      expect(res.status).toBe(200);
    }
  });

  it("answers a limit error with 200 to a client that accepts only application/json, as GraphQL over HTTP asks", async () => {
    const res = await post({ query: deepQuery(DEFAULTS.maxDepth + 1) }, { accept: "application/json" });
    expect(res.status).toBe(200);
    expect(res.body.errors[0].extensions.code).toBe("MAX_DEPTH_LIMIT");
  });

  it("refuses a fragment bomb (fragments spreading fragments) as too expensive to estimate, without walking it", async () => {
    // 2^24 selections once expanded, from a document of a few hundred tokens.
    const levels = 24;
    const fragments = Array.from({ length: levels }, (_, i) =>
      i === levels - 1 ? `fragment F${i} on Article { id }` : `fragment F${i} on Article { ...F${i + 1} ...F${i + 1} }`,
    );
    const res = await post({ query: `{ article(id: "${ARTICLE}") { ...F0 } } ${fragments.join(" ")}` });
    expect(res.status).toBe(400);
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors[0].extensions).toMatchObject({ code: "COST_ESTIMATED_TOO_EXPENSIVE", limit: "cost", max: DEFAULTS.maxCost });
    await expectStillServing();
  });

  it("refuses nested introspection lists (graphql-js's introspection depth rule)", async () => {
    const res = await post({ query: `{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }` });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
    await expectStillServing();
  });
});

describe("what the limits must let through", () => {
  it("serves the standard introspection query (GraphiQL, codegen), every option on", async () => {
    const query = getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
      oneOf: true,
    });
    const res = await post({ query });
    expect(res.body.errors).toBeUndefined();
    expect(res.status).toBe(200);
    expect(res.body.data.__schema.types.map((t: { name: string }) => t.name)).toContain("Article");
  });

  it("serves a federation gateway's _entities fetch of 100 representations with a rich selection", async () => {
    const representations = Array.from({ length: 100 }, (_, i) => ({ __typename: "Article", id: i === 0 ? ARTICLE : `missing-${i}` }));
    const res = await post({
      query: `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Article {
        id headline people { id name nationality { code } } countries { code name } agreements { id } tariffs { id }
        mentions { start end entity { __typename } } } } }`,
      variables: { representations },
    });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data._entities).toHaveLength(100);
    expect(res.body.data._entities[0].id).toBe(ARTICLE);
  });

  it("serves a full page of 100 articles with their relations", async () => {
    const res = await post({
      query: `{ articles(first: 100) { edges { cursor node { id headline people { name } countries { name } agreements { name } tariffs { id } } } totalCount } }`,
    });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.articles.totalCount).toBeGreaterThan(0);
  });
});

describe("page size", () => {
  it.each([0, -1, DEFAULTS.maxPageSize + 1, 100_000])(
    "refuses first: %d with BAD_USER_INPUT naming the argument and range",
    async (first) => {
      const res = await post({ query: `query($first: Int) { articles(first: $first) { totalCount } }`, variables: { first } });
      expect(res.status).toBe(200); // a field error: the operation was valid and ran
      expect(res.body.errors).toHaveLength(1);
      expect(res.body.errors[0].extensions).toMatchObject({
        code: "BAD_USER_INPUT",
        argument: "first",
        value: first,
        min: 1,
        max: DEFAULTS.maxPageSize,
      });
      await expectStillServing();
    },
  );
});

describe("malformed requests", () => {
  it.each([
    ["malformed JSON", `{"query": "{ countries { code } }"`, {}, 400, "BAD_REQUEST"],
    ["an empty body", "", {}, 400, "BAD_REQUEST"],
    ["a JSON body with no query", { notquery: "{ __typename }" }, {}, 400, "BAD_REQUEST"],
    ["a batch (batching is off)", [{ query: "{ __typename }" }, { query: "{ __typename }" }], {}, 400, "BAD_REQUEST"],
    ["a syntax error", { query: "{ countries { code }" }, {}, 400, "GRAPHQL_PARSE_FAILED"],
    ["an unknown field", { query: "{ countries { capital } }" }, {}, 400, "GRAPHQL_VALIDATION_FAILED"],
    [
      "a fragment cycle",
      { query: `{ article(id: "x") { ...A } } fragment A on Article { people { articles { nodes { ...A } } } }` },
      {},
      400,
      "GRAPHQL_VALIDATION_FAILED",
    ],
    [
      "a wrong variable type",
      { query: `query($id: ID!) { article(id: $id) { id } }`, variables: { id: { not: "an id" } } },
      {},
      400,
      "BAD_USER_INPUT",
    ],
    ["a missing required variable", { query: `query($id: ID!) { article(id: $id) { id } }` }, {}, 400, "BAD_USER_INPUT"],
    [
      "a form post (CSRF: no preflight)",
      "query=%7B__typename%7D",
      { "content-type": "application/x-www-form-urlencoded" },
      415,
      "UNSUPPORTED_MEDIA_TYPE",
    ],
    [
      "a text/plain post (CSRF: no preflight)",
      JSON.stringify({ query: "{ __typename }" }),
      { "content-type": "text/plain" },
      415,
      "UNSUPPORTED_MEDIA_TYPE",
    ],
  ] as const)("refuses %s", async (_name, body, headers, status, code) => {
    const res = await post(body, headers);
    expect(res.status).toBe(status);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors.length).toBeGreaterThan(0);
    for (const error of res.body.errors) expect(error.extensions.code).toBe(code);
    await expectStillServing();
  });

  it("never runs a mutation over GET, and serves queries over GET", async () => {
    const get = (query: string) =>
      fetch(`${api.url}?query=${encodeURIComponent(query)}`, { headers: { accept: "application/graphql-response+json" } });
    const mutation = await get("mutation { __typename }");
    expect(mutation.status).toBeGreaterThanOrEqual(400);
    expect(mutation.status).toBeLessThan(500);
    const query = await get(`{ article(id: "${ARTICLE}") { id } }`);
    expect(query.status).toBe(200);
    expect(((await query.json()) as any).data.article.id).toBe(ARTICLE);
  });
});

describe("oversized bodies", () => {
  it("answers a declared 10 MB body with 413 after reading only its headers", async () => {
    const res = await postUnfinished({ "content-length": String(10 * 1024 * 1024) }, [Buffer.alloc(64 * 1024, " ")]);
    expect(res.status).toBe(413);
    expect(res.body.errors[0].extensions.code).toBe("PAYLOAD_TOO_LARGE");
    expect(res.headers.connection).toBe("close");
    await expectStillServing();
  });

  it("answers an undeclared (chunked) body with 413 as soon as it passes the limit", async () => {
    // Just over the limit is sent; the rest of a 10 MB body never is, so an answer proves it was not awaited.
    const chunks = Array.from({ length: Math.ceil(DEFAULTS.maxBodyBytes / 65536) + 1 }, () => Buffer.alloc(65536, " "));
    const res = await postUnfinished({ "transfer-encoding": "chunked" }, chunks);
    expect(res.status).toBe(413);
    expect(res.body.errors[0].extensions.code).toBe("PAYLOAD_TOO_LARGE");
    await expectStillServing();
  });
});

/** POSTs the first chunks of a body and never finishes it; resolves with the server's answer. */
function postUnfinished(
  headers: Record<string, string>,
  chunks: Buffer[],
): Promise<{ status: number; body: any; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(api.url, { method: "POST", headers: { "content-type": "application/json", ...headers } });
    // The server closes the connection while this side still owes bytes; that is the point.
    req.on("error", (error) =>
      (error as NodeJS.ErrnoException).code === "ECONNRESET" || (error as NodeJS.ErrnoException).code === "EPIPE"
        ? undefined
        : reject(error),
    );
    req.on("response", (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body: JSON.parse(text), headers: res.headers });
      });
    });
    for (const chunk of chunks) req.write(chunk);
  });
}
