// The news subgraph's federation features, asked of the subgraph itself as a gateway asks:
// entity lookups by either Country key, federated tracing on request, and value types another
// subgraph may define too.
import { composeServices } from "@apollo/composition";
import { Trace } from "@apollo/usage-reporting-protobuf";
import { parse } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./harness.js";

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});

const COUNTRY_ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Country { code alpha3 name } } }`;

describe("Country's two keys", () => {
  it("resolves references by alpha-2 code or alpha-3 code, in any case, with one batch", async () => {
    api.resetBatches();
    const res = await api.query(COUNTRY_ENTITIES, {
      r: [
        { __typename: "Country", code: "JP" },
        { __typename: "Country", alpha3: "USA" },
        { __typename: "Country", alpha3: "chn" },
        { __typename: "Country", code: "us" },
      ],
    });
    expect(res.errors).toBeUndefined();
    expect(res.data._entities).toEqual([
      { code: "JP", alpha3: "JPN", name: "Japan" },
      { code: "US", alpha3: "USA", name: "United States" },
      { code: "CN", alpha3: "CHN", name: "China" },
      { code: "US", alpha3: "USA", name: "United States" },
    ]);
    // Both keys meet in the same loader: one batch of the three distinct codes.
    expect(api.batches.filter((b) => b.loader === "country")).toEqual([{ loader: "country", size: 3 }]);
  });

  it.each([
    ["an alpha-3 code ISO does not assign", { __typename: "Country", alpha3: "ZZZ" }],
    ["a real alpha-3 code of a country the corpus lacks", { __typename: "Country", alpha3: "FRA" }],
    ["an alpha-2 code the corpus lacks", { __typename: "Country", code: "FR" }],
  ])("resolves %s to null without failing the other references", async (_, unknown) => {
    const res = await api.query(COUNTRY_ENTITIES, { r: [unknown, { __typename: "Country", alpha3: "JPN" }] });
    expect(res.errors).toBeUndefined();
    expect(res.data._entities).toEqual([null, { code: "JP", alpha3: "JPN", name: "Japan" }]);
  });
});

describe("federated tracing (ftv1)", () => {
  const QUERY = `{ country(code: "JP") { name leaders { name } } }`;

  /** POSTs QUERY with the given extra headers and returns the parsed body. */
  async function post(headers: Record<string, string>) {
    const res = await fetch(api.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ query: QUERY }),
    });
    return (await res.json()) as { data: unknown; extensions?: { ftv1?: string } };
  }

  it("returns an inline trace of the operation when the gateway asks for one", async () => {
    const body = await post({ "apollo-federation-include-trace": "ftv1" });
    expect(body.data).toEqual({ country: { name: "Japan", leaders: [{ name: "Sanae Takaichi" }] } });
    expect(typeof body.extensions?.ftv1).toBe("string");
    const trace = Trace.decode(Buffer.from(body.extensions!.ftv1!, "base64"));
    expect(Number(trace.durationNs)).toBeGreaterThan(0);
    // The trace is of this operation: the root field and the fields under it, with their types.
    const country = trace.root?.child?.find((node) => node.responseName === "country");
    expect(country).toMatchObject({ type: "Country", parentType: "Query" });
    expect(country?.child?.map((node) => node.responseName).sort()).toEqual(["leaders", "name"]);
  });

  it("returns no trace when nobody asks", async () => {
    const body = await post({});
    expect(body.data).toEqual({ country: { name: "Japan", leaders: [{ name: "Sanae Takaichi" }] } });
    expect(body.extensions?.ftv1).toBeUndefined();
  });
});

describe("@shareable value types", () => {
  // Same fields in both subgraphs, as the Relay spec and ISO 4217 make them: a value type
  // resolvable in either place must be wholly resolvable in each.
  it("compose with another team's subgraph that defines Money and PageInfo too", async () => {
    const sdl = (await api.query(`{ _service { sdl } }`)).data._service.sdl as string;
    const pricing = `
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@shareable"])
      type Query { prices(first: Int): PriceConnection! }
      type Price { id: ID! amount: Money! }
      type PriceConnection { nodes: [Price!]! pageInfo: PageInfo! }
      type Money @shareable { amount: Float! currency: String! }
      type PageInfo @shareable { hasNextPage: Boolean! hasPreviousPage: Boolean! startCursor: String endCursor: String }`;
    const result = composeServices([
      { name: "news", url: "http://news.invalid/graphql", typeDefs: parse(sdl) },
      { name: "pricing", url: "http://pricing.invalid/graphql", typeDefs: parse(pricing) },
    ]);
    expect(result.errors ?? []).toEqual([]);
  });
});
