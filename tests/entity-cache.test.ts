// The per-entity cache's contract (src/graphql/entityCache.ts): a router's `_entities` request for
// a new combination of entities already served is answered byte for byte as Apollo answers it,
// resolving only the entities not seen before (one batch per type), and a reload starts afresh.
import { beforeAll, describe, expect, it } from "vitest";
import { ENTITIES } from "../bench/workloads.js";
import { generateCorpus } from "../tools/generate/generate.js";
import { startTestServer, type TestServer } from "./harness.js";
import { testStore } from "./stores.js";

const corpus = generateCorpus({ articles: 60, seed: 11 });
const [a, b, c, d] = corpus.people;
const person = (p: { id: string }) => ({ __typename: "Person", id: p.id });
const article = { __typename: "Article", id: corpus.articles[0]!.id };
const country = { __typename: "Country", code: corpus.countries[0]!.code };

let cached: TestServer;
let uncached: TestServer;
beforeAll(async () => {
  [cached, uncached] = await Promise.all([startTestServer(corpus), startTestServer(corpus, { responseCache: false })]);
});

/** POSTs an `_entities` request as a router does and returns the status and body as sent. */
async function entities(api: TestServer, representations: object[]) {
  const res = await fetch(api.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: ENTITIES, variables: { representations } }),
  });
  return { status: res.status, body: await res.text() };
}

describe("the entity cache", () => {
  it("answers a new combination of known entities as Apollo does, resolving only the new ones", async () => {
    // Twice: Apollo answers the first, the compiled plan (and the entity cache) the second.
    await entities(cached, [person(a!), article]);
    await entities(cached, [person(a!), person(b!), article, country]);
    cached.resetBatches();
    const mixed = [country, person(c!), person(a!), article, person(b!), person(a!), { __typename: "Person", id: "nobody" }];
    const answer = await entities(cached, mixed);
    expect(answer).toEqual(await entities(uncached, mixed));
    // Only the people not served before were resolved (c and the unknown id, in one batch; then
    // c's nationality): nothing for the article, the country or the people already served.
    expect(cached.batches.filter((batch) => batch.loader !== "country")).toEqual([{ loader: "person", size: 2 }]);
    expect(cached.batches.filter((batch) => batch.loader === "country").length).toBeLessThanOrEqual(1);

    cached.resetBatches();
    expect(await entities(cached, [article, person(c!), country])).toEqual(await entities(uncached, [article, person(c!), country]));
    expect(cached.batches).toEqual([]);
  });

  it("hands a representation it cannot resolve back to Apollo, which answers its error", async () => {
    const bad = [person(d!), { __typename: "Money" }];
    const answer = await entities(cached, bad);
    expect(JSON.parse(answer.body).errors[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(answer).toEqual(await entities(uncached, bad));
  });

  it("starts afresh when a reload changes the store", async () => {
    await entities(cached, [person(a!)]);
    const renamed = structuredClone(corpus);
    renamed.people[0]!.name = "Renamed Person";
    const previous = cached.server.store();
    cached.server.setStore(await testStore(renamed));
    try {
      const answer = JSON.parse((await entities(cached, [person(a!)])).body);
      expect(answer.data._entities[0].name).toBe("Renamed Person");
    } finally {
      cached.server.setStore(previous);
    }
  });
});
