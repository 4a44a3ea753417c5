// DataLoader batching, asserted through the loaders' own batch log: a query over many
// articles asks the store once per kind of lookup per level, however many articles there are.
import { beforeAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../tools/generate/generate.js";
import { startTestServer, type TestServer } from "./harness.js";

const ARTICLE_PAGE = `query($first: Int) {
  articles(first: $first) {
    nodes {
      id
      people { id nationality { code } roles { country { code } } }
      countries { name leaders { id } }
      agreements { parties { code } tariffs { id } }
      tariffs { imposedBy { code } appliesTo { code } agreement { id } }
      mentions { entity { __typename ... on Person { id } } }
    }
  }
}`;

let api: TestServer;
beforeAll(async () => {
  // This test is about batching, not limits: the deliberately heavy page may cost what it costs.
  // It runs the same page twice, so the response cache is off: a cached answer makes no batches.
  api = await startTestServer(generateCorpus({ articles: 300, seed: 7 }), { maxCost: 1_000_000, responseCache: false });
});

/** Runs a query and returns how many batches each loader made and the keys it asked for in total. */
async function batchProfile(query: string, variables: Record<string, unknown>) {
  api.resetBatches();
  const res = await api.query(query, variables);
  expect(res.errors).toBeUndefined();
  const batches: Record<string, number> = {};
  const keys: Record<string, number> = {};
  for (const b of api.batches) {
    batches[b.loader] = (batches[b.loader] ?? 0) + 1;
    keys[b.loader] = (keys[b.loader] ?? 0) + b.size;
  }
  return { res, batches, keys };
}

describe("batching", () => {
  it("loads the entities of 100 articles with one batch per relation", async () => {
    const { res, batches, keys } = await batchProfile(ARTICLE_PAGE, { first: 100 });
    expect(res.data.articles.nodes).toHaveLength(100);
    // One batch each for the page's articles and their mention lists, 100 keys each.
    expect(api.batches.filter((b) => b.loader === "article")).toEqual([{ loader: "article", size: 100 }]);
    expect(api.batches.filter((b) => b.loader === "articleEntities")).toEqual([{ loader: "articleEntities", size: 100 }]);
    // Every entity loader runs a handful of batches (one per level it appears at), never one per article.
    for (const loader of ["person", "country", "agreement", "tariff", "leaders", "tariffsOfAgreement"]) {
      expect(batches[loader], loader).toBeGreaterThanOrEqual(1);
      expect(batches[loader], loader).toBeLessThanOrEqual(3);
    }
    // A key is never asked for twice in one request: the person batches together hold exactly
    // the distinct people the answer shows (article people, country leaders, mentioned people).
    const ids = new Set<string>();
    for (const a of res.data.articles.nodes) {
      a.people.forEach((p: any) => ids.add(p.id));
      a.countries.forEach((c: any) => c.leaders.forEach((l: any) => ids.add(l.id)));
      a.mentions.forEach((m: any) => m.entity.id && ids.add(m.entity.id));
    }
    expect(keys.person).toBe(ids.size);
  });

  // How many levels of ARTICLE_PAGE use each loader: the most batches it may make, whatever the page size.
  const LEVELS: Record<string, number> = {
    article: 1, // articles.nodes
    articleEntities: 1, // people/countries/agreements/tariffs/mentions of each article
    person: 2, // Article.people; Country.leaders and Mention.entity one level down
    country: 3, // Article.countries; nationality, parties, imposedBy/appliesTo; Role.country
    agreement: 2, // Article.agreements; Tariff.agreement
    tariff: 2, // Article.tariffs; Agreement.tariffs
    leaders: 1,
    tariffsOfAgreement: 1,
    organization: 1, // Mention.entity (generated corpora mention organizations)
  };

  it.each([5, 25, 100])("makes at most one batch per loader per level for a page of %i articles", async (first) => {
    const { res, batches, keys } = await batchProfile(ARTICLE_PAGE, { first });
    expect(res.data.articles.nodes).toHaveLength(first);
    expect(Object.keys(batches).sort()).toEqual(Object.keys(LEVELS).sort());
    // A loader hands the store at most 1000 keys at once (loaders.ts): a level asking for more is
    // split into chunks of 1000, which are still one lookup per level each.
    for (const [loader, count] of Object.entries(batches)) {
      expect(count, loader).toBeLessThanOrEqual(LEVELS[loader]! + Math.floor((keys[loader]! - 1) / 1000));
    }
  });

  it("batches the article pages of many people into one store call", async () => {
    api.resetBatches();
    const res = await api.query(`{ people(first: 50) { nodes { articles(first: 5) { totalCount nodes { id headline } } } } }`);
    expect(res.errors).toBeUndefined();
    expect(api.batches.filter((b) => b.loader === "entityArticles")).toEqual([{ loader: "entityArticles", size: 50 }]);
    expect(api.batches.filter((b) => b.loader === "article")).toHaveLength(1);
  });
});
