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
    for (const type of ["Article", "Person", "Agreement", "Tariff"]) expect(served).toMatch(new RegExp(`type ${type}\\s+@key\\(fields: "id"\\)`));
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
    expect(res.errors![0]).toMatchObject({ path: ["_entities", 0], extensions: { code: "BAD_USER_INPUT" } });
    expect(res.errors![0]!.message).toContain('needs its key "id"');
  });
});
