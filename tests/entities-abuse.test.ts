// `_entities` sent cheap and answered dear: representations that name no entity are charged by the
// cost limit before any representation is resolved, and however many fail, one answer carries at
// most MAX_ERRORS errors, the rest summed up in a last TOO_MANY_ERRORS error.
import { beforeAll, describe, expect, it } from "vitest";
import { INVALID_REPRESENTATION_COST } from "../src/graphql/cost.js";
import { startTestServer, type TestServer } from "./harness.js";

const ENTITIES = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Article { id } } }`;

let api: TestServer;
let articleIds: string[];
beforeAll(async () => {
  api = await startTestServer();
  const page = await api.query(`{ articles(first: 5) { nodes { id } } }`);
  articleIds = page.data.articles.nodes.map((a: { id: string }) => a.id);
});

describe("_entities with representations that name no entity", () => {
  it("refuses 10,000 of them as too expensive before resolving any", async () => {
    const representations = [
      ...articleIds.map((id) => ({ __typename: "Article", id })),
      ...Array.from({ length: 10_000 }, () => ({ __typename: "X" })),
    ];
    api.resetBatches();
    const answer = await api.query(ENTITIES, { representations });
    expect(answer.status).toBe(400);
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors![0]!.extensions).toMatchObject({ code: "COST_ESTIMATED_TOO_EXPENSIVE", max: 20_000 });
    expect(answer.errors![0]!.extensions!.value).toBeGreaterThanOrEqual(10_000 * (1 + INVALID_REPRESENTATION_COST));
    expect(api.batches).toEqual([]); // not even the valid ones were loaded
  });

  it("answers fewer within the budget with at most 100 errors, the rest summed up", async () => {
    const representations = [{ __typename: "Article", id: articleIds[0] }, ...Array.from({ length: 1500 }, () => ({ __typename: "X" }))];
    const answer = await api.query(ENTITIES, { representations });
    expect(answer.data._entities).toHaveLength(1501);
    expect(answer.data._entities[0]).toEqual({ id: articleIds[0] });
    expect(answer.errors).toHaveLength(100);
    expect(answer.errors!.slice(0, 99).every((e) => e.extensions!.code === "BAD_USER_INPUT")).toBe(true);
    expect(answer.errors![99]!.extensions).toEqual({ code: "TOO_MANY_ERRORS", omitted: 1401, codes: { BAD_USER_INPUT: 1401 } });
    expect(answer.errors![99]!.message).toContain("1401 more errors");
  });

  it("leaves a gateway's batch of valid representations at one per item", async () => {
    const representations = Array.from({ length: 2000 }, (_, i) => ({ __typename: "Article", id: articleIds[i % articleIds.length] }));
    const answer = await api.query(ENTITIES, { representations });
    expect(answer.errors).toBeUndefined();
    expect(answer.data._entities).toHaveLength(2000);
  });
});
