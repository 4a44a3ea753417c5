// The compiled plans' contract (src/graphql/compiledOperations.ts): once Apollo Server has answered a
// document cleanly, its compiled plan answers it with exactly the bytes and status Apollo's graphql-js
// execution gives; whatever the plan cannot answer cleanly (errors, the cost limit, a trace) is Apollo's.
import { DateTimeResolver } from "graphql-scalars";
import { beforeAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../tools/generate/generate.js";
import { ARTICLE_PAGE, ENTITIES, FILTERED_LIST, LIST_PAGE, PERSON_PAGE } from "../bench/workloads.js";
import { startTestServer, type TestServer } from "./harness.js";

const corpus = generateCorpus({ articles: 120, seed: 3 });
const article = corpus.articles.find((a) => a.mentions.some((m) => m.entityType === "TARIFF"))!;
const person = corpus.people.find((p) => corpus.articles.some((a) => a.mentions.some((m) => m.entityId === p.id)))!;
const representations = [
  { __typename: "Article", id: corpus.articles[0]!.id },
  { __typename: "Person", id: person.id },
  { __typename: "Country", code: "JP" },
  { __typename: "Country", alpha3: "USA" },
  { __typename: "Agreement", id: corpus.agreements[0]!.id },
  { __typename: "Tariff", id: corpus.tariffs[0]!.id },
  { __typename: "Person", id: "nobody-at-all" },
];

// [name, query, variables]: the benchmark's workloads, then the shapes where executors differ most.
const OPERATIONS: [string, string, Record<string, unknown>?][] = [
  ["the article page", ARTICLE_PAGE, { id: article.id }],
  ["the list page", LIST_PAGE],
  ["the person page", PERSON_PAGE, { id: person.id }],
  ["_entities with mixed and unknown keys", ENTITIES, { representations }],
  ["a filtered list", FILTERED_LIST, { country: "jp", after: "2024-06-01T00:00:00Z" }],
  [
    "aliases, fragments and __typename",
    `{ a: article(id: "${article.id}") { ...F } b: article(id: "missing") { ...F } } fragment F on Article { __typename id t: headline mentions(type: TARIFF) { text entity { __typename } } }`,
  ],
  [
    "@skip and @include",
    `query($yes: Boolean!) { countries { code name @include(if: $yes) leaders @skip(if: $yes) { id } } }`,
    { yes: true },
  ],
  ["a resolver error beside data", `{ article(id: "${article.id}") { id } articles(first: 1000) { totalCount } }`],
  ["a bad cursor", `{ articles(first: 2, after: "not-a-cursor") { totalCount } }`],
  ["a missing required variable", `query($id: ID!) { article(id: $id) { id } }`, {}],
  ["a variable of the wrong type", `query($first: Int) { articles(first: $first) { totalCount } }`, { first: "ten" }],
  [
    "an unknown entity type",
    `query($r: [_Any!]!) { _entities(representations: $r) { __typename } }`,
    { r: [{ __typename: "Nope", id: "x" }] },
  ],
  [
    "refused representations among good ones",
    ENTITIES,
    { representations: [{ __typename: "Money" }, ...representations.slice(0, 3), { id: "x" }, { __typename: "Person" }] },
  ],
  ["the subgraph SDL", `{ _service { sdl } }`],
];

let prod: TestServer;
let dev: TestServer;
let fresh: TestServer;
let limited: TestServer;
beforeAll(async () => {
  // The response cache would answer repeats without executing anything; this is about execution.
  [prod, dev, fresh, limited] = await Promise.all([
    startTestServer(corpus, { responseCache: false, production: true }),
    startTestServer(corpus, { responseCache: false }),
    startTestServer(corpus, { responseCache: false }),
    startTestServer(corpus, { responseCache: false, maxCost: 60, maxVariablesDepth: 4 }),
  ]);
});

/** POSTs an operation and returns the status and the body exactly as sent. */
async function raw(api: TestServer, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
  const res = await fetch(api.url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, contentType: res.headers.get("content-type"), body: await res.text() };
}

describe("compiled operations", () => {
  it.each(OPERATIONS)("answer %s byte for byte as Apollo Server does", async (_, query, variables) => {
    for (const api of [prod, dev]) {
      const answered = api.server.compiledOperations.stats.answered;
      // The first answer is Apollo's; a clean one is compiled, and the next ones run compiled.
      const first = await raw(api, query, variables);
      const clean = first.status === 200 && !JSON.parse(first.body).errors;
      for (let run = 0; run < 2; run++) expect(await raw(api, query, variables)).toEqual(first);
      expect(api.server.compiledOperations.stats.answered - answered).toBe(clean ? 2 : 0);
    }
  });

  it("leave to Apollo new variables of a compiled document that end in an error", async () => {
    const query = `query($first: Int) { articles(first: $first) { totalCount } }`;
    await raw(dev, query, { first: 2 });
    expect(JSON.parse((await raw(dev, query, { first: 2 })).body).data.articles.totalCount).toBe(corpus.articles.length);
    const compiled = await raw(dev, query, { first: 1000 });
    expect(JSON.parse(compiled.body).errors[0].extensions.code).toBe("BAD_USER_INPUT");
    // Stack traces aside, the same answer a server that never compiled the document gives.
    expect(withoutStacks(compiled)).toEqual(withoutStacks(await raw(fresh, query, { first: 1000 })));
  });

  it("serve DateTime values as graphql-scalars' DateTime serialises them, on every run", async () => {
    // The service remembers each date's serialisation (src/graphql/dateTimeScalar.ts); the bytes must not change.
    const query = `{ articles(first: 30) { nodes { id publishedAt } } }`;
    const byId = new Map(corpus.articles.map((a) => [a.id, a.publishedAt]));
    for (let run = 0; run < 3; run++) {
      const { nodes } = JSON.parse((await raw(dev, query)).body).data.articles as { nodes: { id: string; publishedAt: string | null }[] };
      expect(nodes.length).toBe(30);
      for (const node of nodes) {
        const stored = byId.get(node.id);
        expect(node.publishedAt).toBe(stored == null ? null : JSON.parse(JSON.stringify(DateTimeResolver.serialize(stored))));
      }
    }
  });

  it("keep the cost limit, which depends on the variables", async () => {
    const query = `query($first: Int) { articles(first: $first) { nodes { id people { id } } } }`;
    await raw(limited, query, { first: 2 });
    expect((await raw(limited, query, { first: 2 })).status).toBe(200);
    const over = await raw(limited, query, { first: 50 });
    expect(over.status).toBe(400);
    expect(JSON.parse(over.body).errors[0].extensions.code).toBe("COST_ESTIMATED_TOO_EXPENSIVE");
  });

  it("keep the cost limit when a variable decides which selections count", async () => {
    // 20 without the people, 120 with them: over the limit of 60 only when $all is true.
    const query = `query($all: Boolean!) { articles(first: 10) { nodes { id people @include(if: $all) { id } } } }`;
    await raw(limited, query, { all: false });
    expect((await raw(limited, query, { all: false })).status).toBe(200);
    const over = await raw(limited, query, { all: true });
    expect(over.status).toBe(400);
    expect(JSON.parse(over.body).errors[0].extensions.code).toBe("COST_ESTIMATED_TOO_EXPENSIVE");
  });

  it("keep the variables' depth limit", async () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { __typename } }`;
    const shallow = [{ __typename: "Country", code: "JP" }];
    await raw(limited, query, { r: shallow });
    expect((await raw(limited, query, { r: shallow })).status).toBe(200);
    const deep = await raw(limited, query, { r: [{ __typename: "Country", code: "JP", x: { y: { z: 1 } } }] });
    expect(deep.status).toBe(400);
    expect(JSON.parse(deep.body).errors[0].extensions.limit).toBe("variablesDepth");
  });

  it("answer GET requests and the JSON type a client prefers", async () => {
    const query = `{ country(code: "JP") { name } }`;
    const url = `${dev.url}?query=${encodeURIComponent(query)}`;
    await fetch(url, { headers: { accept: "application/json" } });
    const answered = dev.server.compiledOperations.stats.answered;
    for (const accept of [
      "application/json",
      "application/graphql-response+json",
      "application/graphql-response+json, application/json;q=0.9",
    ]) {
      const res = await fetch(url, { headers: { accept } });
      expect(res.headers.get("content-type")).toBe(`${accept.split(",")[0]}; charset=utf-8`);
      expect(await res.json()).toEqual({ data: { country: { name: "Japan" } } });
    }
    expect(dev.server.compiledOperations.stats.answered - answered).toBe(3);
  });

  it("still return a federated trace with every field when a gateway asks for one", async () => {
    const query = `{ country(code: "JP") { name leaders { name } } }`;
    await raw(dev, query);
    const res = await raw(dev, query, undefined, { "apollo-federation-include-trace": "ftv1" });
    const body = JSON.parse(res.body) as { data: { country: { name: string } }; extensions?: { ftv1?: string } };
    expect(body.data.country.name).toBe("Japan");
    expect(typeof body.extensions?.ftv1).toBe("string");
  });
});

/** A development answer without its stack traces, which name each path's own frames. */
function withoutStacks(answer: { status: number; body: string }) {
  const body = JSON.parse(answer.body) as { errors?: { extensions?: Record<string, unknown> }[] };
  for (const error of body.errors ?? []) delete error.extensions?.stacktrace;
  return { status: answer.status, body };
}
