// The compiled executor's contract: graphql-jit behind Apollo Server (src/graphql/executor.ts) answers
// every operation with exactly the bytes and status the graphql-js executor gives, errors included.
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
  ["aliases, fragments and __typename", `{ a: article(id: "${article.id}") { ...F } b: article(id: "missing") { ...F } } fragment F on Article { __typename id t: headline mentions(type: TARIFF) { text entity { __typename } } }`],
  ["@skip and @include", `query($yes: Boolean!) { countries { code name @include(if: $yes) leaders @skip(if: $yes) { id } } }`, { yes: true }],
  ["a resolver error beside data", `{ article(id: "${article.id}") { id } articles(first: 1000) { totalCount } }`],
  ["a bad cursor", `{ articles(first: 2, after: "not-a-cursor") { totalCount } }`],
  ["a missing required variable", `query($id: ID!) { article(id: $id) { id } }`, {}],
  ["a variable of the wrong type", `query($first: Int) { articles(first: $first) { totalCount } }`, { first: "ten" }],
  ["an unknown entity type", `query($r: [_Any!]!) { _entities(representations: $r) { __typename } }`, { r: [{ __typename: "Nope", id: "x" }] }],
  ["refused representations among good ones", ENTITIES, { representations: [{ __typename: "Money" }, ...representations.slice(0, 3), { id: "x" }, { __typename: "Person" }] }],
  ["the subgraph SDL", `{ _service { sdl } }`],
];

let jit: TestServer;
let graphqlJs: TestServer;
let jitDev: TestServer;
let graphqlJsDev: TestServer;
beforeAll(async () => {
  // The cache would answer repeats without executing anything; this is about the executors.
  [jit, graphqlJs, jitDev, graphqlJsDev] = await Promise.all([
    startTestServer(corpus, { executor: "jit", responseCache: false, production: true }),
    startTestServer(corpus, { executor: "graphql-js", responseCache: false, production: true }),
    startTestServer(corpus, { executor: "jit", responseCache: false }),
    startTestServer(corpus, { executor: "graphql-js", responseCache: false }),
  ]);
});

/** POSTs an operation and returns the status and the body exactly as sent. */
async function raw(api: TestServer, query: string, variables?: Record<string, unknown>) {
  const res = await fetch(api.url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: await res.text() };
}

/** A development answer without its stack traces, which name each executor's own frames. */
function withoutStacks(answer: { status: number; body: string }) {
  const body = JSON.parse(answer.body) as { errors?: { extensions?: Record<string, unknown> }[] };
  for (const error of body.errors ?? []) delete error.extensions?.stacktrace;
  return { status: answer.status, body };
}

describe("the graphql-jit executor", () => {
  it.each(OPERATIONS)("answers %s byte for byte as graphql-js does", async (_, query, variables) => {
    // Twice: the first run compiles the operation, the second runs the compiled code.
    for (let run = 0; run < 2; run++) {
      expect(await raw(jit, query, variables)).toEqual(await raw(graphqlJs, query, variables));
      // In development the messages and codes match too; only the stack frames differ.
      expect(withoutStacks(await raw(jitDev, query, variables))).toEqual(withoutStacks(await raw(graphqlJsDev, query, variables)));
    }
  });

  it("still returns a federated trace with every field when a gateway asks for one", async () => {
    const res = await fetch(jitDev.url, {
      method: "POST",
      headers: { "content-type": "application/json", "apollo-federation-include-trace": "ftv1" },
      body: JSON.stringify({ query: `{ country(code: "JP") { name leaders { name } } }` }),
    });
    const body = (await res.json()) as { data: { country: { name: string } }; extensions?: { ftv1?: string } };
    expect(body.data.country.name).toBe("Japan");
    expect(typeof body.extensions?.ftv1).toBe("string");
  });
});
