// Schema shape, checked in-process: the committed SDL matches the code, the subgraph composes
// into a supergraph, and federation's entry points (_service, _entities) answer.
import { readFile } from "node:fs/promises";
import { composeServices } from "@apollo/composition";
import { parse } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { generatedSchemaText, SCHEMA_FILE } from "../scripts/print-schema.js";
import { startTestServer, type TestServer } from "./harness.js";

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});

describe("schema/schema.graphql", () => {
  it("is exactly what `npm run schema` generates from the code (run it and commit the result)", async () => {
    expect(await readFile(SCHEMA_FILE, "utf8")).toBe(await generatedSchemaText());
  });

  it("is the SDL the running subgraph serves at _service", async () => {
    const res = await api.query(`{ _service { sdl } }`);
    const served = res.data._service.sdl as string;
    expect(served).toContain('@link(url: "https://specs.apollo.dev/federation/v2');
    for (const type of ["Article", "Person", "Agreement", "Tariff"])
      expect(served).toMatch(new RegExp(`type ${type}\\s+@key\\(fields: "id"\\)`));
    expect(served).toMatch(/type Country\s+@key\(fields: "code"\)/);
  });
});

describe("composition", () => {
  it("composes into a supergraph with no errors", async () => {
    const sdl = (await api.query(`{ _service { sdl } }`)).data._service.sdl;
    const result = composeServices([{ name: "news", url: "http://news.invalid/graphql", typeDefs: parse(sdl) }]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.supergraphSdl).toContain("join__Graph");
  });
});

describe("_entities", () => {
  it("resolves every entity type by its key, and unknown keys to null without failing the rest", async () => {
    api.resetBatches();
    const res = await api.query(
      `query($r: [_Any!]!) { _entities(representations: $r) {
        __typename ... on Article { id } ... on Person { name } ... on Country { name } ... on Agreement { kind } ... on Tariff { ratePercent } } }`,
      {
        r: [
          { __typename: "Person", id: "sanae-takaichi" },
          { __typename: "Country", code: "jp" },
          { __typename: "Person", id: "no-such-person" },
          { __typename: "Agreement", id: "japan-us-trade-agreement-2025" },
          { __typename: "Tariff", id: "us-tariff-japan-automobiles" },
          { __typename: "Article", id: "kyodo-20251028-takaichi-trump-summit" },
          { __typename: "Person", id: "donald-trump" },
        ],
      },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data._entities).toEqual([
      { __typename: "Person", name: "Sanae Takaichi" },
      { __typename: "Country", name: "Japan" },
      null,
      { __typename: "Agreement", kind: "TRADE" },
      { __typename: "Tariff", ratePercent: 15 },
      { __typename: "Article", id: "kyodo-20251028-takaichi-trump-summit" },
      { __typename: "Person", name: "Donald Trump" },
    ]);
    // Three people in one request: one batch of the person loader.
    expect(api.batches.filter((b) => b.loader === "person")).toEqual([{ loader: "person", size: 3 }]);
  });

  it("refuses a representation without its key as BAD_USER_INPUT, and still resolves the others", async () => {
    const res = await api.query(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { name } } }`, {
      r: [{ __typename: "Person" }, { __typename: "Person", id: "xi-jinping" }],
    });
    expect(res.data._entities).toEqual([null, { name: "Xi Jinping" }]);
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]).toMatchObject({
      path: ["_entities", 0],
      extensions: { code: "BAD_USER_INPUT", argument: "representations", index: 0 },
    });
    expect(res.errors![0]!.message).toBe(
      'representations[0]: A Person representation needs its key "id" (a string); got {"__typename":"Person"}.',
    );
  });

  const ENTITIES = "entities are Agreement, Article, Country, Organization, Person, Tariff";
  const PEOPLE = `query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Person { name } } }`;

  // [case, the representation, the message]: each sent between two good ones.
  it.each([
    ["an unknown __typename", { __typename: "Nope", id: "x" }, `representations[1]: "Nope" is not an entity of this subgraph; ${ENTITIES}`],
    [
      "a value type (Money)",
      { __typename: "Money", amount: 1 },
      `representations[1]: "Money" is a type of this subgraph but not an entity; ${ENTITIES}`,
    ],
    [
      "a value type (PageInfo)",
      { __typename: "PageInfo", id: "x" },
      `representations[1]: "PageInfo" is a type of this subgraph but not an entity; ${ENTITIES}`,
    ],
    ["the root type", { __typename: "Query" }, `representations[1]: "Query" is a type of this subgraph but not an entity; ${ENTITIES}`],
    ["no __typename", { id: "xi-jinping" }, `representations[1]: has no "__typename" (a string naming the entity type); ${ENTITIES}`],
    [
      "a __typename that is not a string",
      { __typename: 7, id: "xi-jinping" },
      `representations[1]: has no "__typename" (a string naming the entity type); ${ENTITIES}`,
    ],
    [
      "a representation that is not an object",
      "xi-jinping",
      `representations[1]: "xi-jinping" is not an object with "__typename" and the type's key fields; ${ENTITIES}`,
    ],
  ])("refuses %s as BAD_USER_INPUT at its index, and still resolves the others", async (_, bad, message) => {
    const res = await api.query(PEOPLE, {
      r: [{ __typename: "Person", id: "xi-jinping" }, bad, { __typename: "Person", id: "donald-trump" }],
    });
    expect(res.status).toBe(200);
    expect(res.data._entities).toEqual([
      { __typename: "Person", name: "Xi Jinping" },
      null,
      { __typename: "Person", name: "Donald Trump" },
    ]);
    expect(res.errors).toEqual([
      {
        message,
        locations: expect.any(Array),
        path: ["_entities", 1],
        extensions: expect.objectContaining({ code: "BAD_USER_INPUT", argument: "representations", index: 1 }),
      },
    ]);
  });

  it("answers a mix of good and bad representations in one request, one batch per entity type", async () => {
    api.resetBatches();
    const res = await api.query(
      `query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Person { name } ... on Country { name } } }`,
      {
        r: [
          { __typename: "Nope", id: "x" },
          { __typename: "Person", id: "sanae-takaichi" },
          { id: "donald-trump" },
          { __typename: "Country", code: "JP" },
          { __typename: "Money", amount: 1, currency: "USD" },
          { __typename: "Person" },
          { __typename: "Person", id: "xi-jinping" },
          { __typename: "Country", alpha3: "USA" },
        ],
      },
    );
    expect(res.data._entities).toEqual([
      null,
      { __typename: "Person", name: "Sanae Takaichi" },
      null,
      { __typename: "Country", name: "Japan" },
      null,
      null,
      { __typename: "Person", name: "Xi Jinping" },
      { __typename: "Country", name: "United States" },
    ]);
    const byIndex = Object.fromEntries(res.errors!.map((e) => [e.path![1], e]));
    expect(Object.keys(byIndex)).toEqual(["0", "2", "4", "5"]);
    for (const [index, error] of Object.entries(byIndex)) {
      expect(error).toMatchObject({
        path: ["_entities", Number(index)],
        extensions: { code: "BAD_USER_INPUT", argument: "representations", index: Number(index) },
      });
      expect(error.message).toMatch(new RegExp(`^representations\\[${index}\\]: `));
    }
    expect(byIndex[5]!.message).toContain('needs its key "id"');
    // The refused representations never reach a loader; the good ones are one batch per type.
    expect(api.batches.filter((b) => b.loader === "person")).toEqual([{ loader: "person", size: 2 }]);
    expect(api.batches.filter((b) => b.loader === "country")).toEqual([{ loader: "country", size: 2 }]);
  });
});
