// The typed client in examples/client/, as a frontend uses it: generated types that match the
// schema (`npm run codegen` output is committed and must be current), and real requests to a
// started server. `tsc` checks examples/client/ against those types, so a schema change that
// breaks a frontend's operation fails the type check, and this test until codegen is rerun.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fetchArticlePage, segmentBody } from "../examples/client/articlePage.js";
import { createClient, GraphQLRequestError, type TypedClient } from "../examples/client/client.js";
import { PeopleListDocument, ResolveEntitiesDocument, type PeopleListQuery } from "../examples/client/generated/graphql.js";
import { CLIENT_GENERATED_DIR, generatedClientFiles } from "../scripts/codegen.js";
import { startTestServer, type TestServer } from "./harness.js";

const ARTICLE = "kyodo-20251028-takaichi-trump-summit";
let api: TestServer;
let client: TypedClient;

beforeAll(async () => {
  api = await startTestServer();
  client = createClient(api.url);
});

describe("examples/client/generated", () => {
  it("is exactly what `npm run codegen` generates from schema/examples.graphql (run it and commit the result)", async () => {
    const files = await generatedClientFiles();
    expect(files.map((file) => file.name)).toEqual(["gql.ts", "graphql.ts", "index.ts", "possibleTypes.ts"]);
    for (const file of files) {
      expect(await readFile(join(CLIENT_GENERATED_DIR, file.name), "utf8"), file.name).toBe(file.content);
    }
  });
});

describe("the typed client", () => {
  it("fetches the article page, typed, with mentions that split the body losslessly", async () => {
    const article = await fetchArticlePage(client, ARTICLE);
    expect(article).not.toBeNull();
    expect(article!.source).toBe("Kyodo News");
    expect(article!.people.map((p) => p.name)).toEqual(["Sanae Takaichi", "Donald Trump", "Shinzo Abe", "Xi Jinping"]);
    const segments = segmentBody(article!);
    expect(segments.map((s) => s.text).join("")).toBe(article!.body);
    const takaichi = segments.find((s) => s.entity?.__typename === "Person" && s.entity.id === "sanae-takaichi");
    expect(takaichi?.text).toBe("Sanae Takaichi");
  });

  it("answers null for an article that does not exist", async () => {
    expect(await fetchArticlePage(client, "no-such-article")).toBeNull();
  });

  it("pages through a list with endCursor until hasNextPage is false", async () => {
    const names: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const answer: PeopleListQuery = await client.request(PeopleListDocument, { first: 3, after });
      const people = answer.people!; // null only beside an error, and request() throws on errors
      names.push(...people.edges.map((edge) => edge.node.name));
      pages++;
      if (!people.pageInfo.hasNextPage) break;
      after = people.pageInfo.endCursor;
    }
    expect(pages).toBe(2);
    expect(names).toEqual(["Donald Trump", "Sanae Takaichi", "Shinzo Abe", "Xi Jinping"]);
  });

  it("resolves federation references the way a gateway asks", async () => {
    const { _entities } = await client.request(ResolveEntitiesDocument, {
      representations: [
        { __typename: "Country", code: "JP" },
        { __typename: "Person", id: "nobody" },
      ],
    });
    expect(_entities).toEqual([{ __typename: "Country", code: "JP", name: "Japan" }, null]);
  });

  it("throws the service's errors with their codes, naming the argument to change", async () => {
    const error = await client.request(PeopleListDocument, { first: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphQLRequestError);
    const { errors } = error as GraphQLRequestError;
    expect(errors[0]!.extensions?.code).toBe("BAD_USER_INPUT");
    expect(errors[0]!.message).toMatch(/"first" must be between 1 and 100; got 0/);
  });
});
